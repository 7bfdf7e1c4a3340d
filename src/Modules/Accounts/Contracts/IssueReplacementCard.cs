using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>Issue a new card (status Issued) on an existing account, replacing <paramref name="ReplacesCardId"/> once it is activated.</summary>
public sealed record IssueReplacementCard(Guid CardAccountId, Guid ReplacesCardId, NewCard Card) : IRequest<Guid>;
