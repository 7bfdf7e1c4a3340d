using BillCenter.Modules.Notifications.Contracts;
using MediatR;

namespace BillCenter.Modules.Preferences.Contracts;

/// <summary>
/// How each of the given card accounts wants its alerts, in one query however many are asked (the Notifications
/// module asks once per batch of alerts it queues). Every id asked is in the answer; a type the cardholder never set
/// has its default (see <see cref="AlertChoices.For"/>).
/// </summary>
public sealed record GetAlertChoices(IReadOnlyCollection<Guid> CardAccountIds) : IRequest<IReadOnlyDictionary<Guid, AlertChoices>>;

/// <summary>One card account's alert choices, one per alert type the cardholder can set.</summary>
public sealed record AlertChoices(IReadOnlyList<AlertChoice> Choices)
{
    /// <summary>
    /// The choice for <paramref name="type"/>, or null for a type the cardholder cannot set (security alerts, which
    /// always go to every contact on file, and service messages such as the welcome email).
    /// </summary>
    public AlertChoice? For(AlertType type)
    {
        foreach (var choice in Choices)
        {
            if (choice.Type == type)
            {
                return choice;
            }
        }

        return null;
    }
}

/// <summary>
/// One alert type for one card account: by email, by text, both, or neither (off).
/// </summary>
/// <param name="ThresholdCents">For "purchase over" and "balance over": the amount in cents the alert fires above.</param>
/// <param name="DaysBefore">For the payment due reminder: how many days (1–10) before the due date.</param>
public sealed record AlertChoice(AlertType Type, bool ByEmail, bool ByText, long? ThresholdCents, int? DaysBefore)
{
    public bool IsOff => !ByEmail && !ByText;
}
