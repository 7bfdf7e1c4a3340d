using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Users.Pages.Account.SignOut;

/// <summary>GET shows a "Sign out" button (works without JavaScript); POST signs out. Never sign out on a GET.</summary>
[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet() => SignedOut = User.Identity?.IsAuthenticated != true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SignOutCurrentUser(), cancellationToken);
        return RedirectToPage();
    }
}
