using System.Globalization;

namespace BillCenter.Bench.Payments;

internal sealed record PaymentBenchOptions(int Payments, string? Postgres, bool SkipSqlite, string? Output)
{
    public static PaymentBenchOptions Parse(string[] args)
    {
        var options = new PaymentBenchOptions(100_000, null, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--payments" => options with { Payments = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--postgres" => options with { Postgres = args[++i] },
                "--skip-sqlite" => options with { SkipSqlite = true },
                "--output" => options with { Output = args[++i] },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return options;
    }
}
