using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

/// <summary>
/// The whole enrollment journey in one place: which account → card check → where to send the code → the code →
/// (already enrolled) or user ID and password → check your answers → done. Each step below says when its page
/// may show; each transition says what the journey remembers and where it goes next. The verified code is redeemed
/// server-side when the account is created, so a cookie replayed after completion cannot create another.
/// </summary>
public sealed class EnrollmentJourney(IDataProtectionProvider dataProtection, IConfiguration configuration)
    : Journey<EnrollmentState>(dataProtection, configuration, "enroll", TimeSpan.FromMinutes(30))
{
    public const string Index = "/Enroll/Index";
    public const string Card = "/Enroll/Card";
    public const string Account = "/Enroll/Account";
    public const string SendCode = "/Enroll/SendCode";
    public const string Code = "/Enroll/Code";
    public const string AlreadyEnrolled = "/Enroll/AlreadyEnrolled";
    public const string Credentials = "/Enroll/Credentials";
    public const string Check = "/Enroll/Check";
    public const string Done = "/Enroll/Done";

    private static readonly Dictionary<string, Func<EnrollmentState, bool>> StepTable = new()
    {
        [Index] = _ => true,
        [Card] = s => s.Path == EnrollmentPath.CardWithCardId,
        [Account] = s => s.Path == EnrollmentPath.AccountWithoutCardId,
        [SendCode] = s => s.CardVerified && !s.Completed,
        [Code] = s => s.CardVerified && s.CodeId is not null && !s.Completed,

        // Only after the code may the cardholder learn that the card already has an online account.
        [AlreadyEnrolled] = s => s.CodeVerified && s.AlreadyEnrolled,
        [Credentials] = s => s.CardVerified && s.CodeVerified && !s.AlreadyEnrolled && !s.Completed,
        [Check] = s => s.ReadyToCreate && !s.Completed,
        [Done] = s => s.Completed,
    };

    public override string FirstPage => Index;

    protected override IReadOnlyDictionary<string, Func<EnrollmentState, bool>> Steps => StepTable;

    /// <summary>A new journey down the chosen path.</summary>
    public static JourneyMove<EnrollmentState> Start(EnrollmentPath path) =>
        new(new EnrollmentState { Path = path }, path == EnrollmentPath.CardWithCardId ? Card : Account);

    /// <summary>The card checked out: remember which account (never the number), then choose where the code goes.</summary>
    public static JourneyMove<EnrollmentState> CardVerified(EnrollmentState state, VerifiedCard card)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(card);
        return new(
            new EnrollmentState
            {
                Path = state.Path,
                CardAccountId = card.CardAccountId,
                Last4 = card.Last4,
                ProductName = card.ProductName,
                AlreadyEnrolled = card.AccountLinkedToUser,
            },
            SendCode);
    }

    /// <summary>A code was sent (or sent again): the journey waits for it.</summary>
    public static JourneyMove<EnrollmentState> CodeSent(EnrollmentState state, Guid codeId, string maskedDestination) =>
        new(state with { CodeId = codeId, CodeSentTo = maskedDestination, CodeVerified = false }, Code);

    /// <summary>The first code was sent: the journey also remembers whether there was another place it could have gone.</summary>
    public static JourneyMove<EnrollmentState> CodeSent(EnrollmentState state, Guid codeId, string maskedDestination, bool onlyDestination)
    {
        ArgumentNullException.ThrowIfNull(state);
        return CodeSent(state with { OnlyOneDestination = onlyDestination }, codeId, maskedDestination);
    }

    public static JourneyMove<EnrollmentState> CodeVerified(EnrollmentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state with { CodeVerified = true }, state.AlreadyEnrolled ? AlreadyEnrolled : Credentials);
    }

    /// <summary>User ID and password chosen: the journey keeps the user ID and only a hash of the password.</summary>
    public static JourneyMove<EnrollmentState> CredentialsChosen(EnrollmentState state, string userName, string passwordHash) =>
        new(state with { UserName = userName, PasswordHash = passwordHash }, Check);

    /// <summary>The online account exists: forget everything but what the confirmation page shows.</summary>
    public static JourneyMove<EnrollmentState> Created(EnrollmentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(new EnrollmentState { Completed = true, CardAccountId = state.CardAccountId, Last4 = state.Last4, ProductName = state.ProductName }, Done);
    }

    /// <summary>Another enrollment of the same card finished first.</summary>
    public static JourneyMove<EnrollmentState> EnrolledMeanwhile(EnrollmentState state) =>
        new(state with { AlreadyEnrolled = true, PasswordHash = null }, AlreadyEnrolled);

    /// <summary>
    /// The user ID was taken since it was checked: the check page says so. The password's hash is kept, so choosing
    /// another user ID does not mean typing the password again.
    /// </summary>
    public static EnrollmentState UserIdTaken(EnrollmentState state) => state;

    /// <summary>The credentials step was refused for its user ID only: the valid password is kept, as a hash.</summary>
    public static EnrollmentState PasswordKept(EnrollmentState state, string passwordHash) => state with { PasswordHash = passwordHash };
}

public enum EnrollmentPath
{
    CardWithCardId = 1,
    AccountWithoutCardId = 2,
}

/// <summary>What the enrollment journey knows so far. Never holds a card number or card ID.</summary>
public sealed record EnrollmentState
{
    public EnrollmentPath? Path { get; init; }

    public Guid? CardAccountId { get; init; }

    public string? Last4 { get; init; }

    public string? ProductName { get; init; }

    /// <summary>Learnt with the card check, told to the cardholder only after the one-time code.</summary>
    public bool AlreadyEnrolled { get; init; }

    public Guid? CodeId { get; init; }

    public string? CodeSentTo { get; init; }

    /// <summary>The card has a single contact on file, so the code page offers no other place to send it.</summary>
    public bool OnlyOneDestination { get; init; }

    public bool CodeVerified { get; init; }

    public string? UserName { get; init; }

    /// <summary>
    /// The chosen password's hash (ASP.NET Identity's hasher), kept until the check-answers page creates the account;
    /// the password itself is never kept, not even encrypted.
    /// </summary>
    public string? PasswordHash { get; init; }

    public bool Completed { get; init; }

    public bool CardVerified => CardAccountId is not null;

    public bool ReadyToCreate => CardVerified && CodeVerified && !AlreadyEnrolled && UserName is not null && PasswordHash is not null;
}
