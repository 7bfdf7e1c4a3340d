using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Payments.Features.ScheduleAutoPay;

/// <summary>
/// Schedules AutoPay: <see cref="BatchSize"/> plans at a time (by card account), one <see cref="GetPaymentAccountsById"/>
/// per batch for the last statements, and for each statement still to come due, once its day has come, a scheduled
/// payment of what the plan's rule leaves owing (nothing when paid in full). A statement is paid once: the unique
/// (card account, statement) index and the "autopay:&lt;statement&gt;" key make a racing run's insert fail, and the
/// batch is read again, skipping what the other run scheduled.
/// </summary>
internal sealed partial class AutoPayScheduler(PaymentsDbContext db, IMediator mediator, TimeProvider time, ILogger<AutoPayScheduler> logger)
{
    public const int BatchSize = 500;

    private const int MaxAttempts = 5;

    /// <summary>Schedules every AutoPay payment whose day has come. Returns how many were scheduled.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var after = Guid.Empty;
        while (true)
        {
            db.ChangeTracker.Clear();
            var plans = await db.AutoPayPlans.AsNoTracking().Where(a => a.CardAccountId.CompareTo(after) > 0)
                .OrderBy(a => a.CardAccountId).Take(BatchSize).ToListAsync(cancellationToken);
            if (plans.Count == 0)
            {
                return total;
            }

            total += await WithRetriesAsync(() => ScheduleBatchAsync(plans, cancellationToken));
            after = plans[^1].CardAccountId;
        }
    }

    public static string IdempotencyKey(Guid statementId) => $"autopay:{statementId:N}";

    private async Task<int> WithRetriesAsync(Func<Task<int>> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await batch();
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts)
            {
                // Another run scheduled some of these statements (unique index): read again, they are skipped.
                LogBatchRetried(logger, attempt, exception.GetType().Name);
            }
        }
    }

    private async Task<int> ScheduleBatchAsync(List<AutoPayPlan> plans, CancellationToken cancellationToken)
    {
        var ids = plans.ConvertAll(p => p.CardAccountId);
        var accounts = (await mediator.Send(new GetPaymentAccountsById(ids), cancellationToken)).ToDictionary(a => a.CardAccountId);
        var now = time.GetUtcNow();
        var today = PaymentCalendar.Today(now);
        var earliest = PaymentCalendar.EarliestPayDate(now);
        var statementIds = accounts.Values.Where(a => a.LastStatement is { } s && s.DueDate >= today).Select(a => a.LastStatement!.StatementId).ToList();
        if (statementIds.Count == 0)
        {
            return 0;
        }

        var scheduled = (await db.Payments.AsNoTracking().Where(p => p.StatementId != null && statementIds.Contains(p.StatementId.Value))
            .Select(p => p.StatementId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var pending = (await db.Payments.AsNoTracking()
                .Where(p => ids.Contains(p.CardAccountId) && (p.Status == PaymentStatus.Scheduled || p.Status == PaymentStatus.Processing))
                .Select(p => new { p.CardAccountId, p.Amount })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.CardAccountId)
            .ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, p) => sum + p.Amount));

        var count = 0;
        foreach (var plan in plans)
        {
            if (!accounts.TryGetValue(plan.CardAccountId, out var account)
                || account.LastStatement is not { } statement
                || statement.DueDate < today
                || scheduled.Contains(statement.StatementId)
                || PaymentCalendar.OnOrBefore(statement.DueDate.AddDays(-plan.DaysBefore)) > earliest)
            {
                continue; // no statement to pay, past due, already scheduled, or its day has not come
            }

            var alreadyPaid = statement.PaidSinceClose + pending.GetValueOrDefault(plan.CardAccountId, Money.Zero);
            if (AutoPayAmount.For(plan.Rule, plan.FixedAmount, statement.ClosingBalance, statement.MinimumDue, alreadyPaid) is not { } amount)
            {
                continue; // paid in full, or the minimum is covered
            }

            db.Payments.Add(new Payment
            {
                UserId = plan.UserId,
                CardAccountId = plan.CardAccountId,
                BankAccountId = plan.BankAccountId,
                Amount = amount,
                PayOn = AutoPayAmount.PayOn(statement.DueDate, plan.DaysBefore, earliest),
                ConfirmationNumber = ConfirmationNumbers.New(),
                IdempotencyKey = IdempotencyKey(statement.StatementId),
                StatementId = statement.StatementId,
                CreatedAt = now.UtcDateTime,
            });
            count++;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (count > 0)
        {
            LogScheduled(logger, count);
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AutoPay: {Count} payments scheduled")]
    private static partial void LogScheduled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AutoPay: batch read again (attempt {Attempt}) after {Reason}")]
    private static partial void LogBatchRetried(ILogger logger, int attempt, string reason);
}
