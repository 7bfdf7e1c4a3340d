using System.Security.Claims;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Users.Pages.Preferences.UserId;

/// <summary>
/// Change the user ID (after the password again when it was entered more than 5 minutes ago): the same rules and
/// uniqueness as at enrollment, the "your user ID was changed" alert queued before the change, and this session stays
/// signed in under the new ID. Sign-in then takes the new user ID only.
/// </summary>
[Authorize]
[RequireRecentPassword]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    private const string NoticeKey = "UserId.Notice";

    [BindProperty]
    public Command Data { get; set; } = new();

    public CredentialRules Rules { get; private set; } = new(string.Empty, string.Empty);

    public string UserName => User.Identity?.Name ?? string.Empty;

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[NoticeKey] as string;
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
        Data.UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var errors = await mediator.Send(Data, cancellationToken);
        if (errors.Count > 0)
        {
            ModelState.AddFieldErrors(errors, nameof(Data));
            return Page();
        }

        TempData[NoticeKey] = $"Your user ID is now {Data.NewUserId!.Trim()}. Use it the next time you sign in. We sent a security alert to your contact details on file.";
        return RedirectToPage();
    }

    /// <summary>The new user ID; the user is the signed-in one, never the form's.</summary>
    public sealed class Command : IRequest<IReadOnlyList<FieldError>>
    {
        public string? NewUserId { get; set; }

        [BindNever]
        public string UserId { get; set; } = string.Empty;
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.NewUserId).NotEmpty().WithMessage("Enter a new user ID");
    }

    internal sealed class Handler(UserManager<BillCenterUser> users, SignInManager<BillCenterUser> signIn, IMediator mediator, ILogger<Handler> logger)
        : IRequestHandler<Command, IReadOnlyList<FieldError>>
    {
        public async Task<IReadOnlyList<FieldError>> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.UserId) ?? throw new InvalidOperationException("The signed-in user does not exist.");
            var newUserId = request.NewUserId!.Trim();
            if (string.Equals(newUserId, user.UserName, StringComparison.OrdinalIgnoreCase))
            {
                return [new FieldError(nameof(Command.NewUserId), "That is your user ID now. Enter a different one")];
            }

            var problems = await mediator.Send(new CheckNewCredentials(newUserId, null), cancellationToken);
            if (problems.Count > 0)
            {
                return [.. problems.Select(p => p with { Field = nameof(Command.NewUserId) })];
            }

            // The alert goes to the contact details on file before anything changes.
            await mediator.Send(new QueueAlert(AlertType.Security, "user-id-changed", null, user.Id, new Dictionary<string, string>()), cancellationToken);
            var oldUserId = user.UserName;
            var changed = await users.SetUserNameAsync(user, newUserId);
            if (!changed.Succeeded)
            {
                // Taken in the meantime (the unique index), or refused by Identity's own rules.
                logger.LogInformation("A user ID change was refused: {Codes}", string.Join(", ", changed.Errors.Select(e => e.Code)));
                return [new FieldError(nameof(Command.NewUserId), "That user ID is taken. Choose a different one")];
            }

            // The same session, its ticket now naming the new user ID.
            await signIn.RefreshSignInAsync(user);
            logger.LogInformation("A user changed the user ID");
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.UserIdChanged, user.Id, user.UserName, null, $"user ID changed from {oldUserId}"), cancellationToken);
            return [];
        }
    }
}
