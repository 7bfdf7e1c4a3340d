using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// What paying needs of each card account: its name, current balance and last statement with what has been paid since
/// it closed. <see cref="GetPaymentAccounts"/> answers for the accounts linked to an online user (optionally one of them;
/// another user's account is simply absent); <see cref="GetPaymentAccountsById"/> for jobs that already know the ids.
/// </summary>
public sealed record GetPaymentAccounts(string UserId, Guid? CardAccountId = null) : IRequest<IReadOnlyList<PaymentAccount>>;

/// <inheritdoc cref="GetPaymentAccounts"/>
public sealed record GetPaymentAccountsById(IReadOnlyCollection<Guid> CardAccountIds) : IRequest<IReadOnlyList<PaymentAccount>>;

public sealed record PaymentAccount(Guid CardAccountId, string ProductName, string? Nickname, string Last4, Money CurrentBalance, PaymentStatement? LastStatement)
{
    /// <summary>"Gold Card ending 0013" (with the nickname when there is one).</summary>
    public string DisplayName => Nickname is null ? $"{ProductName} ending {Last4}" : $"{ProductName} ({Nickname}) ending {Last4}";
}

/// <summary>The last statement, and payments posted since it closed (net of returned payments).</summary>
public sealed record PaymentStatement(Guid StatementId, string Number, DateOnly PeriodEnd, Money ClosingBalance, Money MinimumDue, DateOnly DueDate, Money PaidSinceClose)
{
    public Money RemainingBalance => Money.Max(Money.Zero, ClosingBalance - PaidSinceClose);

    public Money RemainingMinimum => Money.Max(Money.Zero, MinimumDue - PaidSinceClose);
}
