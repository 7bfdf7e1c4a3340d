using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>A card account as paying sees it: its name, current balance and last statement.</summary>
public sealed record PaymentAccount(Guid CardAccountId, string ProductName, string? Nickname, string Last4, Money CurrentBalance, PaymentStatement? LastStatement)
{
    /// <summary>"Gold Card ending 0013" (with the nickname when there is one).</summary>
    public string DisplayName => Nickname is null ? $"{ProductName} ending {Last4}" : $"{ProductName} ({Nickname}) ending {Last4}";
}
