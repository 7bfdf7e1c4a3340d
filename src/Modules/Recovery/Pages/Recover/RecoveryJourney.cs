using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace BillCenter.Modules.Recovery.Pages.Recover;

/// <summary>
/// The whole recovery journey in one place: what is needed (user ID, password, both) → the card (card ID, or billing
/// address for a cancelled card or an account without card ID) → where to send the code → the code → (no online
/// account) or, when the online account has security questions, one of them → the user ID and/or a new password → done. Only after the code does the journey learn, and show,
/// whether the card has an online account. The verified code is redeemed server-side when the password is reset
/// (within <see cref="ResetWindow"/> of the code), so a cookie replayed afterwards cannot reset it again.
/// </summary>
public sealed class RecoveryJourney(IDataProtectionProvider dataProtection, IConfiguration configuration)
    : Journey<RecoveryState>(dataProtection, configuration, "recover", ResetWindow)
{
    public const string Index = "/Recover/Index";
    public const string Card = "/Recover/Card";
    public const string Address = "/Recover/Address";
    public const string SendCode = "/Recover/SendCode";
    public const string Code = "/Recover/Code";
    public const string NoAccount = "/Recover/NoAccount";
    public const string Question = "/Recover/Question";
    public const string UserId = "/Recover/UserId";
    public const string Password = "/Recover/Password";
    public const string Done = "/Recover/Done";

    /// <summary>The one-time code's purpose: a code sent for enrollment is never valid here.</summary>
    public const string Purpose = "recovery";

    /// <summary>A new password must be set within this time of entering the code; the journey lasts as long after its last step.</summary>
    public static readonly TimeSpan ResetWindow = TimeSpan.FromMinutes(15);

    private static readonly Dictionary<string, Func<RecoveryState, bool>> StepTable = new()
    {
        [Index] = _ => true,
        [Card] = s => s.Need is not null && !s.CodeVerified && !s.PasswordReset,
        [Address] = s => s.Need is not null && !s.CodeVerified && !s.PasswordReset,
        [SendCode] = s => s.CardVerified && !s.CodeVerified,
        [Code] = s => s.CardVerified && s.CodeId is not null && !s.CodeVerified,

        // Only after the code may the cardholder learn whether the card has an online account, and which.
        [NoAccount] = s => s.CodeVerified && s.NoOnlineAccount,
        // A security question, when the account has them, comes after the code and before anything is shown or changed.
        [Question] = s => s.CodeVerified && s.AwaitingAnswer && !s.PasswordReset,
        [UserId] = s => s.CodeVerified && s.UserName is not null && !s.AwaitingAnswer && s.WantsUserId && !s.PasswordReset,
        [Password] = s => s.CodeVerified && s.UserName is not null && !s.AwaitingAnswer && s.WantsPassword && !s.PasswordReset,
        [Done] = s => s.PasswordReset,
    };

    public override string FirstPage => Index;

    protected override IReadOnlyDictionary<string, Func<RecoveryState, bool>> Steps => StepTable;

    /// <summary>A new journey for what the cardholder needs; the card is asked for next (by card ID unless they choose the address).</summary>
    public static JourneyMove<RecoveryState> Start(RecoveryNeed need) => new(new RecoveryState { Need = need }, Card);

    /// <summary>The card checked out: remember which account (never the number), then choose where the code goes.</summary>
    public static JourneyMove<RecoveryState> CardVerified(RecoveryState state, VerifiedCard card, RecoveryPath path)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(card);
        return new(
            new RecoveryState
            {
                Need = state.Need,
                Path = path,
                CardAccountId = card.CardAccountId,
                Last4 = card.Last4,
                ProductName = card.ProductName,
                CancelledCard = card.Status == CardStatus.Cancelled,
            },
            SendCode);
    }

    /// <summary>A code was sent (or sent again): the journey waits for it.</summary>
    public static JourneyMove<RecoveryState> CodeSent(RecoveryState state, Guid codeId, string maskedDestination) =>
        new(state with { CodeId = codeId, CodeSentTo = maskedDestination }, Code);

    /// <summary>The first code was sent: the journey also remembers whether there was another place it could have gone.</summary>
    public static JourneyMove<RecoveryState> CodeSent(RecoveryState state, Guid codeId, string maskedDestination, bool onlyDestination)
    {
        ArgumentNullException.ThrowIfNull(state);
        return CodeSent(state with { OnlyOneDestination = onlyDestination }, codeId, maskedDestination);
    }

    /// <summary>
    /// The code was right: now the journey learns the online account linked to the card (none: the cardholder is told
    /// so, and offered enrollment unless the card is cancelled). When the account has security questions, one of them
    /// (<paramref name="question"/>) is asked before the user ID or the new password.
    /// </summary>
    public static JourneyMove<RecoveryState> CodeVerified(RecoveryState state, OnlineAccount? account, SecurityQuestionPrompt? question)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (account is null)
        {
            return new(state with { CodeVerified = true, NoOnlineAccount = true }, NoAccount);
        }

        var verified = state with
        {
            CodeVerified = true,
            UserId = account.UserId,
            UserName = account.UserName,
            CredentialVersion = account.CredentialVersion,
            SecurityQuestionKey = question?.Key,
            SecurityQuestion = question?.Text,
        };
        return question is not null ? new(verified, Question) : Verified(verified);
    }

    /// <summary>The security answer was right: on to the user ID or the new password.</summary>
    public static JourneyMove<RecoveryState> AnswerAccepted(RecoveryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Verified(state with { SecurityQuestionPassed = true });
    }

    private static JourneyMove<RecoveryState> Verified(RecoveryState state) => new(state, state.WantsUserId ? UserId : Password);

    /// <summary>Seeing the user ID, the cardholder wants a new password too.</summary>
    public static JourneyMove<RecoveryState> AlsoPassword(RecoveryState state) => new(state with { Need = RecoveryNeed.Both }, Password);

    /// <summary>The password is reset: forget everything but what the confirmation page shows.</summary>
    public static JourneyMove<RecoveryState> PasswordWasReset(RecoveryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(new RecoveryState { Need = state.Need, PasswordReset = true, Last4 = state.Last4, ProductName = state.ProductName }, Done);
    }
}

public enum RecoveryNeed
{
    UserId = 1,
    Password = 2,
    Both = 3,
}

public enum RecoveryPath
{
    CardWithCardId = 1,
    BillingAddress = 2,
}

/// <summary>What the recovery journey knows so far. Never holds a card number, card ID, code or password.</summary>
public sealed record RecoveryState
{
    public RecoveryNeed? Need { get; init; }

    public RecoveryPath? Path { get; init; }

    public Guid? CardAccountId { get; init; }

    public string? Last4 { get; init; }

    public string? ProductName { get; init; }

    /// <summary>The card is cancelled (checked by billing address): it recovers only the online account it is linked to.</summary>
    public bool CancelledCard { get; init; }

    public Guid? CodeId { get; init; }

    public string? CodeSentTo { get; init; }

    /// <summary>The card has a single contact on file, so the code page offers no other place to send it.</summary>
    public bool OnlyOneDestination { get; init; }

    public bool CodeVerified { get; init; }

    /// <summary>Learnt only after the code: the card has no online account.</summary>
    public bool NoOnlineAccount { get; init; }

    /// <summary>The online account's internal id, learnt only after the code.</summary>
    public string? UserId { get; init; }

    /// <summary>The user ID it signs in with, learnt only after the code.</summary>
    public string? UserName { get; init; }

    /// <summary>The version of its credentials when the code was entered: a reset made since wins over this journey's.</summary>
    public string? CredentialVersion { get; init; }

    /// <summary>The key of the security question asked, when the online account has them (learnt only after the code).</summary>
    public string? SecurityQuestionKey { get; init; }

    /// <summary>The words of that question, as shown.</summary>
    public string? SecurityQuestion { get; init; }

    public bool SecurityQuestionPassed { get; init; }

    public bool PasswordReset { get; init; }

    /// <summary>A security question was asked and not yet answered right: nothing is shown or changed until it is.</summary>
    public bool AwaitingAnswer => SecurityQuestionKey is not null && !SecurityQuestionPassed;

    public bool CardVerified => CardAccountId is not null;

    public bool WantsUserId => Need is RecoveryNeed.UserId or RecoveryNeed.Both;

    public bool WantsPassword => Need is RecoveryNeed.Password or RecoveryNeed.Both;
}
