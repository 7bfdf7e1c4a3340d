using BillCenter.Modules.Payments.Features.PostDuePayments;
using Hangfire;

namespace BillCenter.Modules.Payments.Jobs;

/// <summary>
/// Job "payments:post": at the cut-off, the day's scheduled payments become Processing and post to the ledger. Safe to
/// run twice or on several instances at once (<see cref="DuePaymentPoster"/>).
/// </summary>
internal sealed class PostPayments(DuePaymentPoster poster)
{
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(CancellationToken cancellationToken) => poster.RunAsync(cancellationToken);
}
