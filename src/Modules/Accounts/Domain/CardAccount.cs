using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Domain;

internal enum AccountStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>A card account: the credit line, balance and billing details shared by its cards.</summary>
internal sealed class CardAccount
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Product Product { get; set; }

    public string HolderName { get; set; } = string.Empty;

    public string? Nickname { get; set; }

    public Money CreditLimit { get; set; }

    /// <summary>What the cardholder owes now: charges positive, payments and credits negative.</summary>
    public Money Balance { get; set; }

    /// <summary>Day of the month (1–28) the billing cycle closes.</summary>
    public int BillingCycleDay { get; set; }

    /// <summary>The last day of the cycle in progress: the statement run closes the cycle once this day is over. Null until the run first sees the account.</summary>
    public DateOnly? NextCycleClose { get; set; }

    /// <summary>Which of the statement run's partitions (0–1023) the account falls in, from its id: the run hands out its work as ranges of partitions.</summary>
    public int RunPartition { get; set; }

    public PostalAddress BillingAddress { get; set; } = new();

    public string? Email { get; set; }

    /// <summary>E.164, e.g. +12125550123.</summary>
    public string? MobilePhone { get; set; }

    /// <summary>When the cardholder proved the mobile number is theirs with a code sent to it; null when never (texts are offered only after).</summary>
    public DateTime? MobilePhoneVerifiedAt { get; set; }

    public AccountStatus Status { get; set; } = AccountStatus.Open;

    public DateTime OpenedAt { get; set; }

    /// <summary>Optimistic concurrency: balance updates from two requests never silently overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Card> Cards { get; } = [];

    public List<Statement> Statements { get; } = [];

    public Money AvailableCredit => Money.Max(Money.Zero, CreditLimit - Balance);
}

/// <summary>A US postal address as stored (owned by the account).</summary>
internal sealed class PostalAddress
{
    public string Line1 { get; set; } = string.Empty;

    public string? Line2 { get; set; }

    public string City { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public string Zip { get; set; } = string.Empty;
}
