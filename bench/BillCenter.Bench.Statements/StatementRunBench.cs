using System.Diagnostics;
using System.Globalization;
using System.Text;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Jobs;
using BillCenter.SharedKernel.Money;
using BillCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BillCenter.Bench.Statements;

internal sealed record StatementRunResult(
    TestDatabase Database, int Accounts, int Entries, TimeSpan Generate, TimeSpan Reference, TimeSpan Run, int Chunks, int Statements, int Stamped, bool Check)
{
    public ActivityPageResult? Activity { get; init; }

    public double StatementsPerSecond => Statements / Run.TotalSeconds;

    public double Ratio => Run.TotalSeconds / Reference.TotalSeconds;
}

/// <summary>
/// One database: generate the ledger (accounts and cards through EF, entries set-based in SQL), time a bare bulk insert
/// of as many statement rows as the run will write (EF AddRange batches on SQLite, binary COPY on PostgreSQL), remove
/// them, then time the statement run: the chunks the daily job would enqueue, each closed as its Hangfire job would.
/// </summary>
internal static class StatementRunBench
{
    private const int InsertBatch = 5000;

    private const string BenchHolder = "Bench Holder";

    public static async Task<StatementRunResult> RunAsync(TestDatabase database, StatementBenchOptions options, Action<string> log)
    {
        await using var app = new BillCenterApp(database, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var close = today.AddDays(-1);
        var cycleDay = Math.Min(close.Day, 28);
        close = new DateOnly(close.Year, close.Month, cycleDay);
        if (close >= today)
        {
            close = close.AddMonths(-1);
        }

        log($"{database}: generating {options.Accounts:N0} accounts × {options.Entries} entries (cycle closing {close:yyyy-MM-dd})");
        var watch = Stopwatch.StartNew();
        await GenerateAccountsAsync(app, options.Accounts, cycleDay, close);
        await GenerateEntriesAsync(app, database, options.Entries, close);
        var generate = watch.Elapsed;
        log($"{database}: generated in {generate.TotalSeconds:0.0} s");

        var reference = await ReferenceInsertAsync(app, database, options.Accounts, close);
        log($"{database}: reference bulk insert of {options.Accounts:N0} statement rows: {reference.TotalSeconds:0.00} s");

        watch.Restart();
        var chunks = 0;
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AccountsDbContext>();
            var due = await db.CardAccounts.Where(a => a.NextCycleClose < today)
                .GroupBy(a => a.RunPartition).Select(g => new StatementRun.PartitionCount(g.Key, g.Count())).ToListAsync();
            foreach (var (from, to) in StatementRun.Chunks(due, StatementRun.ChunkSize))
            {
                chunks++;
                // Each chunk in a scope of its own, as each Hangfire job gets one.
                await app.WithScopeAsync(chunk => chunk.GetRequiredService<StatementRun>()
                    .CloseChunkAsync(from, to, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CancellationToken.None));
            }
        });
        var run = watch.Elapsed;

        var (statements, stamped) = (0, 0);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AccountsDbContext>();
            var bench = db.CardAccounts.Where(a => a.HolderName == BenchHolder).Select(a => a.Id);
            statements = await db.Statements.CountAsync(s => s.PeriodEnd == close && bench.Contains(s.CardAccountId));
            stamped = await db.Transactions.CountAsync(t => t.StatementId != null && bench.Contains(t.CardAccountId));
        });
        var check = statements == options.Accounts && stamped == options.Accounts * options.Entries;
        log($"{database}: run {run.TotalSeconds:0.0} s, {chunks} chunks, {statements:N0} statements, {stamped:N0} entries stamped — {(check ? "ok" : "MISMATCH")}");
        var activity = options.ActivityEntries > 0 ? await ActivityPageBench.RunAsync(app, database, options.ActivityEntries, log) : null;
        return new StatementRunResult(database, options.Accounts, options.Entries, generate, reference, run, chunks, statements, stamped, check) { Activity = activity };
    }

    private static async Task GenerateAccountsAsync(BillCenterApp app, int count, int cycleDay, DateOnly close)
    {
        for (var done = 0; done < count; done += InsertBatch)
        {
            await app.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<AccountsDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var i = done; i < Math.Min(count, done + InsertBatch); i++)
                {
                    var account = new CardAccount
                    {
                        Product = Product.Gold,
                        HolderName = BenchHolder,
                        CreditLimit = Money.FromDecimal(20_000m),
                        BillingCycleDay = cycleDay,
                        BillingAddress = new PostalAddress { Line1 = $"{i} Bench Street", City = "Chicago", State = "IL", Zip = "60601" },
                        Email = $"bench.{i}@example.com",
                        OpenedAt = DateTime.UtcNow.AddYears(-2),
                        NextCycleClose = close,
                    };
                    account.RunPartition = StatementCycle.PartitionOf(account.Id);
                    account.Cards.Add(new Card
                    {
                        CardAccountId = account.Id,
                        Fingerprint = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray()),
                        Last4 = (i % 10_000).ToString("D4", CultureInfo.InvariantCulture),
                        EmbossedName = "BENCH HOLDER",
                        Status = CardStatus.Active,
                        IsPrimary = true,
                        ExpiresOn = new DateOnly(2030, 1, 31),
                        IssuedAt = DateTime.UtcNow.AddYears(-2),
                    });
                    db.CardAccounts.Add(account);
                }

                await db.SaveChangesAsync();
            });
        }
    }

    /// <summary>M purchases per card, one a day through the cycle, written by the database itself.</summary>
    private static Task GenerateEntriesAsync(BillCenterApp app, TestDatabase database, int perAccount, DateOnly close) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AccountsDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var start = close.AddDays(-(perAccount - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (database == TestDatabase.Sqlite)
            {
                var startText = start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                await db.Database.ExecuteSqlRawAsync(
                    """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {0} - 1)
                    INSERT INTO transactions ("Id", "CardAccountId", "CardId", "PostedAt", "Description", "Kind", "Amount")
                    SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
                           c."CardAccountId", c."Id",
                           strftime('%Y-%m-%d %H:%M:%S', {1}, '+' || n.i || ' days', '+' || (abs(random()) % 86400) || ' seconds'),
                           'Merchant ' || (n.i % 50), 'Purchase', 500 + abs(random()) % 20000
                    FROM cards c CROSS JOIN n
                    """, perAccount, startText);
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO accounts.transactions ("Id", "CardAccountId", "CardId", "PostedAt", "Description", "Kind", "Amount")
                    SELECT gen_random_uuid(), c."CardAccountId", c."Id",
                           {1} + make_interval(days => i) + random() * interval '86399 seconds',
                           'Merchant ' || (i % 50), 'Purchase', 500 + floor(random() * 20000)::bigint
                    FROM accounts.cards c CROSS JOIN generate_series(0, {0} - 1) AS i
                    """, perAccount, start);
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        });

    /// <summary>The same number of statement rows, bare: timed, then deleted (for a period years back, so the run never sees them).</summary>
    private static async Task<TimeSpan> ReferenceInsertAsync(BillCenterApp app, TestDatabase database, int count, DateOnly close)
    {
        var periodEnd = close.AddYears(-10);
        var ids = new List<Guid>(count);
        await app.WithScopeAsync(async services => ids = await services.GetRequiredService<AccountsDbContext>().CardAccounts.Where(a => a.HolderName == BenchHolder).Select(a => a.Id).ToListAsync());
        var rows = ids.Select(id => new Statement
        {
            CardAccountId = id,
            Number = StatementCycle.Number(id, periodEnd),
            PeriodStart = periodEnd.AddMonths(-1).AddDays(1),
            PeriodEnd = periodEnd,
            ClosingBalance = Money.FromDecimal(1234.56m),
            NewCharges = Money.FromDecimal(1234.56m),
            Purchases = Money.FromDecimal(1234.56m),
            MinimumDue = Money.FromDecimal(35m),
            DueDate = periodEnd.AddDays(25),
            IssuedAt = DateTime.UtcNow,
        }).ToList();

        var watch = Stopwatch.StartNew();
        if (database == TestDatabase.Sqlite)
        {
            foreach (var batch in rows.Chunk(InsertBatch))
            {
                await app.WithScopeAsync(async services =>
                {
                    var db = services.GetRequiredService<AccountsDbContext>();
                    db.ChangeTracker.AutoDetectChangesEnabled = false;
                    db.Statements.AddRange(batch);
                    await db.SaveChangesAsync();
                });
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var import = await connection.BeginBinaryImportAsync(
                """
                COPY accounts.statements ("Id", "CardAccountId", "Number", "PeriodStart", "PeriodEnd", "PreviousBalance", "PaymentsAndCredits",
                  "NewCharges", "Purchases", "Fees", "Interest", "ClosingBalance", "MinimumDue", "DueDate", "IssuedAt") FROM STDIN (FORMAT BINARY)
                """);
            foreach (var s in rows)
            {
                await import.StartRowAsync();
                await import.WriteAsync(s.Id, NpgsqlTypes.NpgsqlDbType.Uuid);
                await import.WriteAsync(s.CardAccountId, NpgsqlTypes.NpgsqlDbType.Uuid);
                await import.WriteAsync(s.Number, NpgsqlTypes.NpgsqlDbType.Varchar);
                await import.WriteAsync(s.PeriodStart, NpgsqlTypes.NpgsqlDbType.Date);
                await import.WriteAsync(s.PeriodEnd, NpgsqlTypes.NpgsqlDbType.Date);
                foreach (var money in new[] { s.PreviousBalance, s.PaymentsAndCredits, s.NewCharges, s.Purchases, s.Fees, s.Interest, s.ClosingBalance, s.MinimumDue })
                {
                    await import.WriteAsync(money.Cents, NpgsqlTypes.NpgsqlDbType.Bigint);
                }

                await import.WriteAsync(s.DueDate, NpgsqlTypes.NpgsqlDbType.Date);
                await import.WriteAsync(s.IssuedAt, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            }

            await import.CompleteAsync();
        }

        var elapsed = watch.Elapsed;
        await app.WithScopeAsync(services => services.GetRequiredService<AccountsDbContext>().Statements.Where(s => s.PeriodEnd == periodEnd).ExecuteDeleteAsync());
        return elapsed;
    }

    public static string Report(StatementBenchOptions options, IReadOnlyList<StatementRunResult> results)
    {
        var md = new StringBuilder();
        md.AppendLine("# BillCenter statement run benchmark");
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {options.Accounts:N0} accounts × {options.Entries} entries per cycle"));
        md.AppendLine();
        md.AppendLine("| DB | Run s | **Statements/s** | Chunks | Reference bulk insert s | **Run ÷ reference** | Entries stamped | Check |");
        md.AppendLine("|---|--:|--:|--:|--:|--:|--:|---|");
        foreach (var r in results)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Database} | {r.Run.TotalSeconds:0.0} | **{r.StatementsPerSecond:N0}** | {r.Chunks} | {r.Reference.TotalSeconds:0.00} | **{r.Ratio:0.0}×** | {r.Stamped:N0} | {(r.Check ? "ok" : "MISMATCH")} |"));
        }

        if (results.Any(r => r.Activity is not null))
        {
            md.AppendLine();
            md.AppendLine("Activity page of one card, signed in, through the whole HTTP pipeline (median of 25 after a 60 s warm-up; page 500 reached by following the \"Older transactions\" links):");
            md.AppendLine();
            md.AppendLine("| DB | Entries on the card | Page 1 ms (reference) | Page 500 ms | **Page 500 ÷ page 1** |");
            md.AppendLine("|---|--:|--:|--:|--:|");
            foreach (var a in results.Select(r => r.Activity).OfType<ActivityPageResult>())
            {
                md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {a.Database} | {a.Entries:N0} | {a.FirstPageMs:0.0} | {a.Page500Ms:0.0} (page {a.PagesWalked}) | **{a.Ratio:0.00}×** |"));
            }
        }

        return md.ToString();
    }
}
