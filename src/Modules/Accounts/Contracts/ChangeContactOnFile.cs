using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Replace the email address or the mobile number on file of every card account linked to <paramref name="UserId"/>
/// (one cardholder, one set of contact details), after the caller proved with a code sent to it that the new address
/// is the cardholder's. A mobile number confirmed this way is marked verified. <paramref name="NewValue"/> is the trimmed
/// email address or the E.164 number; null removes the mobile number (an email address cannot be removed). The security
/// alert ("email-changed", "mobile-changed", "mobile-removed", naming the new address masked) is queued to the contact
/// details on file <b>before</b> the change, so the old address hears of it; confirming the number already on file
/// changes nothing else and sends none. A <c>ContactChanged</c> security event is recorded.
/// </summary>
public sealed record ChangeContactOnFile(string UserId, ContactKind Kind, string? NewValue) : IRequest<ContactChangeOutcome>;

public enum ContactKind
{
    Email = 1,
    Mobile = 2,
}

public enum ContactChangeOutcome
{
    Changed = 1,

    /// <summary>The value asked for was already on file (a mobile number now confirmed, nothing else).</summary>
    Confirmed = 2,

    /// <summary>No card account is linked to the user: nothing changed.</summary>
    NotFound = 3,

    /// <summary>The last email address cannot be removed: nothing changed.</summary>
    EmailRequired = 4,
}
