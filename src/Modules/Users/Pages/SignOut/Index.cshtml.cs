using BillCenter.Modules.Users.Domain;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Users.Pages.SignOut;

/// <summary>GET shows a "Sign out" button (works without JavaScript); POST signs out. Never sign out on a GET.</summary>
[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet() => SignedOut = User.Identity?.IsAuthenticated != true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new Command(), cancellationToken);
        return RedirectToPage();
    }

    internal sealed record Command : IRequest;

    internal sealed class Handler(SignInManager<BillCenterUser> signIn) : IRequestHandler<Command>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await signIn.SignOutAsync();
            return MediatR.Unit.Value;
        }
    }
}
