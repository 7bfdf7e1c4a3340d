using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Web;
using BillCenter.SharedKernel.Web.Journeys;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

[AllowAnonymous]
public sealed class CredentialsModel(IMediator mediator) : JourneyPage<EnrollmentJourney, EnrollmentState>
{
    [BindProperty]
    public Form Data { get; set; } = new();

    public CredentialRules Rules { get; private set; } = new(string.Empty, string.Empty);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
        Data.UserName = State.UserName;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
        var problems = await mediator.Send(new CheckNewCredentials(Data.UserName?.Trim(), Data.Password ?? string.Empty), cancellationToken);
        if (problems.Count > 0)
        {
            ModelState.AddFieldErrors(problems, nameof(Data));
            return Page();
        }

        var passwordHash = await mediator.Send(new HashNewPassword(Data.Password!), cancellationToken);
        return Go(EnrollmentJourney.CredentialsChosen(State, Data.UserName!.Trim(), passwordHash));
    }

    public sealed class Form
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
