using System.Security.Claims;
using BillCenter.Bench.Reference.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Bench.Reference.Pages;

/// <summary>GET shows the form (with its antiforgery token); POST checks the one user and signs in with a cookie.</summary>
internal sealed class SignInModel(ReferenceUser user) : PageModel
{
    [BindProperty]
    public Credentials Data { get; set; } = new();

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!user.Check(Data.UserName, Data.Password))
        {
            Failed = true;
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, ReferenceUser.UserName), new Claim(ClaimTypes.Name, ReferenceUser.UserName)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect("/account");
    }

    internal sealed class Credentials
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
