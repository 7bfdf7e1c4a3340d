using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Contact;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Preferences.Pages.Preferences.Mobile;

/// <summary>
/// The mobile number on file (<see cref="ContactJourney"/>): a new number gets a code by text and is put on file,
/// confirmed, only once that code is entered; a number on file that was never confirmed can be confirmed the same way;
/// the number can be removed. Numbers are parsed with libphonenumber (US unless they say otherwise), kept in E.164 and
/// shown in the national format.
/// </summary>
[Authorize]
[RequireRecentPassword]
public sealed class IndexModel(IMediator mediator, ContactJourney journey) : PageModel
{
    public const string Heading = "Your mobile number";

    public const string SameNumber = "Enter a different mobile number: this one is already on file and confirmed";

    public const string NothingToRemove = "There is no mobile number on file to remove";

    public const string RemovedMessage = "Your mobile number is removed. We sent a security alert to your contact details.";

    [BindProperty]
    public Command Data { get; set; } = new();

    /// <summary>The contact details on file (of the user's first card account).</summary>
    public ContactOnFile? OnFile { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Send a code by text to the new number typed.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Data.OnFile = OnFile;
        return Continue(await mediator.Send(Data, cancellationToken), nameof(Command.NewMobile));
    }

    /// <summary>Send a code by text to the number on file, to confirm it is the cardholder's.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (OnFile!.MobilePhone is not { } number || OnFile.MobileVerified)
        {
            return RedirectToPage(ContactJourney.Mobile);
        }

        return Continue(await Handler.SendAsync(mediator, OnFile, number, true, cancellationToken), nameof(Command.NewMobile));
    }

    /// <summary>Remove the number on file: a security alert goes to it (and the email) first.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (OnFile!.MobilePhone is null)
        {
            ModelState.AddModelError($"{nameof(Data)}.{nameof(Command.NewMobile)}", NothingToRemove);
            return Page();
        }

        if (await mediator.Send(new ChangeContactOnFile(UserId, ContactKind.Mobile, null), cancellationToken) == ContactChangeOutcome.NotFound)
        {
            return NotFound();
        }

        TempData[ContactJourney.SavedKey] = RemovedMessage;
        return RedirectToPage(ContactJourney.Overview);
    }

    private IActionResult Continue(Sent sent, string field)
    {
        if (sent.Problem is not null)
        {
            ModelState.AddModelError($"{nameof(Data)}.{field}", sent.Problem);
            return Page();
        }

        journey.Save(HttpContext, ContactJourney.CodeSent(UserId, OnFile!.CardAccountId, ContactKind.Mobile, sent.Number!, sent.Confirming, sent.CodeId!.Value).State);
        return RedirectToPage(ContactJourney.Code);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        OnFile = await Email.IndexModel.ContactOnFileAsync(mediator, UserId, cancellationToken);
        return OnFile is not null;
    }

    /// <summary>Send a code by text to the new number typed.</summary>
    public sealed class Command : IRequest<Sent>
    {
        [BindNever]
        internal ContactOnFile? OnFile { get; set; }

        public string? NewMobile { get; set; }
    }

    /// <summary>The code went to <paramref name="Number"/> (E.164), or the problem to show at the field.</summary>
    public sealed record Sent(string? Number, Guid? CodeId, bool Confirming, string? Problem);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewMobile).Custom((value, context) =>
            {
                if (!MobileNumber.TryParse(value, out _, out var problem))
                {
                    context.AddFailure(problem);
                }
            });
        }
    }

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, Sent>
    {
        public async Task<Sent> Handle(Command request, CancellationToken cancellationToken)
        {
            MobileNumber.TryParse(request.NewMobile, out var number, out _);
            var onFile = request.OnFile!;
            var same = string.Equals(number, onFile.MobilePhone, StringComparison.Ordinal);
            if (same && onFile.MobileVerified)
            {
                return new Sent(null, null, false, SameNumber);
            }

            // The number on file typed again, never confirmed: this confirms it.
            return await SendAsync(mediator, onFile, number, same, cancellationToken);
        }

        public static async Task<Sent> SendAsync(IMediator mediator, ContactOnFile onFile, string number, bool confirming, CancellationToken cancellationToken)
        {
            var sent = await mediator.Send(new SendContactConfirmationCode(onFile.CardAccountId, NotificationChannel.Sms, number), cancellationToken);
            return sent.Sent ? new Sent(number, sent.CodeId, confirming, null) : new Sent(null, null, confirming, sent.Problem ?? "We could not send a code. Try again later");
        }
    }
}
