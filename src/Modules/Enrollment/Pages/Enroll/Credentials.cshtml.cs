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

    /// <summary>
    /// A valid password was chosen before and the step was then refused (the user ID was taken): only its hash is
    /// kept, and the password field is optional.
    /// </summary>
    public bool PasswordKept => State.PasswordHash is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
        Data.UserName = State.UserName;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
        var userName = Data.UserName?.Trim();
        var keepPassword = PasswordKept && string.IsNullOrEmpty(Data.Password);
        var problems = await mediator.Send(new CheckNewCredentials(userName, keepPassword ? null : Data.Password ?? string.Empty), cancellationToken);
        if (problems.Count > 0)
        {
            if (!keepPassword && problems.All(p => p.Field != nameof(Form.Password)))
            {
                // The password is fine, only the user ID is not: keep the password's hash, so it need not be typed again.
                Keep(EnrollmentJourney.PasswordKept(State, await mediator.Send(new HashNewPassword(Data.Password!), cancellationToken)));
            }

            ModelState.AddFieldErrors(problems, nameof(Data));
            return Page();
        }

        var passwordHash = keepPassword ? State.PasswordHash! : await mediator.Send(new HashNewPassword(Data.Password!), cancellationToken);
        return Go(EnrollmentJourney.CredentialsChosen(State, userName!, passwordHash));
    }

    public sealed class Form
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
