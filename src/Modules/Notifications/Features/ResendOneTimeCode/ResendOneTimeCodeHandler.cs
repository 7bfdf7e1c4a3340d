using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Features.ResendOneTimeCode;

/// <summary>
/// Fresh digits for a code already sent: at most <see cref="OneTimeCodes.MaxSends"/> sends, 30 seconds apart, within the
/// daily limits. A resend never resets the wrong entries: after too many, the fresh digits come as a new code.
/// </summary>
internal sealed class ResendOneTimeCodeHandler(NotificationsDbContext db, OneTimeCodes codes, TimeProvider time)
    : IRequestHandler<Contracts.ResendOneTimeCode, OneTimeCodeSent>
{
    public async Task<OneTimeCodeSent> Handle(Contracts.ResendOneTimeCode request, CancellationToken cancellationToken)
    {
        var code = await db.OneTimeCodes.SingleOrDefaultAsync(c => c.Id == request.CodeId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (code is null || code.ConsumedAt is not null)
        {
            return new OneTimeCodeSent(false, null, null, "Start again to get a new code");
        }

        if (code.SendCount >= OneTimeCodes.MaxSends)
        {
            return new OneTimeCodeSent(false, code.Id, OneTimeCodes.Mask(code), "You have asked for too many codes. Wait 10 minutes and start again");
        }

        if (now - code.LastSentAt < OneTimeCodes.MinimumResendInterval)
        {
            return new OneTimeCodeSent(false, code.Id, OneTimeCodes.Mask(code), "We sent a code less than 30 seconds ago. Wait a moment before asking for another");
        }

        if (code.FailedAttempts >= OneTimeCodes.MaxWrongEntries)
        {
            code = new OneTimeCode
            {
                Purpose = code.Purpose,
                CardAccountId = code.CardAccountId,
                Channel = code.Channel,
                Destination = code.Destination,
                CreatedAt = now,
            };
        }

        return await codes.IssueAsync(code, now, cancellationToken);
    }
}
