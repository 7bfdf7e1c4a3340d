using BillCenter.Modules.Users.Domain;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Users.Pages.SignIn;

[AllowAnonymous]
[SharedKernel.Security.RateLimitedStep(SharedKernel.Security.SecurityStep.SignIn)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    private const string NoticeKey = "SignIn.Notice";

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Notice { get; private set; }

    public void OnGet() => Notice = TempData[NoticeKey] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(Data, cancellationToken);
        if (outcome == Outcome.SignedIn)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/accounts");
        }

        if (outcome == Outcome.SignedOutFirst)
        {
            TempData[NoticeKey] = "You were signed in as someone else in this browser. We signed you out of that online account: sign in again to continue.";
            return RedirectToPage(new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        }

        ModelState.AddModelError("Data.UserName", outcome == Outcome.LockedOut
            ? "You entered the wrong details too many times. Your online account is locked for 15 minutes. You can reset your password instead"
            : "Enter a correct user ID and password");
        return Page();
    }

    public enum Outcome
    {
        SignedIn,
        Refused,
        LockedOut,

        /// <summary>The browser was signed in as another user: that session ended, and sign-in starts afresh.</summary>
        SignedOutFirst,
    }

    /// <summary>The sign-in form, sent as it is.</summary>
    public sealed class Command : IRequest<Outcome>
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).NotEmpty().WithMessage("Enter your user ID");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password");
        }
    }

    internal sealed class Handler(SignInManager<BillCenterUser> signIn, ILogger<Handler> logger) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            // A browser's session key is never handed from one user to another: end the other user's session here,
            // and sign in on the next request, which carries no live session.
            var current = signIn.Context.User.Identity;
            if (current?.IsAuthenticated == true && !string.Equals(current.Name, request.UserName!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                await signIn.SignOutAsync();
                return Outcome.SignedOutFirst;
            }

            // Failures count towards lockout; the answer is the same whether or not the user ID exists.
            var result = await signIn.PasswordSignInAsync(request.UserName!.Trim(), request.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                logger.LogInformation("A user signed in");
                return Outcome.SignedIn;
            }

            logger.LogInformation("A sign-in was refused{Locked}", result.IsLockedOut ? " (locked out)" : string.Empty);
            return result.IsLockedOut ? Outcome.LockedOut : Outcome.Refused;
        }
    }
}
