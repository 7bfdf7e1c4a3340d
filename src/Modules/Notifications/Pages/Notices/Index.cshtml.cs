using System.Security.Claims;
using Ardalis.Specification;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.SharedKernel.Specifications;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Pages.Notices;

/// <summary>
/// The cardholder's notices, newest first, a page at a time: the same alerts the emails and texts were made from, kept
/// even for alerts they turned off. Seeing a page marks its notices as read: no extra step or script, nothing for a
/// keyboard or screen-reader user to find, and the notices on older pages stay new until they are opened.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public NoticePage Notices { get; private set; } = new([], 1, 0);

    /// <summary>Page <paramref name="pageNumber"/> (1 is the newest; out-of-range numbers show the nearest page).</summary>
    public async Task OnGetAsync(int pageNumber, CancellationToken cancellationToken) =>
        Notices = await mediator.Send(new Query(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, pageNumber), cancellationToken);

    /// <summary>One notice as shown: <see cref="IsNew"/> when this is the first time it is shown.</summary>
    public sealed record NoticeItem(Guid Id, DateTime CreatedAt, Guid? CardAccountId, string Subject, string TextBody, bool IsNew)
    {
        /// <summary>The account it is about, e.g. "Gold Card ending 0013", when the user still holds it.</summary>
        public string? Account { get; init; }
    }

    /// <summary>Page <see cref="Number"/> of <see cref="PageCount"/>, newest first.</summary>
    public sealed record NoticePage(IReadOnlyList<NoticeItem> Items, int Number, int Total)
    {
        public static int Size => NewestFirst.PageSize;

        public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

        public bool HasNewer => Number > 1;

        public bool HasOlder => Number < PageCount;
    }

    internal sealed record Query(string UserId, int PageNumber) : IRequest<NoticePage>;

    /// <summary>A user's notices, newest first, one page at a time.</summary>
    internal sealed class NewestFirst : Specification<Notice, NoticeItem>
    {
        public const int PageSize = 20;

        public NewestFirst(string userId, int page = 1) =>
            Query.Where(n => n.UserId == userId)
                // The id breaks ties between notices of the same instant, so pages neither repeat nor skip one.
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(n => new NoticeItem(n.Id, n.CreatedAt, n.CardAccountId, n.Subject, n.TextBody, n.ReadAt == null));
    }

    internal sealed class Handler(NotificationsDbContext db, IMediator mediator, TimeProvider time) : IRequestHandler<Query, NoticePage>
    {
        public async Task<NoticePage> Handle(Query request, CancellationToken cancellationToken)
        {
            var total = await EfSpecificationEvaluator.Default.GetQuery(db.Notices, new NewestFirst(request.UserId), evaluateCriteriaOnly: true)
                .CountAsync(cancellationToken);
            if (total == 0)
            {
                return new NoticePage([], 1, 0);
            }

            var page = Math.Clamp(request.PageNumber, 1, (total + NewestFirst.PageSize - 1) / NewestFirst.PageSize);
            var items = await db.Notices.WithSpecification(new NewestFirst(request.UserId, page)).ToListAsync(cancellationToken);

            var shown = items.Where(n => n.IsNew).Select(n => n.Id).ToList();
            if (shown.Count > 0)
            {
                var now = time.GetUtcNow().UtcDateTime;
                await db.Notices.Where(n => shown.Contains(n.Id) && n.UserId == request.UserId && n.ReadAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
            }

            var accounts = await AccountsAsync(request.UserId, items, cancellationToken);
            return new NoticePage(
                [.. items.Select(n => n with { Account = n.CardAccountId is { } id ? accounts.GetValueOrDefault(id) : null })],
                page,
                total);
        }

        /// <summary>"Gold Card ending 0013" for each of the user's accounts, asked only when a notice shown names one.</summary>
        private async Task<Dictionary<Guid, string>> AccountsAsync(string userId, List<NoticeItem> items, CancellationToken cancellationToken)
        {
            if (!items.Any(n => n.CardAccountId is not null))
            {
                return [];
            }

            return (await mediator.Send(new GetAccountSummaries(userId), cancellationToken)).ToDictionary(
                a => a.CardAccountId,
                a => (a.Cards.FirstOrDefault(c => c.IsPrimary) ?? a.Cards.FirstOrDefault()) is { } card ? $"{a.ProductName} ending {card.Last4}" : a.ProductName);
        }
    }
}
