using System.Security.Cryptography;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Dispatch;
using BillCenter.SharedKernel.Security;
using MediatR;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// 6-digit codes: cryptographically random, stored as a keyed hash, single use, valid 10 minutes, at most 5 wrong
/// entries per code (a resend does not reset them), at most 3 sends per code request, within the daily limits of
/// <see cref="OneTimeCodeLimits"/>, sent only to contact details already on file. What the send, resend and verify
/// features share: the rules, issuing a fresh code, and its hash.
/// </summary>
internal sealed class OneTimeCodes(NotificationsDbContext db, KeyedHasher hasher, CodeProtector protector, DispatchSignal signal, OneTimeCodeLimits limits, IMediator mediator)
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(10);
    public const int MaxWrongEntries = 5;
    public const int MaxSends = 3;
    public static readonly TimeSpan MinimumResendInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gives <paramref name="code"/> (new, or already sent) fresh digits (the previous ones stop working) and queues them
    /// to its destination; refused, and the card locked, past the daily limit.
    /// </summary>
    public async Task<OneTimeCodeSent> IssueAsync(OneTimeCode code, DateTime now, CancellationToken cancellationToken)
    {
        if (!await limits.TryIssueAsync(code.CardAccountId, code.Destination, cancellationToken))
        {
            return new OneTimeCodeSent(false, null, null, OneTimeCodeLimits.LockedMessage);
        }

        if (db.Entry(code).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
        {
            db.OneTimeCodes.Add(code);
        }

        var digits = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        code.CodeHash = Hash(code.Id, digits);
        code.ExpiresAt = now + Validity;
        code.SendCount++;
        code.LastSentAt = now;
        code.Version = Guid.NewGuid();

        var notification = protector.CodeNotification(
            "one-time-code", code.CardAccountId, null, new Recipient(code.Channel, code.Destination), digits, (int)Validity.TotalMinutes, now);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        signal.Queued(notification);
        var masked = Mask(code);
        await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.CodeSent, CardAccountId: code.CardAccountId,
            Detail: $"code sent by {(code.Channel == NotificationChannel.Email ? "email" : "text")} to {masked}"), cancellationToken);
        return new OneTimeCodeSent(true, code.Id, masked, null);
    }

    public string Hash(Guid codeId, string digits) => hasher.Hash("one-time-code", $"{codeId:N}:{digits}");

    public static string Mask(OneTimeCode code) => code.Channel == NotificationChannel.Email ? Masking.Email(code.Destination) : Masking.Phone(code.Destination);
}
