using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>The online user (internal id) a card account is linked to; null when it has no online account.</summary>
public sealed record FindLinkedUser(Guid CardAccountId) : IRequest<string?>;
