using BillCenter.Modules.Accounts.Features.PaymentReminders;
using Hangfire;

namespace BillCenter.Modules.Accounts.Jobs;

/// <summary>Daily job: queues the payment-due reminders whose day has come. Idempotent (once per statement).</summary>
internal sealed class PaymentReminders(ReminderQueue reminders)
{
    [AutomaticRetry(Attempts = 3)]
    public Task<int> RunAsync(CancellationToken cancellationToken) => reminders.QueueDueAsync(cancellationToken);
}
