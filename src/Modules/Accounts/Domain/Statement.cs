using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Domain;

/// <summary>A closed billing cycle.</summary>
internal sealed class Statement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CardAccountId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public Money PreviousBalance { get; set; }

    public Money PaymentsAndCredits { get; set; }

    public Money NewCharges { get; set; }

    public Money ClosingBalance { get; set; }

    public Money MinimumDue { get; set; }

    public DateOnly DueDate { get; set; }

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
