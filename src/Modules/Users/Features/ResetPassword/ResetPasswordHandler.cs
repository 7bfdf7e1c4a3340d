using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Sessions;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Users.Features.ResetPassword;

/// <summary>
/// The new hash, a new security stamp and cleared failure counters in one conditional statement (the stamp read
/// before must still be there, so of two racing resets one matches and the other matches nothing), and the end of
/// every session in the same transaction: nothing is half-saved.
/// </summary>
internal sealed class ResetPasswordHandler(UsersDbContext db, UserManager<BillCenterUser> users, UserSessions sessions, IMediator mediator, TimeProvider time)
    : IRequestHandler<Contracts.ResetPassword, PasswordResetResult>
{
    public async Task<PasswordResetResult> Handle(Contracts.ResetPassword request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId);
        if (user is null)
        {
            return new PasswordResetResult(PasswordResetOutcome.NoSuchUser, [new FieldError(string.Empty, "There is no such online account")]);
        }

        if (request.CredentialVersion is not null && request.CredentialVersion != CredentialVersion.Of(user))
        {
            return new PasswordResetResult(PasswordResetOutcome.ChangedMeanwhile, []);
        }

        var problems = PasswordRules.Check(request.NewPassword, user.UserName);
        if (problems.Count > 0)
        {
            return new PasswordResetResult(PasswordResetOutcome.Refused, [.. problems.Select(m => new FieldError("Password", m))]);
        }

        var hash = users.PasswordHasher.HashPassword(user, request.NewPassword);
        var stampBefore = user.SecurityStamp;
        var newStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        var concurrencyStamp = Guid.NewGuid().ToString();
        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var changed = await db.Users.Where(u => u.Id == user.Id && u.SecurityStamp == stampBefore).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.PasswordHash, hash)
                .SetProperty(x => x.SecurityStamp, newStamp)
                .SetProperty(x => x.ConcurrencyStamp, concurrencyStamp)
                .SetProperty(x => x.PasswordChangedAt, now)
                .SetProperty(x => x.AccessFailedCount, 0)
                .SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null)
                // Recovery is the one way back after too many failed sign-ins (SignInLimits.MaxFailuresBeforeRecovery).
                .SetProperty(x => x.FailedSignInsSinceSuccess, 0), cancellationToken);
            if (changed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new PasswordResetResult(PasswordResetOutcome.ChangedMeanwhile, []);
            }

            // Every session of this user ends now (but the one changing it, when signed in): each is refused on its next request, on every instance.
            await sessions.EndAllAsync(user.Id, UserSessions.ParseId(request.KeepSessionId), SessionEnd.PasswordChanged, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await mediator.Publish(request.KeepSessionId is null
            ? new SecurityEventOccurred(SecurityEventKind.PasswordReset, user.Id, user.UserName, null, "password reset, every session ended")
            : new SecurityEventOccurred(SecurityEventKind.PasswordChanged, user.Id, user.UserName, null, "password changed, every other session ended"), cancellationToken);
        return new PasswordResetResult(PasswordResetOutcome.Reset, []);
    }
}
