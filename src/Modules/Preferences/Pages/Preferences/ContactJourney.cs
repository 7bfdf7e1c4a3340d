using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Contact;
using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace BillCenter.Modules.Preferences.Pages.Preferences;

/// <summary>
/// Changing the email address or mobile number on file, in one place: the new address (<see cref="Email"/> or
/// <see cref="Mobile"/>, which also confirms the number already on file) → a 6-digit code sent to that new address
/// (<see cref="Code"/>) → the change, through the Accounts contract, only once the code is right. The journey keeps the
/// new address, and the code is bound to it as well (the code record holds its destination, checked when it is
/// redeemed), so a code entered for one address can never put another on file. The state names the signed-in user it
/// belongs to: nobody else can carry it on.
/// </summary>
public sealed class ContactJourney(IDataProtectionProvider dataProtection, IConfiguration configuration)
    : Journey<ContactState>(dataProtection, configuration, "contact", JourneyLifetime)
{
    public const string Overview = "/Preferences/Index";
    public const string Email = "/Preferences/Email/Index";
    public const string Mobile = "/Preferences/Mobile/Index";
    public const string Code = "/Preferences/ContactCode/Index";

    /// <summary>The message on the overview once the change is made (or the number confirmed or removed).</summary>
    public const string SavedKey = "preferences.contact.saved";

    /// <summary>How long after the last step the journey may be carried on (a code works 10 minutes).</summary>
    public static readonly TimeSpan JourneyLifetime = TimeSpan.FromMinutes(20);

    /// <summary>A code must be entered within this time of being verified to be spent on the change.</summary>
    public static readonly TimeSpan RedeemWindow = TimeSpan.FromMinutes(5);

    private static readonly Dictionary<string, Func<ContactState, bool>> StepTable = new()
    {
        [Email] = _ => true,
        [Mobile] = _ => true,
        [Code] = s => s.CodeId is not null && s.CardAccountId is not null && s.NewValue is not null && s.UserId is not null,
    };

    public override string FirstPage => Overview;

    protected override IReadOnlyDictionary<string, Func<ContactState, bool>> Steps => StepTable;

    /// <summary>A code went to the new address: the journey waits for it there.</summary>
    public static JourneyMove<ContactState> CodeSent(string userId, Guid cardAccountId, ContactKind kind, string newValue, bool confirming, Guid codeId) =>
        new(new ContactState
        {
            UserId = userId,
            CardAccountId = cardAccountId,
            Kind = kind,
            NewValue = newValue,
            Confirming = confirming,
            CodeId = codeId,
        }, Code);

    /// <summary>A new code was sent to the same address (a new code id after too many wrong entries).</summary>
    public static JourneyMove<ContactState> CodeResent(ContactState state, Guid codeId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state with { CodeId = codeId }, Code);
    }
}

/// <summary>What the contact journey knows: whose it is, the new address (email, or E.164 number) and the code sent to it. Never the code.</summary>
public sealed record ContactState
{
    public string? UserId { get; init; }

    /// <summary>The card account the code counts against (the user's first); the change applies to all the user's accounts.</summary>
    public Guid? CardAccountId { get; init; }

    public ContactKind Kind { get; init; }

    public string? NewValue { get; init; }

    /// <summary>Confirming the number already on file rather than changing it.</summary>
    public bool Confirming { get; init; }

    public Guid? CodeId { get; init; }

    /// <summary>The new address as the page shows it: the email, or the number in its national format.</summary>
    public string Display => Kind == ContactKind.Mobile ? MobileNumber.Display(NewValue) : NewValue ?? string.Empty;
}
