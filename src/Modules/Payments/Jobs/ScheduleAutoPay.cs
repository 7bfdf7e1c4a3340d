using BillCenter.Modules.Payments.Features.ScheduleAutoPay;
using Hangfire;

namespace BillCenter.Modules.Payments.Jobs;

/// <summary>Job "payments:autopay": schedules each AutoPay statement's payment once (<see cref="AutoPayScheduler"/>).</summary>
internal sealed class ScheduleAutoPay(AutoPayScheduler scheduler)
{
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(CancellationToken cancellationToken) => scheduler.RunAsync(cancellationToken);
}
