using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Web;
using BillCenter.SharedKernel.Web.Journeys;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

[AllowAnonymous]
public sealed class CheckModel(IMediator mediator) : JourneyPage<EnrollmentJourney, EnrollmentState>
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(
            new Command(State.CardAccountId!.Value, State.CodeId!.Value, State.Last4!, State.UserName!, State.PasswordHash!), cancellationToken);
        switch (outcome.Result)
        {
            case Result.Created:
                return Go(EnrollmentJourney.Created(State));
            case Result.AlreadyEnrolled:
                return Go(EnrollmentJourney.EnrolledMeanwhile(State));
            case Result.VerificationSpent:
                // This journey already created an account (an old cookie played again): start again.
                Journey.End(HttpContext);
                return RedirectToPage(EnrollmentJourney.Index, new { expired = true });
            default:
                // The user ID was taken since it was checked: say so here, and choose again.
                Keep(EnrollmentJourney.UserIdTaken(State));
                ModelState.AddFieldErrors(outcome.Errors.Select(e => e with { Field = string.Empty }));

                return Page();
        }
    }

    internal enum Result
    {
        Created,
        AlreadyEnrolled,
        VerificationSpent,
        Refused,
    }

    internal sealed record Outcome(Result Result, IReadOnlyList<FieldError> Errors);

    /// <summary>
    /// Creates the user, redeems the journey's verified code (single use: a replayed journey loses here), links the card
    /// account (the link's key on the account lets exactly one of two racing enrollments win), and signs the cardholder
    /// in. A user created by a journey that then loses is removed again, so nothing is half-saved. The welcome and
    /// security alerts are committed with the link.
    /// </summary>
    internal sealed record Command(Guid CardAccountId, Guid CodeId, string Last4, string UserName, string PasswordHash) : IRequest<Outcome>;

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var created = await mediator.Send(new CreateUserWithPasswordHash(request.UserName, request.PasswordHash), cancellationToken);
            if (!created.Succeeded)
            {
                return new Outcome(Result.Refused, created.Errors);
            }

            if (!await mediator.Send(new RedeemVerifiedCode(request.CodeId, request.CardAccountId, SendCodeModel.Purpose), cancellationToken))
            {
                await mediator.Send(new DeleteUnusedUser(created.UserId!), cancellationToken);
                return new Outcome(Result.VerificationSpent, []);
            }

            var linked = await mediator.Send(new LinkAccountToUser(request.CardAccountId, created.UserId!, request.Last4), cancellationToken);
            if (linked != LinkOutcome.Linked)
            {
                await mediator.Send(new DeleteUnusedUser(created.UserId!), cancellationToken);
                return new Outcome(Result.AlreadyEnrolled, []);
            }

            await mediator.Send(new SignInUser(created.UserId!), cancellationToken);
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.Enrolled, created.UserId, request.UserName, request.CardAccountId, "online account created"), cancellationToken);
            return new Outcome(Result.Created, []);
        }
    }
}
