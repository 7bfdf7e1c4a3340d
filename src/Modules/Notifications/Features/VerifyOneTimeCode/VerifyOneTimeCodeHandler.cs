using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Features.VerifyOneTimeCode;

/// <summary>Checks a typed code against its keyed hash; a right code is consumed, a wrong one counted, both race-safe.</summary>
internal sealed class VerifyOneTimeCodeHandler(NotificationsDbContext db, OneTimeCodes codes, TimeProvider time)
    : IRequestHandler<Contracts.VerifyOneTimeCode, CodeCheckResult>
{
    public async Task<CodeCheckResult> Handle(Contracts.VerifyOneTimeCode request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var codeId = request.CodeId;
        var code = await db.OneTimeCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == codeId && c.Purpose == request.Purpose, cancellationToken);
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

        var digits = new string((request.Code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (KeyedHasher.AreEqual(code.CodeHash, codes.Hash(code.Id, digits)))
        {
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
        return new CodeCheckResult(counted == 1 ? CodeCheck.Wrong : CodeCheck.TooManyAttempts, null);
    }
}
