using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Features.AccountActivity;

/// <summary>A statement as the detail page and its PDF show it: the summary box and every entry, grouped by card.</summary>
internal sealed record StatementDetails(
    OwnedAccount Account,
    Guid StatementId,
    string Number,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Money PreviousBalance,
    Money PaymentsAndCredits,
    Money Purchases,
    Money Fees,
    Money Interest,
    Money NewBalance,
    Money MinimumDue,
    DateOnly DueDate,
    IReadOnlyList<TransactionGroup> Groups)
{
    /// <summary>The most a late payment may cost, as the late-payment warning states it.</summary>
    public static Money LateFeeCap => Money.FromDecimal(35m);

    /// <summary>"Oct 16 – Nov 15, 2026" (the year of the start too when the period spans two years).</summary>
    public string Period => StatementPeriod.Describe(PeriodStart, PeriodEnd);

    /// <summary>The late-payment warning of a US card statement, with this statement's minimum and due date.</summary>
    public string LatePaymentWarning =>
        $"If we do not receive your minimum payment of {MinimumDue} by {DueDate.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)}, " +
        $"you may have to pay a late fee of up to {LateFeeCap}.";

    public const string MinimumPaymentWarning =
        "If you make only the minimum payment each period, you will pay more in interest and it will take you longer to pay off your balance.";

    public IEnumerable<TransactionLine> Lines => Groups.SelectMany(g => g.Lines);
}

/// <summary>The entries of one card ("Card ending 1234"), or the account's own entries ("Account": payments, fees, interest).</summary>
internal sealed record TransactionGroup(string Heading, IReadOnlyList<TransactionLine> Lines)
{
    public const string AccountHeading = "Account";

    public Money Total => Lines.Aggregate(Money.Zero, (sum, line) => sum + line.Amount);
}
