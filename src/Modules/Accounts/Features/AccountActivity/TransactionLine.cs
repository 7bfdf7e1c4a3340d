using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Features.AccountActivity;

/// <summary>
/// One ledger entry as the statement and activity pages, their CSV files and the statement PDF show it.
/// <paramref name="CardId"/> is null for an account-level entry (fees, interest, some payments).
/// </summary>
internal sealed record TransactionLine(
    Guid Id, DateTime PostedAt, Guid? CardId, string Description, TransactionKind Kind, Money Amount, string? MerchantCategory, string? Reference)
{
    /// <summary>A payment reads as received, whatever the ledger's own wording.</summary>
    public string ShownDescription => Kind == TransactionKind.Payment ? "Payment received" : Description;
}
