using System.Globalization;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.StatementRun;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.SharedKernel.Messaging;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.PaymentReminders;

/// <summary>
/// Payment-due reminders: a statement coming due within the cardholder's chosen number of days (Preferences; 3 when
/// never chosen) gets one reminder, unless payments and credits since it closed already cover its minimum. The
/// reminder is marked on the statement and requested through the outbox in one SaveChanges; the mark is a concurrency
/// token, so two runs at once queue it once.
/// </summary>
internal sealed class ReminderQueue(AccountsDbContext db, IMediator mediator, TimeProvider time)
{
    /// <summary>The most days before the due date a cardholder can ask for (Preferences offers 1–10).</summary>
    public const int MaxDaysBefore = 10;

    public const int DefaultDaysBefore = 3;

    private const int MaxAttempts = 5;

    /// <summary>Queues every reminder due today. Returns how many were queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var queued = 0;
        for (var dueDate = today; dueDate <= today.AddDays(MaxDaysBefore); dueDate = dueDate.AddDays(1))
        {
            // Pages of one due date by offset: the set read (every statement due that day) does not change as reminders are marked.
            for (var page = 0; ; page++)
            {
                var (count, more) = await WithRetriesAsync(() => QueueBatchAsync(today, dueDate, page, cancellationToken));
                queued += count;
                if (!more)
                {
                    break;
                }
            }
        }

        return queued;
    }

    private async Task<(int Queued, bool More)> WithRetriesAsync(Func<Task<(int, bool)>> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await batch();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear(); // another run queued some of these; read the batch again
            }
        }
    }

    private async Task<(int Queued, bool More)> QueueBatchAsync(DateOnly today, DateOnly dueDate, int page, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var statements = await db.Statements.Where(s => s.DueDate == dueDate)
            .OrderBy(s => s.Id).Skip(page * CycleCloser.BatchSize).Take(CycleCloser.BatchSize).ToListAsync(cancellationToken);
        var open = statements.Where(s => s.ReminderQueuedAt is null && s.MinimumDue > Money.Zero).ToList();
        if (open.Count == 0)
        {
            return (0, statements.Count == CycleCloser.BatchSize);
        }

        var choices = await mediator.Send(new GetAlertChoices(open.Select(s => s.CardAccountId).Distinct().ToList()), cancellationToken);
        var due = open.Where(s => today >= s.DueDate.AddDays(-DaysBefore(choices, s.CardAccountId))).ToList();
        var paid = await PaidSinceCloseAsync(due, cancellationToken);
        var last4 = await AccountNames.Last4ByAccountAsync(db, due.Select(s => s.CardAccountId).Distinct().ToList(), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var statement in due.Where(s => paid.GetValueOrDefault(s.Id, Money.Zero) < s.MinimumDue))
        {
            statement.ReminderQueuedAt = now;
            db.Publish(new AlertRequested(Guid.NewGuid(), now, AlertType.PaymentDueReminder, "payment-due", statement.CardAccountId, null, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Last4"] = last4.GetValueOrDefault(statement.CardAccountId, string.Empty),
                ["Amount"] = (statement.MinimumDue - paid.GetValueOrDefault(statement.Id, Money.Zero)).ToString(),
                ["DueDate"] = statement.DueDate.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
            }));
            queued++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (queued, statements.Count == CycleCloser.BatchSize);
    }

    private static int DaysBefore(IReadOnlyDictionary<Guid, AlertChoices> choices, Guid cardAccountId) =>
        choices.TryGetValue(cardAccountId, out var account) && account.For(AlertType.PaymentDueReminder)?.DaysBefore is { } days ? days : DefaultDaysBefore;

    /// <summary>Payments and credits posted since each statement closed, as a positive amount.</summary>
    private async Task<Dictionary<Guid, Money>> PaidSinceCloseAsync(List<Statement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return [];
        }

        var accountIds = statements.Select(s => s.CardAccountId).Distinct().ToList();
        var since = StatementCycle.EndExclusive(statements.Min(s => s.PeriodEnd));
        var credits = await db.Transactions.AsNoTracking()
            .Where(t => accountIds.Contains(t.CardAccountId) && t.PostedAt >= since && (t.Kind == TransactionKind.Payment || t.Kind == TransactionKind.Credit))
            .Select(t => new { t.CardAccountId, t.PostedAt, t.Amount })
            .ToListAsync(cancellationToken);
        return statements.ToDictionary(
            s => s.Id,
            s => -credits.Where(c => c.CardAccountId == s.CardAccountId && c.PostedAt >= StatementCycle.EndExclusive(s.PeriodEnd))
                .Aggregate(Money.Zero, (sum, c) => sum + c.Amount));
    }
}
