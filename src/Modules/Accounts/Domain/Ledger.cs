using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Domain;

/// <summary>A posted ledger entry. Purchases, fees and interest are positive; payments and credits negative.</summary>
internal sealed class CardTransaction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CardAccountId { get; set; }

    /// <summary>The card that made it; null for account-level entries (payments, fees, interest).</summary>
    public Guid? CardId { get; set; }

    public DateTime PostedAt { get; set; }

    public string Description { get; set; } = string.Empty;

    public TransactionKind Kind { get; set; }

    public Money Amount { get; set; }

    /// <summary>The statement that included it, once its cycle closed.</summary>
    public Guid? StatementId { get; set; }
}

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

/// <summary>The benefits that come with a product (shown on account and preferences pages).</summary>
internal sealed class ProductBenefit
{
    public int Id { get; set; }

    public Product Product { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;
}

/// <summary>Which online user may see which card account.</summary>
internal sealed class AccountUserLink
{
    public Guid CardAccountId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTime LinkedAt { get; set; }
}

/// <summary>
/// One self-service check (card ID or billing address) against one card, kept for 24 hours. A row is written
/// before the check runs; a passing check removes it, so what remains counts the failures. Counting in the
/// database means every instance agrees on a card's lock.
/// </summary>
internal sealed class VerificationAttempt
{
    public long Id { get; set; }

    public Guid CardId { get; set; }

    public DateTime AttemptedAt { get; set; }

    /// <summary>False while the check runs; true once it failed (then it is recorded with any lock alert).</summary>
    public bool Failed { get; set; }
}
