using BillCenter.SharedKernel.Messaging;
using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>
/// Queue an alert now (for flows with no state change of their own to commit it with; otherwise publish
/// <see cref="AlertRequested"/> through your module's outbox). Addresses come from the contact on file.
/// Returns the ids of the notifications created (one per channel and destination).
/// </summary>
public sealed record QueueAlert(AlertType Type, string Template, Guid? CardAccountId, string? UserId, IReadOnlyDictionary<string, string> Parameters)
    : IRequest<IReadOnlyList<Guid>>;

/// <summary>Where a one-time code for this account can go, masked ("phone ending 4321", "j•••@example.com").</summary>
public sealed record GetCodeDestinations(Guid CardAccountId) : IRequest<IReadOnlyList<CodeDestination>>;

public sealed record CodeDestination(NotificationChannel Channel, string Masked);

/// <summary>Send a new 6-digit code for <paramref name="Purpose"/> to the account's email or mobile on file.</summary>
public sealed record SendOneTimeCode(string Purpose, Guid CardAccountId, NotificationChannel Channel) : IRequest<OneTimeCodeSent>;

/// <summary>Send a fresh code for the same purpose and destination (limited; the previous code stops working).</summary>
public sealed record ResendOneTimeCode(Guid CodeId) : IRequest<OneTimeCodeSent>;

public sealed record OneTimeCodeSent(bool Sent, Guid? CodeId, string? MaskedDestination, string? Problem);

/// <summary>Check a code a cardholder typed. Single use: a valid code is consumed.</summary>
public sealed record VerifyOneTimeCode(Guid CodeId, string Purpose, string Code) : IRequest<CodeCheckResult>;

public sealed record CodeCheckResult(CodeCheck Outcome, Guid? CardAccountId)
{
    public bool IsValid => Outcome == CodeCheck.Valid;

    /// <summary>The message a cardholder sees at the field.</summary>
    public string Message => Outcome switch
    {
        CodeCheck.Valid => string.Empty,
        CodeCheck.Wrong => "The code is not correct. Check the code and try again",
        CodeCheck.Expired => "The code has expired. Ask for a new code",
        CodeCheck.TooManyAttempts => "You have entered the wrong code too many times. Ask for a new code",
        CodeCheck.AlreadyUsed => "That code has already been used. Ask for a new code",
        _ => "The code is not correct. Ask for a new code",
    };
}

public enum CodeCheck
{
    Valid = 1,
    Wrong = 2,
    Expired = 3,
    TooManyAttempts = 4,
    AlreadyUsed = 5,
    NotFound = 6,
}
