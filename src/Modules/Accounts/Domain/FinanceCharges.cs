using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Domain;

/// <summary>
/// The fees and interest a closing cycle adds, from how the previous statement was paid:
/// interest when its balance was not paid in full by its due date — the unpaid part, at the daily periodic rate
/// (APR / 365), for each day of the cycle; a late fee when not even its minimum was paid by then ($35, never more than
/// that minimum). A cycle after a statement paid in full (or with no statement before it) has neither.
/// </summary>
internal static class FinanceCharges
{
    public static Money LateFeeCap { get; } = Money.FromDecimal(35m);

    /// <param name="previous">The previous statement, or null for the first.</param>
    /// <param name="paidByDueDate">Payments and credits posted up to the previous due date, as a positive amount.</param>
    public static Money Interest(Statement? previous, Money paidByDueDate, decimal apr, int daysInCycle)
    {
        if (previous is null || apr <= 0 || previous.ClosingBalance <= Money.Zero || paidByDueDate >= previous.ClosingBalance)
        {
            return Money.Zero;
        }

        var unpaid = previous.ClosingBalance - paidByDueDate;
        var interest = unpaid.Cents * (apr / 100m) / 365m * daysInCycle;
        return Money.FromCents((long)Math.Round(interest, MidpointRounding.AwayFromZero));
    }

    public static Money LateFee(Statement? previous, Money paidByDueDate)
    {
        if (previous is null || previous.MinimumDue <= Money.Zero || paidByDueDate >= previous.MinimumDue)
        {
            return Money.Zero;
        }

        return Money.Min(LateFeeCap, previous.MinimumDue);
    }
}
