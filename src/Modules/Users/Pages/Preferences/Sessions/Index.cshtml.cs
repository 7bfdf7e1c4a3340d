using System.Globalization;
using System.Security.Claims;
using BillCenter.Modules.Users.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Users.Pages.Preferences.Sessions;

/// <summary>
/// "Your sessions": every browser signed in to this online account, this one marked, and one button that signs out
/// all the others (after the password again when it was entered more than 5 minutes ago).
/// </summary>
[Authorize]
[RequireRecentPassword(PostsOnly = true)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    private const string NoticeKey = "Sessions.Notice";

    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[NoticeKey] as string;
        Sessions = await mediator.Send(new ListSessions(UserId, SessionId), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var ended = await mediator.Send(new EndSessions(UserId, SessionId ?? Guid.Empty.ToString("N")), cancellationToken);
        TempData[NoticeKey] = ended switch
        {
            0 => "There were no other sessions to sign out of.",
            1 => "We signed you out of 1 other session. You are still signed in in this browser.",
            _ => $"We signed you out of {ended} other sessions. You are still signed in in this browser.",
        };
        return RedirectToPage();
    }

    public static string When(DateTimeOffset at) => at.ToString("MMM d, yyyy 'at' h:mm tt", CultureInfo.InvariantCulture) + " UTC";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private string? SessionId => User.FindFirstValue(SessionClaims.SessionId);
}
