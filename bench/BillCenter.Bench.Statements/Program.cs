using System.Text;
using BillCenter.Bench.Statements;
using BillCenter.Testing;

// bench/statements.sh starts PostgreSQL (with --postgres) and runs this program. Options:
//   --accounts N      card accounts (default 100000)     --entries M   entries per account in the cycle (default 30)
//   --postgres CONN   also on this PostgreSQL server      --skip-sqlite only PostgreSQL
//   --output FILE     write the Markdown report there
var options = StatementBenchOptions.Parse(args);
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

var results = new List<StatementRunResult>();
foreach (var database in databases)
{
    results.Add(await StatementRunBench.RunAsync(database, options, Console.WriteLine));
}

var report = StatementRunBench.Report(options, results);
Console.WriteLine(report);
if (options.Output is { } output)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, report, Encoding.UTF8);
}

return results.All(r => r.Check) ? 0 : 1;
