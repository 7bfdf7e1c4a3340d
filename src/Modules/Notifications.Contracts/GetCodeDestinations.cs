using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>Where a one-time code for this account can go, masked ("phone ending 4321", "j•••@example.com").</summary>
public sealed record GetCodeDestinations(Guid CardAccountId) : IRequest<IReadOnlyList<CodeDestination>>;
