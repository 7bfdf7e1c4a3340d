using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Payments.Domain;

/// <summary>What AutoPay pays of a statement, given what is already paid or scheduled since it closed; null when nothing is owed.</summary>
internal static class AutoPayAmount
{
    public static Money? For(AutoPayRule rule, Money fixedAmount, Money statementBalance, Money minimumDue, Money alreadyPaid)
    {
        var remainingBalance = statementBalance - alreadyPaid;
        if (remainingBalance <= Money.Zero)
        {
            return null; // paid in full: nothing to take
        }

        var amount = rule switch
        {
            AutoPayRule.MinimumDue => minimumDue - alreadyPaid,
            AutoPayRule.StatementBalance => remainingBalance,
            AutoPayRule.FixedAmount => Money.Min(fixedAmount, remainingBalance),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown AutoPay rule."),
        };
        return amount > Money.Zero ? amount : null;
    }

    /// <summary>The day AutoPay takes the money: <paramref name="daysBefore"/> before the due date, on a business day, never before <paramref name="earliest"/>.</summary>
    public static DateOnly PayOn(DateOnly dueDate, int daysBefore, DateOnly earliest)
    {
        var day = PaymentCalendar.OnOrBefore(dueDate.AddDays(-daysBefore));
        return day < earliest ? earliest : day;
    }
}
