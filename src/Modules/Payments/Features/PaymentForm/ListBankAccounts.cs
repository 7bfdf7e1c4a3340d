using BillCenter.Modules.Payments.Data;
using MediatR;

namespace BillCenter.Modules.Payments.Features.PaymentForm;

/// <summary>The user's saved bank accounts, as the pay and change pages offer them.</summary>
internal sealed record ListBankAccounts(string UserId) : IRequest<IReadOnlyList<BankAccountChoice>>;

internal sealed class ListBankAccountsHandler(PaymentsDbContext db) : IRequestHandler<ListBankAccounts, IReadOnlyList<BankAccountChoice>>
{
    public Task<IReadOnlyList<BankAccountChoice>> Handle(ListBankAccounts request, CancellationToken cancellationToken) =>
        OwnedBankAccounts.ListAsync(db, request.UserId, cancellationToken);
}
