using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Preferences.Data;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Preferences.Pages.Preferences;

/// <summary>What the cardholder has set up and what is missing, with a way to each, and the benefits of each card.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Heading = "Your preferences";

    public Overview Data { get; private set; } = new(null, []);

    /// <summary>What the page a cardholder came back from saved, shown once.</summary>
    public string? Saved { get; private set; }

    /// <summary>The billing address and nickname of each card account (Accounts owns them).</summary>
    public IReadOnlyList<AccountDetails> AccountDetails { get; private set; } = [];

    /// <summary>The email address and mobile number on file (one set for all the user's card accounts); null when none is linked.</summary>
    public ContactOnFile? Contact { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // What the page the cardholder came back from saved (at most one is set).
        Saved = new[] { SecurityQuestions.IndexModel.SavedKey, Address.IndexModel.SavedKey, Nickname.IndexModel.SavedKey, Alerts.IndexModel.SavedKey, Statements.IndexModel.SavedKey, ContactJourney.SavedKey }
            .Select(key => TempData[key] as string)
            .FirstOrDefault(message => message is not null);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        AccountDetails = await mediator.Send(new GetAccountDetails(userId), cancellationToken);
        Contact = await Email.IndexModel.ContactOnFileAsync(mediator, userId, cancellationToken);
        Data = await mediator.Send(new Query(userId), cancellationToken);
    }

    internal sealed record Query(string UserId) : IRequest<Overview>;

    /// <param name="SecurityQuestionsSetAt">When the security questions were saved; null when none are set.</param>
    /// <param name="Accounts">The user's card accounts, with their products' benefits.</param>
    public sealed record Overview(DateTime? SecurityQuestionsSetAt, IReadOnlyList<AccountSummary> Accounts)
    {
        /// <summary>How each account's statements arrive (the default for an account whose cardholder never chose).</summary>
        public IReadOnlyDictionary<Guid, StatementDeliveryMethod> StatementDelivery { get; init; } = new Dictionary<Guid, StatementDeliveryMethod>();

        /// <summary>Each account's alert choices (defaults for the types never set).</summary>
        public IReadOnlyDictionary<Guid, AlertChoices> Alerts { get; init; } = new Dictionary<Guid, AlertChoices>();
    }

    internal sealed class Handler(PreferencesDbContext db, IMediator mediator) : IRequestHandler<Query, Overview>
    {
        public async Task<Overview> Handle(Query request, CancellationToken cancellationToken)
        {
            var setAt = await db.SecurityAnswers.AsNoTracking()
                .Where(a => a.UserId == request.UserId)
                .MaxAsync(a => (DateTime?)a.SetAt, cancellationToken);
            var accounts = await mediator.Send(new GetAccountSummaries(request.UserId), cancellationToken);
            List<Guid> ids = [.. accounts.Select(a => a.CardAccountId)];
            var delivery = await mediator.Send(new GetStatementDelivery(ids), cancellationToken);
            var alerts = await mediator.Send(new GetAlertChoices(ids), cancellationToken);
            return new Overview(setAt, accounts) { StatementDelivery = delivery, Alerts = alerts };
        }
    }
}
