using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Web.Journeys;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

[AllowAnonymous]
public sealed class DoneModel(IMediator mediator) : JourneyPage<EnrollmentJourney, EnrollmentState>
{
    public IReadOnlyList<BenefitSummary> Benefits { get; private set; } = [];

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
