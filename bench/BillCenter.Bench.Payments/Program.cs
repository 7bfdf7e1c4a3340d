using System.Text;
using BillCenter.Bench.Payments;
using BillCenter.Testing;

// bench/payments.sh starts PostgreSQL (with --postgres) and runs this program. Options:
//   --payments N      scheduled payments, one per card account (default 100000)
//   --postgres CONN   also on this PostgreSQL server      --skip-sqlite only PostgreSQL
//   --output FILE     write the Markdown report there
var options = PaymentBenchOptions.Parse(args);
if (options.Postgres is not null)
{
    Environment.SetEnvironmentVariable("BILLCENTER_TEST_POSTGRES", options.Postgres);
}

var databases = new List<TestDatabase>();
if (!options.SkipSqlite)
{
    databases.Add(TestDatabase.Sqlite);
}

if (options.Postgres is not null)
{
    databases.Add(TestDatabase.Postgres);
}

var results = new List<PostingResult>();
foreach (var database in databases)
{
    results.Add(await PostingBench.RunAsync(database, options, Console.WriteLine));
}

var report = PostingBench.Report(options, results);
Console.WriteLine(report);
if (options.Output is { } output)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, report, Encoding.UTF8);
}

return results.All(r => r.Check) ? 0 : 1;
