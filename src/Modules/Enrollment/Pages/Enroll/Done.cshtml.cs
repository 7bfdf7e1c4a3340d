using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Enrollment.Flow;
using MediatR;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

public sealed class DoneModel(IMediator mediator) : EnrollmentPage
{
    public IReadOnlyList<BenefitSummary> Benefits { get; private set; } = [];

    internal override bool CanShow(EnrollmentState state) => state.Completed;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            var accounts = await mediator.Send(new GetAccountSummaries(userId), cancellationToken);
            Benefits = accounts.FirstOrDefault(a => a.CardAccountId == State.CardAccountId)?.Benefits ?? [];
        }
    }
}
