using MediatR;

namespace BillCenter.Modules.Preferences.Contracts;

/// <summary>
/// How each of the given card accounts gets its statements, in one query however many are asked (the statement run
/// asks for a whole batch). Every id asked is in the answer: an account whose cardholder never chose gets the default,
/// paperless.
/// </summary>
public sealed record GetStatementDelivery(IReadOnlyCollection<Guid> CardAccountIds) : IRequest<IReadOnlyDictionary<Guid, StatementDeliveryMethod>>;
