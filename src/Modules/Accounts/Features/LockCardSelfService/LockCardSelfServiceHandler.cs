using BillCenter.Modules.Accounts.Features.SelfServiceChecks;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.LockCardSelfService;

internal sealed class LockCardSelfServiceHandler(SelfServiceLockout lockout) : IRequestHandler<Contracts.LockCardSelfService>
{
    public async Task<Unit> Handle(Contracts.LockCardSelfService request, CancellationToken cancellationToken)
    {
        await lockout.LockAsync(request.CardAccountId, request.Reason, cancellationToken);
        return Unit.Value;
    }
}
