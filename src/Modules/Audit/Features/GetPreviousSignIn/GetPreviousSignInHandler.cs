using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Audit.Data;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Audit.Features.GetPreviousSignIn;

internal sealed class GetPreviousSignInHandler(AuditDbContext db) : IRequestHandler<Contracts.GetPreviousSignIn, PreviousSignIn?>
{
    public async Task<PreviousSignIn?> Handle(Contracts.GetPreviousSignIn request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var previous = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == request.UserId && e.Kind == SecurityEventKind.SignInSucceeded)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(1)
            .Select(e => new { e.OccurredAt, e.ClientAddress, e.UserAgent })
            .FirstOrDefaultAsync(cancellationToken);
        return previous is null ? null : new PreviousSignIn(previous.OccurredAt, previous.ClientAddress, DeviceName.FromUserAgent(previous.UserAgent));
    }
}
