using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Features.SelfServiceChecks;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.BeginHolderCheck;

internal sealed class BeginHolderCheckHandler(SelfServiceLockout lockout) : IRequestHandler<Contracts.BeginHolderCheck, HolderCheck>
{
    public async Task<HolderCheck> Handle(Contracts.BeginHolderCheck request, CancellationToken cancellationToken)
    {
        var (attempt, mayCheck) = await lockout.BeginAsync(request.CardAccountId, cancellationToken);
        return new HolderCheck(attempt.Id, mayCheck);
    }
}
