using BillCenter.Modules.Notifications.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Features.RedeemVerifiedCode;

/// <summary>Marks a verified (consumed) code as redeemed, conditionally: of any number of callers, exactly one wins.</summary>
internal sealed class RedeemVerifiedCodeHandler(NotificationsDbContext db, TimeProvider time)
    : IRequestHandler<Contracts.RedeemVerifiedCode, bool>
{
    public async Task<bool> Handle(Contracts.RedeemVerifiedCode request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var codes = db.OneTimeCodes
            .Where(c => c.Id == request.CodeId && c.CardAccountId == request.CardAccountId && c.Purpose == request.Purpose &&
                        c.ConsumedAt != null && c.RedeemedAt == null);
        if (request.VerifiedWithin is { } within)
        {
            var verifiedSince = now - within;
            codes = codes.Where(c => c.ConsumedAt > verifiedSince);
        }

        if (request.Destination is { } destination)
        {
            codes = codes.Where(c => c.Destination == destination);
        }

        var redeemed = await codes.ExecuteUpdateAsync(s => s.SetProperty(c => c.RedeemedAt, now).SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
        return redeemed == 1;
    }
}
