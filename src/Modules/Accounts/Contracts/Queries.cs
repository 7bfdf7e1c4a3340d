using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>Find a card by its number; null when there is none. For back-office flows, never a cardholder's answer.</summary>
public sealed record FindCard(CardNumber CardNumber) : IRequest<CardSummary?>;

public sealed record CardSummary(Guid CardId, Guid CardAccountId, string Last4, CardStatus Status, Product Product, bool ProductHasCardIds);

/// <summary>The email and mobile number on file for an account, to send one-time codes and alerts to.</summary>
public sealed record GetContactOnFile(Guid CardAccountId) : IRequest<ContactOnFile?>;

public sealed record ContactOnFile(Guid CardAccountId, string HolderName, string? Email, string? MobilePhone);

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

/// <summary>The contact on file of every card account linked to an online user.</summary>
public sealed record GetContactsOnFileForUser(string UserId) : IRequest<IReadOnlyList<ContactOnFile>>;
