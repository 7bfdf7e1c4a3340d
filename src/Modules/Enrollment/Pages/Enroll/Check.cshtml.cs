using BillCenter.Modules.Accounts.Contracts;
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
        var outcome = await mediator.Send(new Command(State.CardAccountId!.Value, State.Last4!, State.UserName!, State.Password!), cancellationToken);
        switch (outcome.Result)
        {
            case Result.Created:
                return Go(EnrollmentJourney.Created(State));
            case Result.AlreadyEnrolled:
                return Go(EnrollmentJourney.EnrolledMeanwhile(State));
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
        Refused,
    }

    internal sealed record Outcome(Result Result, IReadOnlyList<FieldError> Errors);

    /// <summary>
    /// Creates the user, links the card account (the link's key on the account lets exactly one of two racing
    /// enrollments win; the loser's user is removed again, so nothing is half-saved), and signs the cardholder in.
    /// The welcome and security alerts are committed with the link.
    /// </summary>
    internal sealed record Command(Guid CardAccountId, string Last4, string UserName, string Password) : IRequest<Outcome>;

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var created = await mediator.Send(new CreateUser(request.UserName, request.Password), cancellationToken);
            if (!created.Succeeded)
            {
                return new Outcome(Result.Refused, created.Errors);
            }

            var linked = await mediator.Send(new LinkAccountToUser(request.CardAccountId, created.UserId!, request.Last4), cancellationToken);
            if (linked != LinkOutcome.Linked)
            {
                await mediator.Send(new DeleteUnusedUser(created.UserId!), cancellationToken);
                return new Outcome(Result.AlreadyEnrolled, []);
            }

            await mediator.Send(new SignInUser(created.UserId!), cancellationToken);
            return new Outcome(Result.Created, []);
        }
    }
}
