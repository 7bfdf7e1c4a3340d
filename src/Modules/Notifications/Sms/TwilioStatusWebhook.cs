using System.Globalization;
using System.Text.RegularExpressions;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace BillCenter.Modules.Notifications.Sms;

/// <summary>
/// POST /webhooks/twilio/status: Twilio telling us how an SMS went (MessageSid, MessageStatus, ErrorCode).
/// Only calls signed with our auth token change anything.
/// </summary>
internal static partial class TwilioStatusWebhook
{
    public const string Path = "/webhooks/twilio/status";

    /// <summary>Base64(HMAC-SHA1(auth token, URL + POST parameters sorted by name)), checked by the SDK's <see cref="RequestValidator"/>.</summary>
    public const string SignatureHeader = "X-Twilio-Signature";

    private const int MaxConcurrencyRetries = 3;

    /// <summary>A status callback is a dozen short fields: anything much larger is not Twilio.</summary>
    internal const int MaxBodyBytes = 16 * 1024;

    private static readonly FormOptions CallbackForm = new()
    {
        BufferBodyLengthLimit = MaxBodyBytes,
        MultipartBodyLengthLimit = MaxBodyBytes,
        ValueLengthLimit = 2 * 1024,
        KeyLengthLimit = 100,
        ValueCountLimit = 50,
    };

    /// <summary>Every status Twilio reports for a message (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values).</summary>
    private static readonly HashSet<string> KnownStatuses = new(StringComparer.Ordinal)
    {
        "accepted", "scheduled", "canceled", "queued", "sending", "sent", "failed", "delivered", "undelivered", "receiving", "received", "read", "partially_delivered",
    };

    internal static void MapTwilioStatusWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync)
            // Twilio signs its calls instead of signing in, and may call often: no cookie, no token, no per-IP limit.
            .AllowAnonymous()
            .DisableAntiforgery()
            .DisableRateLimiting()
            .ExcludeFromDescription();

    private static async Task HandleAsync(HttpContext http)
    {
        // Twilio reads status codes, not the app's HTML status pages.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        var services = http.RequestServices;
        var twilio = services.GetRequiredService<IOptions<TwilioOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TwilioStatusWebhook));
        var cancellationToken = http.RequestAborted;

        var form = await ReadFormAsync(http, cancellationToken);
        if (form is null)
        {
            logger.LogWarning("Twilio status callback refused: the body is not a form of the expected size");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            // The body may be left unread: end the connection with this answer rather than leave it half-read for the next request.
            http.Response.Headers.Connection = "close";
            return;
        }

        var url = string.IsNullOrWhiteSpace(twilio.StatusCallbackUrl) ? http.Request.GetEncodedUrl() : twilio.StatusCallbackUrl;
        var parameters = form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        if (!IsSignedByTwilio(twilio.AuthToken, url, parameters, http.Request.Headers[SignatureHeader]))
        {
            logger.LogWarning("Twilio status callback refused: missing or invalid signature");
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        // Signed, but checked all the same: only a message SID, a status Twilio has and a numeric error code go near the database.
        var callback = new StatusCallback(form["MessageSid"].ToString(), form["MessageStatus"].ToString().ToLowerInvariant(), form["ErrorCode"].ToString());
        if (!MessageSid().IsMatch(callback.MessageSid) || !KnownStatuses.Contains(callback.MessageStatus) || !ErrorCode().IsMatch(callback.ErrorCode))
        {
            logger.LogWarning("Twilio status callback refused: a missing or malformed MessageSid, MessageStatus or ErrorCode");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var db = services.GetRequiredService<NotificationsDbContext>();
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var found = await ApplyAsync(db, callback, now, cancellationToken);
                if (!found)
                {
                    logger.LogInformation("Twilio status {Status} for a message we do not know", callback.MessageStatus);
                }

                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }
            catch (DbUpdateException) when (attempt < MaxConcurrencyRetries)
            {
                // The dispatcher or another callback got there first (Version changed, opt-out already added): read again, re-apply.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The callback's form, read within <see cref="CallbackForm"/>'s limits; null when the body is too large or no form.</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType || http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            return await http.Request.ReadFormAsync(CallbackForm, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // Over a form limit, over the body limit (Kestrel's BadHttpRequestException is an IOException) or malformed.
            return null;
        }
    }

    [GeneratedRegex("^[A-Z]{2}[0-9a-fA-F]{32}$")]
    private static partial Regex MessageSid();

    [GeneratedRegex("^[0-9]{0,10}$")]
    private static partial Regex ErrorCode();

    /// <summary>
    /// True when <paramref name="signature"/> is Twilio's for this URL and these parameters under our auth token
    /// (the SDK's <see cref="RequestValidator"/>: constant-time, with and without the default port). Nothing is signed
    /// without an auth token or a signature.
    /// </summary>
    internal static bool IsSignedByTwilio(string authToken, string url, IDictionary<string, string> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrWhiteSpace(signature) || string.IsNullOrEmpty(url))
        {
            return false;
        }

        try
        {
            return new RequestValidator(authToken).Validate(url, parameters, signature.Trim());
        }
        catch (UriFormatException)
        {
            // Twilio:StatusCallbackUrl is no URL: nothing can have been signed for it.
            return false;
        }
    }

    private static async Task<bool> ApplyAsync(NotificationsDbContext db, StatusCallback callback, DateTime now, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications
            .Where(n => n.ProviderMessageId == callback.MessageSid && n.Channel == NotificationChannel.Sms)
            .FirstOrDefaultAsync(cancellationToken);
        if (notification is null)
        {
            return false;
        }

        switch (callback.MessageStatus)
        {
            case "delivered" when notification.Status != NotificationStatus.Delivered:
                notification.Status = NotificationStatus.Delivered;
                notification.DeliveredAt = now;
                break;
            case "undelivered" or "failed" when notification.Status != NotificationStatus.Delivered:
                notification.Status = NotificationStatus.Failed;
                notification.LastError = $"Twilio: {callback.MessageStatus} {callback.ErrorCode}".TrimEnd();
                if (callback.ErrorCode == TwilioSmsChannel.OptedOutCode.ToString(CultureInfo.InvariantCulture))
                {
                    await RecordOptOutAsync(db, notification.Destination, now, cancellationToken);
                }

                break;
        }

        // Even "sent"/"queued" tell us Twilio still has it; the new Version keeps concurrent writers honest.
        notification.UpdatedAt = now;
        notification.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task RecordOptOutAsync(NotificationsDbContext db, string destination, DateTime now, CancellationToken cancellationToken)
    {
        if (!PhoneNumbers.TryNormalize(destination, out var phoneNumber) ||
            await db.SmsOptOuts.AnyAsync(o => o.PhoneNumber == phoneNumber, cancellationToken))
        {
            return;
        }

        db.SmsOptOuts.Add(new SmsOptOut { PhoneNumber = phoneNumber, OptedOutAt = now, Reason = "Twilio 21610: the recipient replied STOP" });
    }

    private sealed record StatusCallback(string MessageSid, string MessageStatus, string ErrorCode);
}
