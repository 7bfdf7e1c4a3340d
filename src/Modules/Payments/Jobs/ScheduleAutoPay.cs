namespace BillCenter.Modules.Payments.Jobs;

/// <summary>Job "payments:autopay": schedules each AutoPay statement's payment once.</summary>
internal sealed class ScheduleAutoPay
{
    public Task RunAsync(CancellationToken cancellationToken) => throw new NotImplementedException("in progress");
}
