using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Domain;

/// <summary>A closed billing cycle.</summary>
internal sealed class Statement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CardAccountId { get; set; }

    /// <summary>What the cardholder quotes on the phone: the closing month and a short code of the account, e.g. "2611-3F9A-2C1B".</summary>
    public string Number { get; set; } = string.Empty;

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public Money PreviousBalance { get; set; }

    public Money PaymentsAndCredits { get; set; }

    /// <summary>Purchases, fees and interest of the cycle.</summary>
    public Money NewCharges { get; set; }

    public Money Purchases { get; set; }

    public Money Fees { get; set; }

    public Money Interest { get; set; }

    public Money ClosingBalance { get; set; }

    public Money MinimumDue { get; set; }

    public DateOnly DueDate { get; set; }

    public DateTime IssuedAt { get; set; }

    /// <summary>When the payment-due reminder was queued (at most once per statement); null before.</summary>
    public DateTime? ReminderQueuedAt { get; set; }

    /// <summary>Minimum payment: the whole balance when under $35, else the greater of $35 and 1% plus fees and interest.</summary>
    public static Money MinimumPaymentFor(Money closingBalance, Money feesAndInterest)
    {
        var floor = Money.FromDecimal(35m);
        if (closingBalance <= Money.Zero)
        {
            return Money.Zero;
        }

        return closingBalance <= floor
            ? closingBalance
            : Money.Min(closingBalance, Money.Max(floor, closingBalance.Percent(1m) + feesAndInterest));
    }
}
