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

    /// <summary>The processor's reference for an entry from a posting file: unique, so a file posted twice posts nothing twice.</summary>
    public string? Reference { get; set; }

    /// <summary>The merchant category code (4 digits) of a purchase, when the processor sent one.</summary>
    public string? MerchantCategory { get; set; }

    /// <summary>The statement that included it, once its cycle closed.</summary>
    public Guid? StatementId { get; set; }
}
