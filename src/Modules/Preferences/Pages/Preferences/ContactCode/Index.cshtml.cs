using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Contact;
using BillCenter.SharedKernel.Web.Journeys;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BillCenter.Modules.Preferences.Pages.Preferences.ContactCode;

/// <summary>
/// The code sent to the new email address or mobile number (<see cref="ContactJourney"/>): right, and the new address
/// goes on file through the Accounts contract (which alerts the old contact details first); wrong, expired or used up,
/// and the field says so and nothing changes; "Send a new code" sends fresh digits to the same new address.
/// </summary>
[Authorize]
[RequireRecentPassword]
public sealed class IndexModel(IMediator mediator) : JourneyPage<ContactJourney, ContactState>
{
    public const string Heading = "Enter the code we sent you";

    public const string EnterMessage = "Enter the 6-digit code";

    /// <summary>The answer to a code that is not 6 digits: a typing slip, never counted as a wrong code.</summary>
    public const string FormatMessage = "Enter the 6-digit code we sent you, using numbers only";

    public const string StartAgainMessage = "This code can no longer be used. Start again to get a new code";

    private const string ResentKey = "preferences.contact-code.resent";

    [BindProperty]
    public Form Data { get; set; } = new();

    /// <summary>Shown once, on the page after a new code was sent.</summary>
    public string? Resent { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public static string SavedMessage(ContactState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return (state.Kind, state.Confirming) switch
        {
            (ContactKind.Email, _) => $"Your email address is changed to {state.Display}. We sent a security alert to your previous contact details.",
            (_, true) => $"Your mobile number {state.Display} is confirmed.",
            _ => $"Your mobile number is changed to {state.Display} and confirmed. We sent a security alert to your previous contact details.",
        };
    }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        base.OnPageHandlerExecuting(context);

        // The journey belongs to the user who started it: anyone else signed in on this browser starts again.
        if (context is { Result: null } && State.UserId != UserId)
        {
            Journey.End(HttpContext);
            context.Result = RedirectToPage(ContactJourney.Overview);
        }
    }

    public void OnGet() => Resent = TempData[ResentKey] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Data.Code))
        {
            ModelState.AddModelError("Data.Code", EnterMessage);
            return Page();
        }

        // A typing slip is not a guess: only exactly 6 digits (spaces aside) are checked, and so counted if wrong.
        var code = string.Concat(Data.Code.Where(c => !char.IsWhiteSpace(c)));
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError("Data.Code", FormatMessage);
            return Page();
        }

        var problem = await mediator.Send(new Command(UserId, State, code), cancellationToken);
        if (problem is not null)
        {
            ModelState.Remove("Data.Code");
            ModelState.SetModelValue("Data.Code", rawValue: null, attemptedValue: string.Empty);
            ModelState.AddModelError("Data.Code", problem);
            return Page();
        }

        TempData[ContactJourney.SavedKey] = SavedMessage(State);
        Journey.End(HttpContext);
        return RedirectToPage(ContactJourney.Overview);
    }

    /// <summary>Sends a new code to the same new address, then shows this page again at its own address (post/redirect/get).</summary>
    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var sent = await mediator.Send(new ResendOneTimeCode(State.CodeId!.Value), cancellationToken);
        if (!sent.Sent)
        {
            ModelState.AddModelError("Data.Code", sent.Problem ?? "We could not send a new code");
            return Page();
        }

        TempData[ResentKey] = $"We sent a new code to {State.Display}. The previous code no longer works.";
        return Go(ContactJourney.CodeResent(State, sent.CodeId ?? State.CodeId!.Value));
    }

    public sealed class Form
    {
        public string? Code { get; set; }
    }

    /// <summary>
    /// Checks the code for the card account it was sent for; when it is right, spends it on exactly the new address it was
    /// sent to, then changes the contact details on file. Null when the change is made; otherwise the message for the field.
    /// </summary>
    internal sealed record Command(string UserId, ContactState State, string Code) : IRequest<string?>;

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, string?>
    {
        public async Task<string?> Handle(Command request, CancellationToken cancellationToken)
        {
            var state = request.State;
            var accountId = state.CardAccountId!.Value;
            var check = await mediator.Send(new VerifyOneTimeCode(state.CodeId!.Value, accountId, SendContactConfirmationCode.Purpose, request.Code), cancellationToken);
            if (!check.IsValid)
            {
                return check.Message;
            }

            if (!await mediator.Send(new RedeemVerifiedCode(state.CodeId.Value, accountId, SendContactConfirmationCode.Purpose, ContactJourney.RedeemWindow, state.NewValue), cancellationToken))
            {
                return StartAgainMessage;
            }

            return await mediator.Send(new ChangeContactOnFile(request.UserId, state.Kind, state.NewValue), cancellationToken) switch
            {
                ContactChangeOutcome.Changed or ContactChangeOutcome.Confirmed => null,
                _ => StartAgainMessage,
            };
        }
    }
}
