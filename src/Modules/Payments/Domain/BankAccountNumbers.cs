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
}
