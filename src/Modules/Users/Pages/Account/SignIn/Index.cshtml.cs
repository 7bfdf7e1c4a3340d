using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Users.Pages.Account.SignIn;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Credentials Data { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(new SignInWithPassword(Data.UserName, Data.Password), cancellationToken);
        if (outcome == SignInOutcome.SignedIn)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/accounts");
        }

        ModelState.AddModelError("Data.UserName", outcome == SignInOutcome.LockedOut
            ? "You entered the wrong details too many times. Your online account is locked for 15 minutes. You can reset your password instead"
            : "Enter a correct user ID and password");
        return Page();
    }

    public sealed class Credentials
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
