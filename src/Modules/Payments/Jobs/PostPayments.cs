namespace BillCenter.Modules.Payments.Jobs;

/// <summary>Job "payments:post": at the cut-off, the day's scheduled payments become Processing and post to the ledger.</summary>
internal sealed class PostPayments
{
    public Task RunAsync(CancellationToken cancellationToken) => throw new NotImplementedException("in progress");
}
