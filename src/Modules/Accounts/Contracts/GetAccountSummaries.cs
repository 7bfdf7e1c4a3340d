using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>Every account linked to an online user, with its cards, last statement and latest activity.</summary>
public sealed record GetAccountSummaries(string UserId) : IRequest<IReadOnlyList<AccountSummary>>;

public sealed record AccountSummary(
    Guid CardAccountId,
    string ProductName,
    string? Nickname,
    Money Balance,
    Money CreditLimit,
    Money AvailableCredit,
    StatementSummary? LastStatement,
    IReadOnlyList<BenefitSummary> Benefits,
    IReadOnlyList<CardActivity> Cards);

public sealed record StatementSummary(DateOnly PeriodEnd, Money ClosingBalance, Money MinimumDue, DateOnly DueDate);

public sealed record BenefitSummary(string Title, string Description);

public sealed record CardActivity(
    Guid CardId,
    string Last4,
    string EmbossedName,
    CardStatus Status,
    bool IsPrimary,
    DateOnly ExpiresOn,
    IReadOnlyList<TransactionSummary> LatestTransactions);

public sealed record TransactionSummary(DateTime PostedAt, string Description, TransactionKind Kind, Money Amount);
