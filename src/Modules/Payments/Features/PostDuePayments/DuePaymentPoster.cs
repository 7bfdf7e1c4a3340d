using System.Linq.Expressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Payments.Features.PostDuePayments;

/// <summary>
/// The posting run. Every scheduled payment whose cut-off has passed becomes Processing in one set-based update; then,
/// <see cref="BatchSize"/> at a time, Processing payments post to the ledger (Accounts' <see cref="Accounts.Contracts.PostPayments"/>,
/// idempotent by payment id) and are marked Posted with their "payment received" alert in one SaveChanges. The
/// payment's version is a concurrency token: of two runs at once, one marks and alerts, the other reads again and finds
/// nothing left to do. A run stopped after the ledger call leaves its payments Processing; the next run posts them
/// again (the ledger skips them) and marks them. Payments the bank returns (simulated by a routing number) are reversed
/// the same way, once.
/// </summary>
internal sealed partial class DuePaymentPoster(PaymentsDbContext db, IMediator mediator, IOptions<PaymentsOptions> options, TimeProvider time, ILogger<DuePaymentPoster> logger)
{
    public const int BatchSize = 500;

    public const string OnlineDescription = "Online payment, thank you";
    public const string AutoPayDescription = "AutoPay payment, thank you";
    public const string ReturnedDescription = "Payment returned by your bank";

    private const int MaxAttempts = 5;

    /// <summary>Runs the whole posting: what is due, then posting, then returns. Returns how many payments were posted and returned.</summary>
    public async Task<(int Posted, int Returned)> RunAsync(CancellationToken cancellationToken)
    {
        await StartProcessingAsync(cancellationToken);
        var posted = await InBatchesAsync(p => p.Status == PaymentStatus.Processing, PostBatchAsync, cancellationToken);
        var routing = options.Value.ReturnRoutingNumber;
        var returned = await InBatchesAsync(
            p => p.Status == PaymentStatus.Posted && db.BankAccounts.Any(b => b.Id == p.BankAccountId && b.RoutingNumber == routing),
            ReturnBatchAsync,
            cancellationToken);
        return (posted, returned);
    }

    /// <summary>The latest day whose cut-off has passed at <paramref name="now"/>: today (Eastern) from 8 pm, yesterday before.</summary>
    public static DateOnly LastCutOffDay(DateTimeOffset now)
    {
        var today = PaymentCalendar.Today(now);
        return now >= PaymentCalendar.CutOffOn(today) ? today : today.AddDays(-1);
    }

    /// <summary>Scheduled → Processing for every payment dated on or before the last passed cut-off: one statement, whatever the number.</summary>
    private async Task<int> StartProcessingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = LastCutOffDay(now);
        var at = now.UtcDateTime;
        var version = Guid.NewGuid(); // any new value: a page or job holding the old version loses
        var count = await db.Payments.Where(p => p.Status == PaymentStatus.Scheduled && p.PayOn <= day)
            .ExecuteUpdateAsync(
                s => s.SetProperty(p => p.Status, PaymentStatus.Processing).SetProperty(p => p.Version, version).SetProperty(p => p.UpdatedAt, at),
                cancellationToken);
        LogProcessing(logger, count, day);
        return count;
    }

    /// <summary>Keyset batches (by id) of the payments <paramref name="scope"/> selects, each handled by <paramref name="batch"/> with retries.</summary>
    private async Task<int> InBatchesAsync(
        Expression<Func<Payment, bool>> scope, Func<IReadOnlyList<Guid>, CancellationToken, Task<int>> batch, CancellationToken cancellationToken)
    {
        var total = 0;
        var after = Guid.Empty;
        while (true)
        {
            var ids = await db.Payments.AsNoTracking().Where(scope).Where(p => p.Id.CompareTo(after) > 0)
                .OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            total += await WithRetriesAsync(() => batch(ids, cancellationToken));
            after = ids[^1];
        }
    }

    private async Task<int> WithRetriesAsync(Func<Task<int>> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await batch();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another run marked some of these: read them again; those no longer waiting are skipped.
                LogBatchRetried(logger, attempt);
            }
        }
    }

    private async Task<int> PostBatchAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.Where(p => ids.Contains(p.Id) && p.Status == PaymentStatus.Processing).ToListAsync(cancellationToken);
        if (payments.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await mediator.Send(
            new Accounts.Contracts.PostPayments([.. payments.Select(p => Ledger(p, now, p.FromAutoPay ? AutoPayDescription : OnlineDescription))]),
            cancellationToken);
        var last4 = await Last4Async(payments, cancellationToken);
        foreach (var payment in payments)
        {
            payment.Status = PaymentStatus.Posted;
            payment.PostedAt = now;
            Touch(payment, now);
            Alert(payment, AlertType.PaymentReceived, "payment-received", last4, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return payments.Count;
    }

    private async Task<int> ReturnBatchAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.Where(p => ids.Contains(p.Id) && p.Status == PaymentStatus.Posted).ToListAsync(cancellationToken);
        if (payments.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await mediator.Send(new ReturnPayments([.. payments.Select(p => Ledger(p, now, ReturnedDescription))]), cancellationToken);
        var last4 = await Last4Async(payments, cancellationToken);
        foreach (var payment in payments)
        {
            payment.Status = PaymentStatus.Returned;
            payment.ReturnedAt = now;
            Touch(payment, now);
            // A security alert: a returned payment reaches the cardholder whatever their alert choices.
            Alert(payment, AlertType.Security, "payment-returned", last4, now, ("Confirmation", payment.ConfirmationNumber));
        }

        await db.SaveChangesAsync(cancellationToken);
        LogReturned(logger, payments.Count);
        return payments.Count;
    }

    private static LedgerPayment Ledger(Payment payment, DateTime now, string description) =>
        new(payment.Id, payment.CardAccountId, payment.Amount, now, description);

    private static void Touch(Payment payment, DateTime now)
    {
        payment.UpdatedAt = now;
        payment.Version = Guid.NewGuid();
    }

    /// <summary>The card that names each account in the alerts: one contract call per batch.</summary>
    private async Task<Dictionary<Guid, string>> Last4Async(List<Payment> payments, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetPaymentAccountsById([.. payments.Select(p => p.CardAccountId).Distinct()]), cancellationToken))
        .ToDictionary(a => a.CardAccountId, a => a.Last4);

    private void Alert(Payment payment, AlertType type, string template, Dictionary<Guid, string> last4, DateTime now, params (string Key, string Value)[] extra)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Amount"] = payment.Amount.ToString(),
            ["Last4"] = last4.GetValueOrDefault(payment.CardAccountId, string.Empty),
        };
        foreach (var (key, value) in extra)
        {
            parameters[key] = value;
        }

        db.Publish(new AlertRequested(Guid.NewGuid(), now, type, template, payment.CardAccountId, payment.UserId, parameters));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments: {Count} scheduled payments dated on or before {Day} are now processing")]
    private static partial void LogProcessing(ILogger logger, int count, DateOnly day);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments: {Count} payments returned by the bank were reversed")]
    private static partial void LogReturned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments: batch read again (attempt {Attempt}) after another run changed it")]
    private static partial void LogBatchRetried(ILogger logger, int attempt);
}
