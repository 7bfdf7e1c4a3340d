using System.Globalization;
using System.Security.Claims;
using Ardalis.Specification;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.AccountActivity;
using BillCenter.SharedKernel.Money;
using BillCenter.SharedKernel.Specifications;
using BillCenter.SharedKernel.Web;
using BillCenter.SharedKernel.Web.TagHelpers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Pages.Accounts.Activity;

/// <summary>
/// Purchase history of one of the user's accounts, across statements and the current cycle: filtered by dates, amounts,
/// description text and card (a GET form, so a search is a bookmarkable address), newest first, 50 a page, keyset-paged
/// (an "Older" link carries the last entry's position, so new postings never shift a page), with a streamed CSV export of
/// the whole filtered result. Another user's account is a 404.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Earliest posting date, as typed: 2026-03-27 (the date picker's form) or 3/27/2026.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>Smallest amount in dollars; payments and credits are negative.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Min { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Max { get; set; }

    /// <summary>Words of the merchant or description, matched anywhere, whatever the case.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Text { get; set; }

    /// <summary>One card's id; empty for every card.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Card { get; set; }

    /// <summary>Show the entries older than this position (an <see cref="ActivityCursor"/>); a malformed one is the first page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>Show the entries newer than this position.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    internal ActivityResult Result { get; private set; } = default!;

    internal IReadOnlyList<SelectItem> CardChoices =>
        [.. Result.Account.Cards.Select(c => new SelectItem(c.CardId.ToString(), $"Card ending {c.Last4}"))];

    internal bool Filtered => SearchRoute.Count > 0;

    /// <summary>The search as typed, as route values: the paging and export links keep it.</summary>
    internal Dictionary<string, string> SearchRoute =>
        new[] { (nameof(From), From), (nameof(To), To), (nameof(Min), Min), (nameof(Max), Max), (nameof(Text), Text), (nameof(Card), Card) }
            .Where(v => !string.IsNullOrWhiteSpace(v.Item2))
            .ToDictionary(v => v.Item1, v => v.Item2!, StringComparer.Ordinal);

    private FilterInput Input => new(From, To, Min, Max, Text, Card);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid account, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(UserId, account, Input, After, Before), cancellationToken) is not { } result)
        {
            return NotFound();
        }

        Result = result;
        ModelState.AddFieldErrors(result.Errors);
        return Page();
    }

    /// <summary>Every entry the filter finds (not only this page), newest first, as CSV written while it is read.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid account, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Export(UserId, account, Input), cancellationToken) is not { } export)
        {
            return NotFound();
        }

        if (export.Errors.Count > 0)
        {
            // A filter that does not parse exports nothing: the page says why, at the fields.
            return await OnGetAsync(account, cancellationToken);
        }

        await TransactionCsv.SendAsync(Response, "activity.csv", export.Lines, export.Account.Last4Of, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The filter fields as typed; parsed (and checked) by <see cref="ActivityFilter.Parse"/>.</summary>
    internal sealed record FilterInput(string? From, string? To, string? Min, string? Max, string? Text, string? Card);

    /// <summary>One page of the account's entries that <paramref name="Input"/> finds, before or after a position; null when the account is not the user's.</summary>
    internal sealed record Query(string UserId, Guid CardAccountId, FilterInput Input, string? After, string? Before) : IRequest<ActivityResult?>;

    /// <summary>Every entry that <paramref name="Input"/> finds, to stream; null when the account is not the user's.</summary>
    internal sealed record Export(string UserId, Guid CardAccountId, FilterInput Input) : IRequest<ActivityExport?>;

    /// <param name="Errors">Field errors of the filter ("From", "To", "Min", "Max", "Text", "Card"); no entries are searched when there are any.</param>
    /// <param name="Newer">The position to ask for newer entries with (<c>Before</c>); null on the first page.</param>
    /// <param name="Older">The position to ask for older entries with (<c>After</c>); null on the last page.</param>
    internal sealed record ActivityResult(OwnedAccount Account, IReadOnlyList<FieldError> Errors, IReadOnlyList<TransactionLine> Items, string? Newer, string? Older, bool Paged);

    internal sealed record ActivityExport(OwnedAccount Account, IReadOnlyList<FieldError> Errors, IAsyncEnumerable<TransactionLine> Lines);

    /// <summary>A position in the newest-first order: posted at, then id (which breaks ties). Written as "ticks-id".</summary>
    internal sealed record ActivityCursor(DateTime PostedAt, Guid Id)
    {
        public override string ToString() => $"{PostedAt.Ticks.ToString(CultureInfo.InvariantCulture)}-{Id:N}";

        /// <summary>Null for anything but a well-formed position: a tampered or truncated address shows the first page.</summary>
        public static ActivityCursor? Parse(string? text)
        {
            var parts = (text ?? string.Empty).Split('-');
            return parts.Length == 2
                   && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                   && ticks <= DateTime.MaxValue.Ticks
                   && Guid.TryParseExact(parts[1], "N", out var id)
                ? new ActivityCursor(new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }

        public static ActivityCursor Of(TransactionLine line) => new(line.PostedAt, line.Id);
    }

    /// <summary>The filter, parsed. Dates are UTC posting dates, both ends included.</summary>
    internal sealed record ActivityFilter(DateOnly? From, DateOnly? To, Money? Min, Money? Max, string? Text, Guid? CardId)
    {
        public const int TextLength = 100;

        private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "MM/dd/yyyy"];

        /// <summary>The filter, or the messages for the fields that do not parse (in the words the form shows).</summary>
        public static (ActivityFilter Filter, IReadOnlyList<FieldError> Errors) Parse(FilterInput input, OwnedAccount account)
        {
            var errors = new List<FieldError>();
            var from = Date(input.From, nameof(From), "start", errors);
            var to = Date(input.To, nameof(To), "end", errors);
            if (from is { } f && to is { } t && t < f)
            {
                errors.Add(new FieldError(nameof(To), "The end date must be the same as or after the start date"));
            }

            var min = Amount(input.Min, nameof(Min), "smallest", errors);
            var max = Amount(input.Max, nameof(Max), "largest", errors);
            if (min is { } low && max is { } high && high < low)
            {
                errors.Add(new FieldError(nameof(Max), "The largest amount must be the same as or more than the smallest amount"));
            }

            var text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
            if (text is { Length: > TextLength })
            {
                errors.Add(new FieldError(nameof(Text), $"Enter {TextLength} characters or fewer to search for"));
            }

            Guid? cardId = null;
            if (!string.IsNullOrWhiteSpace(input.Card))
            {
                if (Guid.TryParse(input.Card, out var id) && account.Cards.Any(c => c.CardId == id))
                {
                    cardId = id;
                }
                else
                {
                    errors.Add(new FieldError(nameof(Card), "Choose a card from the list, or all cards"));
                }
            }

            return (new ActivityFilter(from, to, min, max, text, cardId), errors);
        }

        private static DateOnly? Date(string? input, string field, string which, List<FieldError> errors)
        {
            if (string.IsNullOrWhiteSpace(input))
            {
                return null;
            }

            if (DateOnly.TryParseExact(input.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 9998)
            {
                return date;
            }

            errors.Add(new FieldError(field, $"Enter the {which} date as a real date, for example 2026-03-27"));
            return null;
        }

        private static Money? Amount(string? input, string field, string which, List<FieldError> errors)
        {
            if (string.IsNullOrWhiteSpace(input))
            {
                return null;
            }

            if (Money.TryParse(input, out var amount))
            {
                return amount;
            }

            errors.Add(new FieldError(field, $"Enter the {which} amount in dollars and cents, for example 25 or 25.50"));
            return null;
        }
    }

    /// <summary>
    /// An account's entries that a filter finds, newest first on (posted at, id); with <paramref name="after"/> only those
    /// older than it, with <paramref name="before"/> only those newer (then oldest first, to take the nearest ones). A seek
    /// on the (account, posted at, id) index, never an offset, so page 500 costs what page 1 does.
    /// </summary>
    internal sealed class ActivitySearch : Specification<CardTransaction, TransactionLine>
    {
        public ActivitySearch(Guid cardAccountId, ActivityFilter filter, ActivityCursor? after = null, ActivityCursor? before = null, int? take = null)
        {
            Query.Where(t => t.CardAccountId == cardAccountId);
            if (filter.From is { } from)
            {
                var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                Query.Where(t => t.PostedAt >= start);
            }

            if (filter.To is { } to)
            {
                var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                Query.Where(t => t.PostedAt < end);
            }

            if (filter.Min is { } min)
            {
                Query.Where(t => t.Amount >= min);
            }

            if (filter.Max is { } max)
            {
                Query.Where(t => t.Amount <= max);
            }

            if (filter.Text is { } text)
            {
                // Lower-cased on both sides (PostgreSQL's LIKE is case-sensitive); the person's %, _ and \ match themselves.
                var pattern = "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
                Query.Where(t => EF.Functions.Like(t.Description.ToLower(), pattern, "\\"));
            }

            if (filter.CardId is { } cardId)
            {
                Query.Where(t => t.CardId == cardId);
            }

            if (after is { } a)
            {
                var at = a.PostedAt;
                var id = a.Id;
                Query.Where(t => t.PostedAt <= at && (t.PostedAt < at || t.Id.CompareTo(id) < 0));
            }

            if (before is { } b)
            {
                var at = b.PostedAt;
                var id = b.Id;
                Query.Where(t => t.PostedAt >= at && (t.PostedAt > at || t.Id.CompareTo(id) > 0));
                Query.OrderBy(t => t.PostedAt).ThenBy(t => t.Id);
            }
            else
            {
                Query.OrderByDescending(t => t.PostedAt).ThenByDescending(t => t.Id);
            }

            if (take is { } count)
            {
                Query.Take(count);
            }

            Query.Select(t => new TransactionLine(t.Id, t.PostedAt, t.CardId, t.Description, t.Kind, t.Amount, t.MerchantCategory, t.Reference));
        }
    }

    internal sealed class QueryHandler(AccountsDbContext db) : IRequestHandler<Query, ActivityResult?>
    {
        public async Task<ActivityResult?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await OwnedAccount.FindAsync(db, request.UserId, request.CardAccountId, cancellationToken) is not { } account)
            {
                return null;
            }

            var (filter, errors) = ActivityFilter.Parse(request.Input, account);
            if (errors.Count > 0)
            {
                return new ActivityResult(account, errors, [], null, null, false);
            }

            // A page and one more entry: whether there is another page beyond it.
            var before = ActivityCursor.Parse(request.Before);
            var after = before is null ? ActivityCursor.Parse(request.After) : null;
            var rows = await db.Transactions.AsNoTracking()
                .WithSpecification(new ActivitySearch(account.CardAccountId, filter, after, before, PageSize + 1))
                .ToListAsync(cancellationToken);
            var more = rows.Count > PageSize;
            var items = rows.Take(PageSize).ToList();
            if (before is not null)
            {
                items.Reverse();
            }

            var hasNewer = before is not null ? more : after is not null;
            var hasOlder = before is not null || more;
            return new ActivityResult(
                account,
                [],
                items,
                hasNewer && items.Count > 0 ? ActivityCursor.Of(items[0]).ToString() : null,
                hasOlder && items.Count > 0 ? ActivityCursor.Of(items[^1]).ToString() : null,
                before is not null || after is not null);
        }
    }

    internal sealed class ExportHandler(AccountsDbContext db) : IRequestHandler<Export, ActivityExport?>
    {
        public async Task<ActivityExport?> Handle(Export request, CancellationToken cancellationToken)
        {
            if (await OwnedAccount.FindAsync(db, request.UserId, request.CardAccountId, cancellationToken) is not { } account)
            {
                return null;
            }

            var (filter, errors) = ActivityFilter.Parse(request.Input, account);
            // Not run here: the page enumerates it while writing the response, one row at a time.
            var lines = db.Transactions.AsNoTracking().WithSpecification(new ActivitySearch(account.CardAccountId, filter)).AsAsyncEnumerable();
            return new ActivityExport(account, errors, lines);
        }
    }
}
