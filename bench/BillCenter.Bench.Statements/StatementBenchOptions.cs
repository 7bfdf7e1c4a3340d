using System.Globalization;

namespace BillCenter.Bench.Statements;

internal sealed record StatementBenchOptions(int Accounts, int Entries, string? Postgres, bool SkipSqlite, string? Output, int ActivityEntries)
{
    public static StatementBenchOptions Parse(string[] args)
    {
        var options = new StatementBenchOptions(100_000, 30, null, false, null, 100_000);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--accounts" => options with { Accounts = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--entries" => options with { Entries = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--postgres" => options with { Postgres = args[++i] },
                "--skip-sqlite" => options with { SkipSqlite = true },
                "--activity-entries" => options with { ActivityEntries = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--output" => options with { Output = args[++i] },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return options;
    }
}
