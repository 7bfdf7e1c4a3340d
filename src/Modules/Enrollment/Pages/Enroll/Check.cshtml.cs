using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Enrollment.Flow;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

public sealed class CheckModel(IMediator mediator) : EnrollmentPage
{
    internal override bool CanShow(EnrollmentState state) => state.ReadyToCreate;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(new CreateOnlineAccount(State.CardAccountId!.Value, State.Last4!, State.UserName!, State.Password!), cancellationToken);
        switch (outcome.Result)
        {
            case CreateResult.Created:
                Save(new EnrollmentState { Completed = true, CardAccountId = State.CardAccountId, Last4 = State.Last4, ProductName = State.ProductName });
                return RedirectToPage("Done");
            case CreateResult.AlreadyEnrolled:
                Save(State with { AlreadyEnrolled = true, Password = null });
                return RedirectToPage("AlreadyEnrolled");
            default:
                // The user ID was taken since it was checked: choose again.
                Save(State with { Password = null });
                foreach (var error in outcome.Errors)
                {
                    ModelState.AddModelError(string.Empty, error.Message);
                }

                return Page();
        }
    }
}

internal enum CreateResult
{
    Created,
    AlreadyEnrolled,
    Refused,
}

internal sealed record CreateOnlineAccountOutcome(CreateResult Result, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Creates the user, links the card account (the link's key on the account lets exactly one of two racing
/// enrollments win; the loser's user is removed again, so nothing is half-saved), and signs the cardholder in.
/// The welcome and security alerts are committed with the link.
/// </summary>
internal sealed record CreateOnlineAccount(Guid CardAccountId, string Last4, string UserName, string Password) : IRequest<CreateOnlineAccountOutcome>;

internal sealed class CreateOnlineAccountHandler(IMediator mediator) : IRequestHandler<CreateOnlineAccount, CreateOnlineAccountOutcome>
{
    public async Task<CreateOnlineAccountOutcome> Handle(CreateOnlineAccount request, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new CreateUser(request.UserName, request.Password), cancellationToken);
        if (!created.Succeeded)
        {
            return new CreateOnlineAccountOutcome(CreateResult.Refused, created.Errors);
        }

        var linked = await mediator.Send(new LinkAccountToUser(request.CardAccountId, created.UserId!, request.Last4), cancellationToken);
        if (linked != LinkOutcome.Linked)
        {
            await mediator.Send(new DeleteUnusedUser(created.UserId!), cancellationToken);
            return new CreateOnlineAccountOutcome(CreateResult.AlreadyEnrolled, []);
        }

        await mediator.Send(new SignInUser(created.UserId!), cancellationToken);
        return new CreateOnlineAccountOutcome(CreateResult.Created, []);
    }
}
