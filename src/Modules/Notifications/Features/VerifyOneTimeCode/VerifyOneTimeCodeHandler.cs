using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Features.VerifyOneTimeCode;

/// <summary>
/// Checks a typed code against its keyed hash, only for the card account it was sent for; a right code is consumed, a
/// wrong one counted (per code, and per card account and destination per day), both race-safe.
/// </summary>
internal sealed class VerifyOneTimeCodeHandler(NotificationsDbContext db, OneTimeCodes codes, OneTimeCodeLimits limits, IMediator mediator, TimeProvider time)
    : IRequestHandler<Contracts.VerifyOneTimeCode, CodeCheckResult>
{
    public async Task<CodeCheckResult> Handle(Contracts.VerifyOneTimeCode request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var codeId = request.CodeId;
        var code = await db.OneTimeCodes.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == codeId && c.Purpose == request.Purpose && c.CardAccountId == request.CardAccountId, cancellationToken);
        if (code is null)
        {
            return new CodeCheckResult(CodeCheck.NotFound, null);
        }

        if (code.ConsumedAt is not null)
        {
            return new CodeCheckResult(CodeCheck.AlreadyUsed, null);
        }

        if (code.FailedAttempts >= OneTimeCodes.MaxWrongEntries)
        {
            return new CodeCheckResult(CodeCheck.TooManyAttempts, null);
        }

        if (code.ExpiresAt <= now)
        {
            return new CodeCheckResult(CodeCheck.Expired, null);
        }

        var entry = await limits.BeginEntryAsync(code.CardAccountId, code.Destination, cancellationToken);
        if (entry is null)
        {
            return new CodeCheckResult(CodeCheck.LimitReached, null);
        }

        var digits = new string((request.Code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (KeyedHasher.AreEqual(code.CodeHash, codes.Hash(code.Id, digits)))
        {
            await limits.RightAsync(entry, cancellationToken);

            // Conditional: of two requests racing with the right code, exactly one consumes it.
            var consumed = await db.OneTimeCodes
                .Where(c => c.Id == codeId && c.ConsumedAt == null && c.FailedAttempts < OneTimeCodes.MaxWrongEntries && c.CodeHash == code.CodeHash)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now).SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
            return consumed == 1 ? new CodeCheckResult(CodeCheck.Valid, code.CardAccountId) : new CodeCheckResult(CodeCheck.AlreadyUsed, null);
        }

        // Counted in the database with a guard, so parallel wrong guesses cannot exceed the limit.
        var counted = await db.OneTimeCodes
            .Where(c => c.Id == codeId && c.FailedAttempts < OneTimeCodes.MaxWrongEntries)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1).SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
        var locked = await limits.WrongAsync(entry, cancellationToken);
        await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.CodeFailed, CardAccountId: code.CardAccountId, Detail: "wrong code entered"), cancellationToken);
        if (locked)
        {
            return new CodeCheckResult(CodeCheck.LimitReached, null);
        }

        return new CodeCheckResult(counted == 1 ? CodeCheck.Wrong : CodeCheck.TooManyAttempts, null);
    }
}
