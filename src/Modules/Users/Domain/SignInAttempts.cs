using System.Globalization;
using System.Security.Cryptography;
using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Sessions;
using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Users.Domain;

/// <summary>
/// Checks a password or an admin's sign-in code and keeps the failure counters. A refused sign-in costs the same
/// whether the user ID is unknown, the password wrong or the account locked: one password-hash verification (against
/// a dummy hash for an unknown user ID) and the same three statements (find the user, count the failure, end the
/// sessions of an account that has just locked), which match no row when there is nothing to count. So neither the
/// time taken nor the work done tells an attacker which user IDs exist.
/// </summary>
internal sealed class SignInAttempts(UsersDbContext db, UserManager<BillCenterUser> users, UserSessions sessions, KeyedHasher hasher, TimeProvider time)
{
    /// <summary>No user has this id: the counting statements run, and change nothing.</summary>
    private const string NoOne = "";

    private static string? _dummyHash;

    public async Task<PasswordCheck> CheckPasswordAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        var passed = user?.PasswordHash is { } hash
            ? users.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed
            : VerifyDummy(password);
        if (user is null)
        {
            await RecordFailureAsync(null, cancellationToken);
            return new PasswordCheck(SignInCheck.UnknownUser, null, LockedNow: false);
        }

        if (await IsClosedAsync(user))
        {
            await RecordFailureAsync(null, cancellationToken);
            return new PasswordCheck(SignInCheck.Locked, user, LockedNow: false);
        }

        if (!passed)
        {
            return new PasswordCheck(SignInCheck.Wrong, user, await RecordFailureAsync(user, cancellationToken));
        }

        return new PasswordCheck(SignInCheck.Passed, user, LockedNow: false);
    }

    /// <summary>Locked for now (Identity's lockout) or for good until recovery (too many failures without a success).</summary>
    public async Task<bool> IsClosedAsync(BillCenterUser user) =>
        user.FailedSignInsSinceSuccess >= SignInLimits.MaxFailuresBeforeRecovery || await users.IsLockedOutAsync(user);

    /// <summary>
    /// Counts one failure for <paramref name="user"/> (none when null), in one atomic statement: the lockout counter,
    /// the lockout itself at the fifth failure in a row, and the count since the last success. When this failure locks
    /// the account, its sessions end. Answers whether it locked the account.
    /// </summary>
    public async Task<bool> RecordFailureAsync(BillCenterUser? user, CancellationToken cancellationToken)
    {
        var countFor = user?.Id ?? NoOne;
        var locking = user is not null &&
            (user.AccessFailedCount + 1 >= SignInLimits.MaxFailuresBeforeLockout || user.FailedSignInsSinceSuccess + 1 >= SignInLimits.MaxFailuresBeforeRecovery);
        DateTimeOffset? lockUntil = time.GetUtcNow() + SignInLimits.LockoutTime;
        await db.Users.Where(u => u.Id == countFor && u.LockoutEnabled).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount + 1 >= SignInLimits.MaxFailuresBeforeLockout ? 0 : x.AccessFailedCount + 1)
            .SetProperty(x => x.LockoutEnd, x => x.AccessFailedCount + 1 >= SignInLimits.MaxFailuresBeforeLockout ? lockUntil : x.LockoutEnd)
            .SetProperty(x => x.FailedSignInsSinceSuccess, x => x.FailedSignInsSinceSuccess + 1), cancellationToken);
        await sessions.EndAllAsync(locking ? user!.Id : NoOne, keep: null, SessionEnd.LockedOut, cancellationToken);
        return locking;
    }

    /// <summary>A successful sign-in clears every failure counter and any lockout.</summary>
    public async Task ResetAsync(BillCenterUser user, CancellationToken cancellationToken)
    {
        if (user.AccessFailedCount == 0 && user.FailedSignInsSinceSuccess == 0 && user.LockoutEnd is null)
        {
            return;
        }

        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.AccessFailedCount, 0)
            .SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null)
            .SetProperty(x => x.FailedSignInsSinceSuccess, 0), cancellationToken);
    }

    /// <summary>A fresh 6-digit code for the user's second factor (the previous one stops working); kept only as a keyed hash.</summary>
    public async Task<string> IssueCodeAsync(BillCenterUser user, CancellationToken cancellationToken)
    {
        var digits = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var hash = CodeHash(user.Id, digits);
        var expires = time.GetUtcNow().UtcDateTime + SignInLimits.CodeValidity;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.SignInCodeHash, hash)
            .SetProperty(x => x.SignInCodeExpiresAt, expires), cancellationToken);
        return digits;
    }

    /// <summary>True once for the right, unexpired code: the check and the use are one statement, so a code never works twice.</summary>
    public async Task<bool> UseCodeAsync(BillCenterUser user, string? code, CancellationToken cancellationToken)
    {
        var digits = new string((code ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hash = CodeHash(user.Id, digits);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Users.Where(u => u.Id == user.Id && u.SignInCodeHash == hash && u.SignInCodeExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.SignInCodeHash, (string?)null).SetProperty(x => x.SignInCodeExpiresAt, (DateTime?)null), cancellationToken) == 1;
    }

    private string CodeHash(string userId, string digits) => hasher.Hash("sign-in-code", $"{userId}:{digits}");

    /// <summary>The same hashing work as a real check, against a hash made once with Identity's hasher; always fails.</summary>
    private bool VerifyDummy(string password)
    {
        var dummyUser = new BillCenterUser();
        var dummy = _dummyHash ??= users.PasswordHasher.HashPassword(dummyUser, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _ = users.PasswordHasher.VerifyHashedPassword(dummyUser, dummy, password);
        return false;
    }
}
