using MediatR;

namespace BillCenter.Modules.Payments.Contracts;

/// <summary>
/// Save a bank account for an online user, as the back office (or the demo data) would: the account number is stored
/// encrypted, never logged. Returns its id; the same account already saved for that user returns the saved one's id.
/// The cardholder's own "add a bank account" page also sends a security alert; this does not.
/// </summary>
public sealed record AddBankAccount(string UserId, bool IsSavings, string HolderName, string RoutingNumber, string AccountNumber, string? Nickname = null)
    : IRequest<Guid>;
