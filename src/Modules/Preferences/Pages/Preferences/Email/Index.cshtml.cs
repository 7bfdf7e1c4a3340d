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

namespace BillCenter.Modules.Preferences.Pages.Preferences.Email;

/// <summary>
/// The first step of changing the email address on file (<see cref="ContactJourney"/>): the new address, to which a code
/// is sent. An email address is needed on file, so it can be changed but never removed.
/// </summary>
[Authorize]
[RequireRecentPassword]
public sealed class IndexModel(IMediator mediator, ContactJourney journey) : PageModel
{
    public const string Heading = "Change your email address";

    public const string RemoveRefused = "You need an email address on file. Enter a new one to change it";

    public const string SameAddress = "Enter a different email address: this one is already on file";

    [BindProperty]
    public Command Data { get; set; } = new();

    /// <summary>The contact details on file (of the user's first card account); null when no card account is linked.</summary>
    public ContactOnFile? OnFile { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        OnFile = await ContactOnFileAsync(mediator, UserId, cancellationToken);
        return OnFile is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        OnFile = await ContactOnFileAsync(mediator, UserId, cancellationToken);
        if (OnFile is null)
        {
            return NotFound();
        }

        Data.UserId = UserId;
        Data.OnFile = OnFile;
        var sent = await mediator.Send(Data, cancellationToken);
        if (sent.Problem is not null)
        {
            ModelState.AddModelError($"{nameof(Data)}.{nameof(Command.NewEmail)}", sent.Problem);
            return Page();
        }

        journey.Save(HttpContext, ContactJourney.CodeSent(UserId, OnFile.CardAccountId, ContactKind.Email, sent.Email!, false, sent.CodeId!.Value).State);
        return RedirectToPage(ContactJourney.Code);
    }

    /// <summary>A "remove" asked for anyway (no button offers it): refused at the field, nothing changes.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        OnFile = await ContactOnFileAsync(mediator, UserId, cancellationToken);
        if (OnFile is null)
        {
            return NotFound();
        }

        ModelState.AddModelError($"{nameof(Data)}.{nameof(Command.NewEmail)}", RemoveRefused);
        return Page();
    }

    /// <summary>The contact details the page shows: those of the user's first card account (one cardholder, one set).</summary>
    internal static async Task<ContactOnFile?> ContactOnFileAsync(IMediator mediator, string userId, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetContactsOnFileForUser(userId), cancellationToken)).FirstOrDefault();

    /// <summary>Send a code to the new email address typed.</summary>
    public sealed class Command : IRequest<Sent>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        internal ContactOnFile? OnFile { get; set; }

        public string? NewEmail { get; set; }
    }

    /// <summary>The code went to <paramref name="Email"/>, or the problem to show at the field.</summary>
    internal sealed record Sent(string? Email, Guid? CodeId, string? Problem);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewEmail).Custom((value, context) =>
            {
                if (!Mailbox.TryParse(value, out _, out var problem))
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
            Mailbox.TryParse(request.NewEmail, out var email, out _);
            if (string.Equals(email, request.OnFile!.Email, StringComparison.OrdinalIgnoreCase))
            {
                return new Sent(null, null, SameAddress);
            }

            var sent = await mediator.Send(new SendContactConfirmationCode(request.OnFile.CardAccountId, NotificationChannel.Email, email), cancellationToken);
            return sent.Sent ? new Sent(email, sent.CodeId, null) : new Sent(null, null, sent.Problem ?? "We could not send a code. Try again later");
        }
    }
}
