using System.Security.Cryptography;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Alerts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Dispatch;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.SharedKernel.Messaging;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Codes;

/// <summary>
/// 6-digit codes: cryptographically random, stored as a keyed hash, single use, valid 10 minutes, at most 5 wrong
/// entries, at most 3 sends per code request, sent only to contact details already on file.
/// </summary>
internal sealed class OneTimeCodes(NotificationsDbContext db, IMediator mediator, KeyedHasher hasher, CodeProtector protector, DispatchSignal signal, TimeProvider time)
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(10);
    public const int MaxWrongEntries = 5;
    public const int MaxSends = 3;
    public static readonly TimeSpan MinimumResendInterval = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<CodeDestination>> DestinationsAsync(Guid cardAccountId, CancellationToken cancellationToken)
    {
        var contact = await mediator.Send(new GetContactOnFile(cardAccountId), cancellationToken);
        var destinations = new List<CodeDestination>();
        if (contact?.Email is { } email)
        {
            destinations.Add(new CodeDestination(NotificationChannel.Email, Masking.Email(email)));
        }

        if (contact?.MobilePhone is { } phone && !await db.SmsOptOuts.AnyAsync(o => o.PhoneNumber == phone, cancellationToken))
        {
            destinations.Add(new CodeDestination(NotificationChannel.Sms, Masking.Phone(phone)));
        }

        return destinations;
    }

    public async Task<OneTimeCodeSent> SendAsync(string purpose, Guid cardAccountId, NotificationChannel channel, CancellationToken cancellationToken)
    {
        var contact = await mediator.Send(new GetContactOnFile(cardAccountId), cancellationToken);
        var destination = channel == NotificationChannel.Email ? contact?.Email : contact?.MobilePhone;
        if (destination is null)
        {
            return new OneTimeCodeSent(false, null, null, "There is no contact of that kind on file for this card");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var code = new OneTimeCode { Purpose = purpose, CardAccountId = cardAccountId, Channel = channel, Destination = destination, CreatedAt = now };
        db.OneTimeCodes.Add(code);
        return await IssueAsync(code, now, cancellationToken);
    }

    public async Task<OneTimeCodeSent> ResendAsync(Guid codeId, CancellationToken cancellationToken)
    {
        var code = await db.OneTimeCodes.SingleOrDefaultAsync(c => c.Id == codeId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (code is null || code.ConsumedAt is not null)
        {
            return new OneTimeCodeSent(false, null, null, "Start again to get a new code");
        }

        if (code.SendCount >= MaxSends)
        {
            return new OneTimeCodeSent(false, code.Id, Mask(code), "You have asked for too many codes. Wait 10 minutes and start again");
        }

        if (now - code.LastSentAt < MinimumResendInterval)
        {
            return new OneTimeCodeSent(false, code.Id, Mask(code), "We sent a code less than 30 seconds ago. Wait a moment before asking for another");
        }

        return await IssueAsync(code, now, cancellationToken);
    }

    public async Task<CodeCheckResult> VerifyAsync(Guid codeId, string purpose, string? entered, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = await db.OneTimeCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == codeId && c.Purpose == purpose, cancellationToken);
        if (code is null)
        {
            return new CodeCheckResult(CodeCheck.NotFound, null);
        }

        if (code.ConsumedAt is not null)
        {
            return new CodeCheckResult(CodeCheck.AlreadyUsed, null);
        }

        if (code.FailedAttempts >= MaxWrongEntries)
        {
            return new CodeCheckResult(CodeCheck.TooManyAttempts, null);
        }

        if (code.ExpiresAt <= now)
        {
            return new CodeCheckResult(CodeCheck.Expired, null);
        }

        var digits = new string((entered ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (KeyedHasher.AreEqual(code.CodeHash, Hash(code.Id, digits)))
        {
            // Conditional: of two requests racing with the right code, exactly one consumes it.
            var consumed = await db.OneTimeCodes
                .Where(c => c.Id == codeId && c.ConsumedAt == null && c.FailedAttempts < MaxWrongEntries && c.CodeHash == code.CodeHash)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now).SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
            return consumed == 1 ? new CodeCheckResult(CodeCheck.Valid, code.CardAccountId) : new CodeCheckResult(CodeCheck.AlreadyUsed, null);
        }

        // Counted in the database with a guard, so parallel wrong guesses cannot exceed the limit.
        var counted = await db.OneTimeCodes
            .Where(c => c.Id == codeId && c.FailedAttempts < MaxWrongEntries)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1).SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
        return new CodeCheckResult(counted == 1 ? CodeCheck.Wrong : CodeCheck.TooManyAttempts, null);
    }

    private async Task<OneTimeCodeSent> IssueAsync(OneTimeCode code, DateTime now, CancellationToken cancellationToken)
    {
        var digits = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        code.CodeHash = Hash(code.Id, digits);
        code.ExpiresAt = now + Validity;
        code.FailedAttempts = 0;
        code.SendCount++;
        code.LastSentAt = now;
        code.Version = Guid.NewGuid();

        var message = AlertTemplates.OneTimeCode(digits, (int)Validity.TotalMinutes);
        var notification = AlertQueue.NewNotification(AlertType.Security, "one-time-code", code.CardAccountId, null,
            new Recipient(code.Channel, code.Destination), message, null, now);
        notification.IsOneTimeCode = true;
        notification.TextBody = protector.Protect(notification.TextBody);
        notification.HtmlBody = notification.HtmlBody is null ? null : protector.Protect(notification.HtmlBody);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        signal.Queued(notification);
        return new OneTimeCodeSent(true, code.Id, Mask(code), null);
    }

    private string Hash(Guid codeId, string digits) => hasher.Hash("one-time-code", $"{codeId:N}:{digits}");

    private static string Mask(OneTimeCode code) => code.Channel == NotificationChannel.Email ? Masking.Email(code.Destination) : Masking.Phone(code.Destination);
}

internal static class Masking
{
    /// <summary>"j•••@example.com".</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "your email address" : $"{email[0]}•••{email[at..]}";
    }

    /// <summary>"phone ending 4321".</summary>
    public static string Phone(string phone) => phone.Length >= 4 ? $"phone ending {phone[^4..]}" : "your phone";
}

internal sealed class GetCodeDestinationsHandler(OneTimeCodes codes) : IRequestHandler<GetCodeDestinations, IReadOnlyList<CodeDestination>>
{
    public Task<IReadOnlyList<CodeDestination>> Handle(GetCodeDestinations request, CancellationToken cancellationToken) =>
        codes.DestinationsAsync(request.CardAccountId, cancellationToken);
}

internal sealed class SendOneTimeCodeHandler(OneTimeCodes codes) : IRequestHandler<SendOneTimeCode, OneTimeCodeSent>
{
    public Task<OneTimeCodeSent> Handle(SendOneTimeCode request, CancellationToken cancellationToken) =>
        codes.SendAsync(request.Purpose, request.CardAccountId, request.Channel, cancellationToken);
}

internal sealed class ResendOneTimeCodeHandler(OneTimeCodes codes) : IRequestHandler<ResendOneTimeCode, OneTimeCodeSent>
{
    public Task<OneTimeCodeSent> Handle(ResendOneTimeCode request, CancellationToken cancellationToken) =>
        codes.ResendAsync(request.CodeId, cancellationToken);
}

internal sealed class VerifyOneTimeCodeHandler(OneTimeCodes codes) : IRequestHandler<VerifyOneTimeCode, CodeCheckResult>
{
    public Task<CodeCheckResult> Handle(VerifyOneTimeCode request, CancellationToken cancellationToken) =>
        codes.VerifyAsync(request.CodeId, request.Purpose, request.Code, cancellationToken);
}
