using System.Globalization;
using System.Linq.Expressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.SharedKernel.Messaging;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Accounts.Features.StatementRun;

/// <summary>
/// Closes ended billing cycles in bulk: for up to <see cref="BatchSize"/> due accounts at a time it reads the open
/// cycle's entries, adds interest and late fees, writes the statements, stamps the entries with them, moves each account
/// to its next cycle, and queues the "statement ready" alert (paperless) or a paper-mail record (paper) — all in one
/// transaction. A statement exists once per account and period (unique key): a run racing another one, or a posting
/// landing mid-batch, rolls the batch back and reads again. A run stopped half way resumes with the accounts still due.
/// </summary>
internal sealed partial class CycleCloser(AccountsDbContext db, IMediator mediator, TimeProvider time, ILogger<CycleCloser> logger)
{
    public const int BatchSize = 2000;

    private const int MaxAttempts = 5;

    /// <summary>Closes every ended cycle (close day before <paramref name="today"/>) of the accounts in partitions [from, to). Returns the statements written.</summary>
    public Task<int> ClosePartitionsAsync(int fromPartition, int toPartition, DateOnly today, CancellationToken cancellationToken) =>
        CloseAsync(a => a.RunPartition >= fromPartition && a.RunPartition < toPartition, today, cancellationToken);

    public Task<int> CloseAccountAsync(Guid cardAccountId, DateOnly today, CancellationToken cancellationToken) =>
        CloseAsync(a => a.Id == cardAccountId, today, cancellationToken);

    private async Task<int> CloseAsync(Expression<Func<CardAccount, bool>> scope, DateOnly today, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            // Each batch closes one cycle per account, so an account behind by several cycles catches up batch by batch.
            var closed = await WithRetriesAsync(() => CloseBatchAsync(scope, today, cancellationToken));
            if (closed == 0)
            {
                return total;
            }

            total += closed;
        }
    }

    private async Task<int> WithRetriesAsync(Func<Task<int>> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await batch();
            }
            catch (Exception exception) when (attempt < MaxAttempts && exception is DbUpdateException or LedgerMovedException)
            {
                // Another run wrote some of these statements, or a posting moved an account: read again.
                LogBatchRetried(logger, attempt, exception.GetType().Name);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> CloseBatchAsync(Expression<Func<CardAccount, bool>> scope, DateOnly today, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var accounts = await db.CardAccounts.Where(scope).Where(a => a.NextCycleClose != null && a.NextCycleClose < today)
            .OrderBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (accounts.Count == 0)
        {
            return 0;
        }

        var ids = accounts.ConvertAll(a => a.Id);
        var delivery = await mediator.Send(new GetStatementDelivery(ids), cancellationToken);
        var oldestClose = accounts.Min(a => a.NextCycleClose!.Value);
        var latestClose = accounts.Max(a => a.NextCycleClose!.Value);
        var previous = (await db.Statements.AsNoTracking()
                .Where(s => ids.Contains(s.CardAccountId) && s.PeriodEnd >= oldestClose.AddMonths(-3) && s.PeriodEnd < latestClose)
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.CardAccountId);
        var endExclusive = StatementCycle.EndExclusive(latestClose);
        var entries = (await db.Transactions.AsNoTracking()
                .Where(t => ids.Contains(t.CardAccountId) && t.StatementId == null && t.PostedAt < endExclusive)
                .Select(t => new Entry(t.CardAccountId, t.Kind, t.PostedAt, t.Amount))
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.CardAccountId);
        var last4 = await AccountNames.Last4ByAccountAsync(db, ids, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var expectedStamps = new Dictionary<DateOnly, (List<Guid> Accounts, int Entries)>();
        foreach (var account in accounts)
        {
            var close = account.NextCycleClose!.Value;
            var cycleEntries = entries[account.Id].Where(e => e.PostedAt < StatementCycle.EndExclusive(close)).ToList();
            var last = previous[account.Id].Where(s => s.PeriodEnd < close).MaxBy(s => s.PeriodEnd);
            var statement = Close(account, close, last, cycleEntries, now);
            db.Statements.Add(statement);
            Deliver(account, statement, delivery.GetValueOrDefault(account.Id, StatementDeliveryMethod.Paperless), last4.GetValueOrDefault(account.Id, string.Empty), now);

            var stamps = expectedStamps.TryGetValue(close, out var group) ? group : ([], 0);
            stamps.Accounts.Add(account.Id);
            expectedStamps[close] = (stamps.Accounts, stamps.Entries + cycleEntries.Count);
        }

        var read = watch.Elapsed;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var written = watch.Elapsed;
        foreach (var (close, (accountIds, expected)) in expectedStamps)
        {
            var end = StatementCycle.EndExclusive(close);
            var stamped = await db.Transactions
                .Where(t => accountIds.Contains(t.CardAccountId) && t.StatementId == null && t.PostedAt < end)
                .ExecuteUpdateAsync(
                    setters => setters.SetProperty(
                        t => t.StatementId,
                        t => db.Statements.Where(s => s.CardAccountId == t.CardAccountId && s.PeriodEnd == close).Select(s => (Guid?)s.Id).FirstOrDefault()),
                    cancellationToken);
            if (stamped != expected)
            {
                throw new LedgerMovedException(); // an entry for the closing cycle was posted after we read them
            }
        }

        await transaction.CommitAsync(cancellationToken);
        LogBatchClosed(logger, accounts.Count, oldestClose, latestClose, (long)read.TotalMilliseconds, (long)(written - read).TotalMilliseconds, (long)(watch.Elapsed - written).TotalMilliseconds);
        return accounts.Count;
    }

    /// <summary>The statement of one cycle: its entries, plus interest and a late fee posted on its last day when the previous statement went unpaid.</summary>
    private Statement Close(CardAccount account, DateOnly close, Statement? previous, List<Entry> entries, DateTime now)
    {
        var periodStart = previous?.PeriodEnd.AddDays(1) ?? close.AddMonths(-1).AddDays(1);
        var paidByDueDate = previous is null
            ? Money.Zero
            : -Sum(entries.Where(e => IsPaymentOrCredit(e.Kind) && e.PostedAt < StatementCycle.EndExclusive(previous.DueDate)));
        var interest = FinanceCharges.Interest(previous, paidByDueDate, ProductCatalog.PurchaseApr(account.Product), close.DayNumber - periodStart.DayNumber + 1);
        var lateFee = FinanceCharges.LateFee(previous, paidByDueDate);

        var statement = new Statement
        {
            CardAccountId = account.Id,
            Number = StatementCycle.Number(account.Id, close),
            PeriodStart = periodStart,
            PeriodEnd = close,
            PreviousBalance = previous?.ClosingBalance ?? Money.Zero,
            IssuedAt = now,
        };
        PostCharge(account, statement, TransactionKind.Fee, "Late fee", lateFee);
        PostCharge(account, statement, TransactionKind.Interest, "Interest charge on purchases", interest);

        var purchases = Sum(entries.Where(e => e.Kind == TransactionKind.Purchase));
        var fees = Sum(entries.Where(e => e.Kind == TransactionKind.Fee)) + lateFee;
        var interestTotal = Sum(entries.Where(e => e.Kind == TransactionKind.Interest)) + interest;
        statement.Purchases = purchases;
        statement.Fees = fees;
        statement.Interest = interestTotal;
        statement.PaymentsAndCredits = Sum(entries.Where(e => IsPaymentOrCredit(e.Kind)));
        statement.NewCharges = Sum(entries.Where(e => !IsPaymentOrCredit(e.Kind))) + lateFee + interest;
        statement.ClosingBalance = statement.PreviousBalance + statement.PaymentsAndCredits + statement.NewCharges;
        statement.MinimumDue = Statement.MinimumPaymentFor(statement.ClosingBalance, fees + interestTotal);
        statement.DueDate = StatementCycle.DueDate(close);

        account.NextCycleClose = StatementCycle.NextClose(close, account.BillingCycleDay);
        account.Version = Guid.NewGuid();
        return statement;
    }

    /// <summary>By kind, not by sign: a returned payment is a payment entry of opposite sign, netted with the payments, not a charge.</summary>
    private static bool IsPaymentOrCredit(TransactionKind kind) => kind is TransactionKind.Payment or TransactionKind.Credit;

    private void PostCharge(CardAccount account, Statement statement, TransactionKind kind, string description, Money amount)
    {
        if (amount <= Money.Zero)
        {
            return;
        }

        db.Transactions.Add(new CardTransaction
        {
            CardAccountId = account.Id,
            PostedAt = statement.PeriodEnd.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc),
            Description = description,
            Kind = kind,
            Amount = amount,
            StatementId = statement.Id,
        });
        account.Balance += amount;
    }

    /// <summary>Paperless: the "statement ready" alert through the outbox; paper: a record for the print vendor. Either way in the statement's transaction.</summary>
    private void Deliver(CardAccount account, Statement statement, StatementDeliveryMethod method, string last4, DateTime now)
    {
        if (method == StatementDeliveryMethod.Paper)
        {
            var address = account.BillingAddress;
            db.PaperMail.Add(new PaperMail
            {
                StatementId = statement.Id,
                CardAccountId = account.Id,
                HolderName = account.HolderName,
                Address = new PostalAddress { Line1 = address.Line1, Line2 = address.Line2, City = address.City, State = address.State, Zip = address.Zip },
                CreatedAt = now,
            });
            return;
        }

        db.Publish(new AlertRequested(Guid.NewGuid(), now, AlertType.StatementReady, "statement-ready", account.Id, null, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Last4"] = last4,
            ["MinimumDue"] = statement.MinimumDue.ToString(),
            ["DueDate"] = statement.DueDate.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        }));
    }

    private static Money Sum(IEnumerable<Entry> entries) => entries.Aggregate(Money.Zero, (sum, e) => sum + e.Amount);

    private sealed record Entry(Guid CardAccountId, TransactionKind Kind, DateTime PostedAt, Money Amount);

    /// <summary>An entry for a closing cycle was posted between reading the cycle and stamping it: the batch is read again.</summary>
    private sealed class LedgerMovedException() : Exception("An entry was posted to a closing cycle while it closed.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Statement run: closed {Count} cycles ending {From} to {To} (read {ReadMs} ms, write {WriteMs} ms, stamp {StampMs} ms)")]
    private static partial void LogBatchClosed(ILogger logger, int count, DateOnly from, DateOnly to, long readMs, long writeMs, long stampMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statement run: batch read again (attempt {Attempt}) after {Reason}")]
    private static partial void LogBatchRetried(ILogger logger, int attempt, string reason);
}
