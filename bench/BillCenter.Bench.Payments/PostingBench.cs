using System.Diagnostics;
using System.Globalization;
using System.Text;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.Modules.Payments.Features.PostDuePayments;
using BillCenter.SharedKernel.Money;
using BillCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Bench.Payments;

/// <summary>
/// One database: N card accounts (through EF, in batches) each with one payment scheduled for today, a bare bulk update
/// of those payment rows timed as the reference (then undone), then the posting job timed as the 8 pm run would do it:
/// Scheduled → Processing, the ledger entries through the Accounts contract, Posted with one alert each.
/// </summary>
internal static class PostingBench
{
    private const int InsertBatch = 5000;

    private const string BenchHolder = "Bench Holder";

    private const string BenchUser = "bench-payments-user";

    public static async Task<PostingResult> RunAsync(TestDatabase database, PaymentBenchOptions options, Action<string> log)
    {
        await using var app = new BillCenterApp(database, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var today = PaymentCalendar.Today(DateTimeOffset.UtcNow);
        var clock = new FixedClock(PaymentCalendar.CutOffOn(today).AddMinutes(1));

        log($"{database}: generating {options.Payments:N0} accounts, each with a payment scheduled for {today:yyyy-MM-dd}");
        var watch = Stopwatch.StartNew();
        var accountIds = await GenerateAccountsAsync(app, options.Payments);
        await GeneratePaymentsAsync(app, database, accountIds, today);
        var generate = watch.Elapsed;
        log($"{database}: generated in {generate.TotalSeconds:0.0} s");

        var reference = await ReferenceUpdateAsync(app, database, clock.GetUtcNow().UtcDateTime);
        log($"{database}: reference bulk update of {options.Payments:N0} payment rows: {reference.TotalSeconds:0.00} s");

        watch.Restart();
        await app.WithScopeAsync(services => ActivatorUtilities.CreateInstance<DuePaymentPoster>(services, clock).RunAsync(CancellationToken.None));
        var run = watch.Elapsed;

        var (posted, ledger) = (0, 0);
        await app.WithScopeAsync(async services =>
        {
            posted = await services.GetRequiredService<PaymentsDbContext>().Payments.CountAsync(p => p.UserId == BenchUser && p.Status == PaymentStatus.Posted);
            var accounts = services.GetRequiredService<AccountsDbContext>();
            var bench = accounts.CardAccounts.Where(a => a.HolderName == BenchHolder).Select(a => a.Id);
            ledger = await accounts.Transactions.CountAsync(t => t.Kind == TransactionKind.Payment && bench.Contains(t.CardAccountId));
        });
        var check = posted == options.Payments && ledger == options.Payments;
        log($"{database}: run {run.TotalSeconds:0.0} s, {posted:N0} posted, {ledger:N0} ledger entries — {(check ? "ok" : "MISMATCH")}");
        return new PostingResult(database, options.Payments, generate, reference, run, posted, ledger, check);
    }

    private static async Task<List<Guid>> GenerateAccountsAsync(BillCenterApp app, int count)
    {
        var ids = new List<Guid>(count);
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
                        Balance = Money.FromDecimal(1_000m),
                        BillingCycleDay = 10,
                        BillingAddress = new PostalAddress { Line1 = $"{i} Bench Street", City = "Chicago", State = "IL", Zip = "60601" },
                        Email = $"bench.{i}@example.com",
                        OpenedAt = DateTime.UtcNow.AddYears(-2),
                    };
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
                    ids.Add(account.Id);
                }

                await db.SaveChangesAsync();
            });
        }

        return ids;
    }

    /// <summary>One bank account and one $25.00 payment per card account, scheduled for today.</summary>
    private static async Task GeneratePaymentsAsync(BillCenterApp app, TestDatabase database, List<Guid> accountIds, DateOnly today)
    {
        var bank = new BankAccount
        {
            UserId = BenchUser,
            Kind = BankAccountKind.Checking,
            HolderName = BenchHolder,
            RoutingNumber = "011000015",
            ProtectedAccountNumber = "not-a-real-account",
            Fingerprint = Guid.NewGuid().ToString("N"),
            Last4 = "6789",
            AddedAt = DateTime.UtcNow,
        };
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PaymentsDbContext>();
            db.BankAccounts.Add(bank);
            await db.SaveChangesAsync();
        });
        foreach (var batch in accountIds.Chunk(InsertBatch))
        {
            await app.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<PaymentsDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Payments.AddRange(batch.Select(id => new Payment
                {
                    UserId = BenchUser,
                    CardAccountId = id,
                    BankAccountId = bank.Id,
                    Amount = Money.FromDecimal(25m),
                    PayOn = today,
                    ConfirmationNumber = ConfirmationNumbers.New(),
                    IdempotencyKey = $"bench:{Guid.NewGuid():N}",
                    CreatedAt = DateTime.UtcNow,
                }));
                await db.SaveChangesAsync();
            });
        }

        await AnalyzeAsync(app, database);
    }

    /// <summary>The same payment rows, bare: one UPDATE marking them Posted, timed, then undone (and the table analyzed) for the run.</summary>
    private static async Task<TimeSpan> ReferenceUpdateAsync(BillCenterApp app, TestDatabase database, DateTime now)
    {
        var elapsed = TimeSpan.Zero;
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PaymentsDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var watch = Stopwatch.StartNew();
            await db.Payments.Where(p => p.UserId == BenchUser && p.Status == PaymentStatus.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Posted).SetProperty(p => p.PostedAt, now));
            elapsed = watch.Elapsed;
            await db.Payments.Where(p => p.UserId == BenchUser)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Scheduled).SetProperty(p => p.PostedAt, (DateTime?)null));
        });
        await AnalyzeAsync(app, database);
        return elapsed;
    }

    private static Task AnalyzeAsync(BillCenterApp app, TestDatabase database) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PaymentsDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync(database == TestDatabase.Sqlite ? "ANALYZE" : "VACUUM ANALYZE payments.payments");
        });

    public static string Report(PaymentBenchOptions options, IReadOnlyList<PostingResult> results)
    {
        var md = new StringBuilder();
        md.AppendLine("# BillCenter payment posting benchmark");
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {options.Payments:N0} payments due today, one per card account"));
        md.AppendLine();
        md.AppendLine("| DB | Run s | **Payments/s** | Reference bulk update s | **Run ÷ reference** | Ledger entries | Check |");
        md.AppendLine("|---|--:|--:|--:|--:|--:|---|");
        foreach (var r in results)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Database} | {r.Run.TotalSeconds:0.0} | **{r.PaymentsPerSecond:N0}** | {r.Reference.TotalSeconds:0.00} | **{r.Ratio:0.0}×** | {r.LedgerEntries:N0} | {(r.Check ? "ok" : "MISMATCH")} |"));
        }

        return md.ToString();
    }
}
