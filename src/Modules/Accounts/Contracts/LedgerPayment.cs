using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>One payment as the ledger posts it.</summary>
/// <param name="PaymentId">The paying module's id: the ledger's reference, so each payment posts once.</param>
/// <param name="Amount">What was paid, positive.</param>
/// <param name="Description">What the activity page shows, e.g. "Online payment, thank you".</param>
public sealed record LedgerPayment(Guid PaymentId, Guid CardAccountId, Money Amount, DateTime PostedAt, string Description);
