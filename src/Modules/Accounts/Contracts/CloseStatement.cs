using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>Close the billing cycle ending on <paramref name="PeriodEnd"/>: write the statement with its minimum due and due date.</summary>
public sealed record CloseStatement(Guid CardAccountId, DateOnly PeriodEnd) : IRequest<Guid>;
