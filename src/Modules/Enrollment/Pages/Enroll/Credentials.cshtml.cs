using BillCenter.Modules.Enrollment.Flow;
using BillCenter.Modules.Users.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

public sealed class CredentialsModel(IMediator mediator) : EnrollmentPage
{
    [BindProperty]
    public Form Data { get; set; } = new();

    public CredentialRules Rules { get; private set; } = new(string.Empty, string.Empty);

    internal override bool CanShow(EnrollmentState state) => state.CardVerified && state.CodeVerified && !state.AlreadyEnrolled;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
        Data.UserName = State.UserName;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
        var problems = await mediator.Send(new CheckNewCredentials(Data.UserName?.Trim(), Data.Password ?? string.Empty), cancellationToken);
        foreach (var problem in problems)
        {
            ModelState.AddModelError($"Data.{problem.Field}", problem.Message);
        }

        if (problems.Count > 0)
        {
            return Page();
        }

        Save(State with { UserName = Data.UserName!.Trim(), Password = Data.Password });
        return RedirectToPage("Check");
    }

    public sealed class Form
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
