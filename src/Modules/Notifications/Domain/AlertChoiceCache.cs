using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using MediatR;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// The cardholders' alert choices (Preferences module), asked at most once per card account in a scope: a batch of
/// outbox events is published in one scope, so a batch of a thousand alerts for one account asks once, not a thousand times.
/// </summary>
internal sealed class AlertChoiceCache(IMediator mediator)
{
    private readonly Dictionary<Guid, AlertChoices> _choices = [];

    /// <summary>Asks for every account not asked yet, in one query.</summary>
    public async Task LoadAsync(IEnumerable<Guid> cardAccountIds, CancellationToken cancellationToken)
    {
        var missing = cardAccountIds.Where(id => !_choices.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var (id, choices) in await mediator.Send(new GetAlertChoices(missing), cancellationToken))
        {
            _choices[id] = choices;
        }
    }

    /// <summary>The account's choice for the type; null for a type the cardholder cannot set (security, welcome).</summary>
    public async Task<AlertChoice?> ForAsync(Guid cardAccountId, AlertType type, CancellationToken cancellationToken)
    {
        await LoadAsync([cardAccountId], cancellationToken);
        return _choices.TryGetValue(cardAccountId, out var choices) ? choices.For(type) : null;
    }
}
