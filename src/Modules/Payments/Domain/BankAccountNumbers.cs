using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.DataProtection;

namespace BillCenter.Modules.Payments.Domain;

/// <summary>
/// Bank account numbers at rest: encrypted with Data Protection under a purpose of their own (keys shared by every
/// instance), and fingerprinted with the app's keyed hash to spot the same account added twice. Never logged.
/// </summary>
internal sealed class BankAccountNumbers(IDataProtectionProvider provider, KeyedHasher hasher)
{
    private readonly IDataProtector _protector = provider.CreateProtector("BillCenter.Payments.BankAccountNumber.v1");

    public string Protect(string accountNumber) => _protector.Protect(accountNumber);

    public string Unprotect(string protectedNumber) => _protector.Unprotect(protectedNumber);

    public string Fingerprint(string routingNumber, string accountNumber) => hasher.Hash("bank-account", $"{routingNumber}:{accountNumber}");

    /// <summary>A new saved bank account from checked digits: the number encrypted and fingerprinted, only its last four kept in clear.</summary>
    public BankAccount NewAccount(string userId, BankAccountKind kind, string holderName, string routingNumber, string accountNumber, string? nickname, DateTime now) => new()
    {
        UserId = userId,
        Kind = kind,
        HolderName = string.Join(' ', holderName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        RoutingNumber = routingNumber,
        ProtectedAccountNumber = Protect(accountNumber),
        Fingerprint = Fingerprint(routingNumber, accountNumber),
        Last4 = accountNumber[^4..],
        Nickname = string.IsNullOrWhiteSpace(nickname) ? null : nickname.Trim(),
        AddedAt = now,
    };
}
