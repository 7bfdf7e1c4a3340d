using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>The last statement, and payments posted since it closed (net of returned payments).</summary>
public sealed record PaymentStatement(Guid StatementId, string Number, DateOnly PeriodEnd, Money ClosingBalance, Money MinimumDue, DateOnly DueDate, Money PaidSinceClose)
{
    public Money RemainingBalance => Money.Max(Money.Zero, ClosingBalance - PaidSinceClose);

    public Money RemainingMinimum => Money.Max(Money.Zero, MinimumDue - PaidSinceClose);
}
