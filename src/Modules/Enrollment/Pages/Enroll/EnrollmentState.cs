namespace BillCenter.Modules.Enrollment.Pages.Enroll;

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

    public bool CodeVerified { get; init; }

    public string? UserName { get; init; }

    /// <summary>Kept (encrypted, in the journey's cookie only) until the check-answers page creates the account.</summary>
    public string? Password { get; init; }

    public bool Completed { get; init; }

    public bool CardVerified => CardAccountId is not null;

    public bool ReadyToCreate => CardVerified && CodeVerified && !AlreadyEnrolled && UserName is not null && Password is not null;
}
