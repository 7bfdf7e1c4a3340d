using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Payments.Domain;

/// <summary>AutoPay on one card account: what to pay of each statement, from which bank account, how many days before it is due.</summary>
internal sealed class AutoPayPlan
{
    public const int MaxDaysBefore = 10;

    public Guid CardAccountId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public Guid BankAccountId { get; set; }

    public AutoPayRule Rule { get; set; }

    /// <summary>The amount for <see cref="AutoPayRule.FixedAmount"/>; zero otherwise.</summary>
    public Money FixedAmount { get; set; }

    /// <summary>0 = on the due date; otherwise that many days before it.</summary>
    public int DaysBefore { get; set; }

    public DateTime EnrolledAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
