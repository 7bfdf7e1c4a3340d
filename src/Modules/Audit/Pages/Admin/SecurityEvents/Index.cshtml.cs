using Ardalis.Specification;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Audit.Data;
using BillCenter.Modules.Audit.Domain;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Specifications;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Audit.Pages.Admin.SecurityEvents;

/// <summary>The security event log for admins: latest first, filtered by user and kind, 50 a page.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>A user ID as typed (user name) or an online user's internal id; empty for everyone.</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    /// <summary>One kind of event; empty for every kind.</summary>
    [BindProperty(SupportsGet = true, Name = "kind")]
    public SecurityEventKind? KindFilter { get; set; }

    public EventPage Events { get; private set; } = new([], 1, 0);

    public static IReadOnlyList<SecurityEventKind> Kinds { get; } = Enum.GetValues<SecurityEventKind>();

    /// <summary>Page <paramref name="pageNumber"/> of the events (1 is the newest; out-of-range numbers show the nearest page).</summary>
    public async Task OnGetAsync(int pageNumber, CancellationToken cancellationToken)
    {
        // An unknown kind in the address is no filter rather than an error page.
        if (!ModelState.IsValid)
        {
            KindFilter = null;
            ModelState.Clear();
        }

        UserFilter = string.IsNullOrWhiteSpace(UserFilter) ? null : UserFilter.Trim();
        Events = await mediator.Send(new GetSecurityEvents(UserFilter, KindFilter, pageNumber), cancellationToken);
    }

    /// <summary>"Sign-in failed" from SignInFailed, "Card self-service locked" from CardSelfServiceLocked.</summary>
    public static string Describe(SecurityEventKind kind)
    {
        var name = kind.ToString();
        var words = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return words.Replace("Sign in", "Sign-in", StringComparison.Ordinal).Replace("self service", "self-service", StringComparison.Ordinal);
    }

    public sealed record EventRow(DateTime OccurredAt, SecurityEventKind Kind, string? UserId, string? UserName, Guid? CardAccountId, string? Detail, string? ClientAddress, string? UserAgent)
    {
        /// <summary>The first 8 hex digits of the card account id: enough to tell accounts apart on the page.</summary>
        public string? CardAccountShort => CardAccountId?.ToString("N")[..8];

        public string Browser => UserAgent is null ? "—" : DeviceName.FromUserAgent(UserAgent);
    }

    /// <summary>One page of events, newest first: page <see cref="Number"/> of <see cref="PageCount"/>.</summary>
    public sealed record EventPage(IReadOnlyList<EventRow> Items, int Number, int Total)
    {
        public static int Size => LatestEvents.PageSize;

        public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

        public int FirstShown => Items.Count == 0 ? 0 : ((Number - 1) * Size) + 1;

        public int LastShown => Items.Count == 0 ? 0 : FirstShown + Items.Count - 1;

        public bool HasNewer => Number > 1;

        public bool HasOlder => Number < PageCount;
    }

    internal sealed record GetSecurityEvents(string? User, SecurityEventKind? Kind, int PageNumber) : IRequest<EventPage>;

    /// <summary>Security events of one user (by user ID or internal id) and one kind, when given, newest first, one page at a time.</summary>
    internal sealed class LatestEvents : Specification<SecurityEvent, EventRow>
    {
        public const int PageSize = 50;

        public LatestEvents(string? user, SecurityEventKind? kind, int page = 1)
        {
            if (user is not null)
            {
                Query.Where(e => e.UserName == user || e.UserId == user);
            }

            if (kind is { } k)
            {
                Query.Where(e => e.Kind == k);
            }

            // The id (time-ordered) breaks ties between events of the same instant, so pages neither repeat nor skip a row.
            Query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize);
            Query.Select(e => new EventRow(e.OccurredAt, e.Kind, e.UserId, e.UserName, e.CardAccountId, e.Detail, e.ClientAddress, e.UserAgent));
        }
    }

    internal sealed class GetSecurityEventsHandler(AuditDbContext db) : IRequestHandler<GetSecurityEvents, EventPage>
    {
        public async Task<EventPage> Handle(GetSecurityEvents request, CancellationToken cancellationToken)
        {
            // Criteria only: the same filter, counted without its order and paging.
            var total = await EfSpecificationEvaluator.Default
                .GetQuery(db.SecurityEvents.AsNoTracking(), new LatestEvents(request.User, request.Kind), evaluateCriteriaOnly: true)
                .CountAsync(cancellationToken);
            var page = Math.Clamp(request.PageNumber, 1, Math.Max(1, (total + LatestEvents.PageSize - 1) / LatestEvents.PageSize));
            var items = await db.SecurityEvents.AsNoTracking()
                .WithSpecification(new LatestEvents(request.User, request.Kind, page))
                .ToListAsync(cancellationToken);
            return new EventPage(items, page, total);
        }
    }
}
