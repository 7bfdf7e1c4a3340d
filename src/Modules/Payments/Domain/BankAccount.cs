namespace BillCenter.Modules.Payments.Domain;

/// <summary>
/// A cardholder's bank account to pay from. The account number is kept only encrypted (<see cref="BankAccountNumbers"/>)
/// with a keyed fingerprint to refuse the same account twice; what pages show is its kind and last four digits.
/// Removing one keeps the row (payments made from it still name it) and hides it.
/// </summary>
internal sealed class BankAccount
{
    public const int MaxUserIdLength = 450;
    public const int MaxHolderNameLength = 70;
    public const int MaxNicknameLength = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string UserId { get; set; } = string.Empty;

    public BankAccountKind Kind { get; set; }

    public string HolderName { get; set; } = string.Empty;

    public string RoutingNumber { get; set; } = string.Empty;

    /// <summary>The account number, encrypted with Data Protection under its own purpose.</summary>
    public string ProtectedAccountNumber { get; set; } = string.Empty;

    /// <summary>Keyed hash of routing and account number: the same account cannot be added twice.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public string Last4 { get; set; } = string.Empty;

    public string? Nickname { get; set; }

    public DateTime AddedAt { get; set; }

    public DateTime? RemovedAt { get; set; }

    /// <summary>"Checking ending 6789", or the nickname first when there is one.</summary>
    public string DisplayName => Describe(Kind, Last4, Nickname);

    public static string Describe(BankAccountKind kind, string last4, string? nickname) =>
        nickname is null ? $"{kind} ending {last4}" : $"{nickname} ({kind} ending {last4})";
}
