using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>The contact on file of every card account linked to an online user.</summary>
public sealed record GetContactsOnFileForUser(string UserId) : IRequest<IReadOnlyList<ContactOnFile>>;
