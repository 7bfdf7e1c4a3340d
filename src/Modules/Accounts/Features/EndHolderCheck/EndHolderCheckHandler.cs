using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Features.SelfServiceChecks;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.EndHolderCheck;

internal sealed class EndHolderCheckHandler(SelfServiceLockout lockout) : IRequestHandler<Contracts.EndHolderCheck, bool>
{
    public async Task<bool> Handle(Contracts.EndHolderCheck request, CancellationToken cancellationToken) =>
        await lockout.EndAsync(request.CardAccountId, request.AttemptId, request.Result, cancellationToken);
}
