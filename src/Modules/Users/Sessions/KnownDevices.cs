using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Users.Sessions;

/// <summary>
/// The browsers each user has signed in from, recognized by a random device token in a long-lived cookie
/// (<c>__Host-bc.device</c>; HttpOnly, SameSite=Lax, Secure). A sign-in from a browser that is new to the user sends
/// the "new sign-in" security alert to every contact on file; a known browser only has its last-seen time updated.
/// Neither may fail a sign-in: a database or alert error is logged and the sign-in goes on.
/// </summary>
internal sealed partial class KnownDevices(UsersDbContext db, IMediator mediator, IConfiguration configuration, TimeProvider time, ILogger<KnownDevices> logger)
{
    /// <summary>The alert template a sign-in from a new browser sends.</summary>
    public const string AlertTemplate = "new-sign-in";

    private const int TokenBytes = 32;

    /// <summary>Chromium keeps a cookie at most 400 days; the cookie is written again at every sign-in.</summary>
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);

    /// <summary>
    /// After a sign-in (the password, and the code when one was asked): remembers this browser for the user, and when it
    /// was new to them, alerts every contact on file and records a <see cref="SecurityEventKind.NewDeviceSignIn"/> event.
    /// </summary>
    public async Task SignedInAsync(HttpContext http, BillCenterUser user, CancellationToken cancellationToken)
    {
        var device = await RememberAsync(http, user, cancellationToken);
        if (device is null)
        {
            return;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Device"] = device.Name,
            ["Time"] = device.FirstSeenAt.ToString("MMMM d, yyyy 'at' h:mm tt 'UTC'", CultureInfo.InvariantCulture),
        };
        try
        {
            await mediator.Send(new QueueAlert(AlertType.Security, AlertTemplate, null, user.Id, parameters), cancellationToken);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException or HttpRequestException)
        {
            LogAlertNotQueued(logger, e.GetType().Name, e);
        }

        await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.NewDeviceSignIn, user.Id, user.UserName, null, $"signed in from a new device: {device.Name}"), cancellationToken);
    }

    /// <summary>
    /// Remembers this browser for the user without an alert: the browser that just created the online account (the
    /// "online account created" alert already went out).
    /// </summary>
    public Task EnrolledAsync(HttpContext http, BillCenterUser user, CancellationToken cancellationToken) =>
        RememberAsync(http, user, cancellationToken);

    /// <summary>
    /// Gives the browser its token cookie (a new one when it has none) and records the browser for the user. Returns the
    /// new row when the browser was new to this user; null when it was known, or when it could not be recorded.
    /// </summary>
    private async Task<KnownDevice?> RememberAsync(HttpContext http, BillCenterUser user, CancellationToken cancellationToken)
    {
        var token = TokenOf(http) ?? NewToken();
        WriteCookie(http, token);
        var hash = Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        KnownDevice? added = null;
        try
        {
            // At most MaxPerUser rows: one small read finds this browser and the least recently used ones.
            var devices = await db.KnownDevices.Where(d => d.UserId == user.Id).OrderByDescending(d => d.LastSeenAt).ToListAsync(cancellationToken);
            var known = devices.Find(d => CryptographicOperations.FixedTimeEquals(d.TokenHash, hash));
            if (known is not null)
            {
                known.LastSeenAt = now;
            }
            else
            {
                added = new KnownDevice
                {
                    Id = Guid.CreateVersion7(),
                    UserId = user.Id,
                    TokenHash = hash,
                    Name = Cut(DeviceName.FromUserAgent(http.Request.Headers.UserAgent.ToString()), KnownDevice.MaxNameLength),
                    FirstSeenAt = now,
                    LastSeenAt = now,
                };
                db.KnownDevices.Add(added);
                db.KnownDevices.RemoveRange(devices.Skip(KnownDevice.MaxPerUser - 1));
            }

            await db.SaveChangesAsync(cancellationToken);
            return added;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            // E.g. two sign-ins of one user racing from one new browser: the other one recorded it (and alerts).
            LogNotRecorded(logger, e.GetType().Name, e);
            return null;
        }
        finally
        {
            foreach (var entry in db.ChangeTracker.Entries<KnownDevice>().ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>The token's SHA-256: what the table stores (the token is random, so no salt or slow hash is needed).</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    private string? TokenOf(HttpContext http) =>
        http.Request.Cookies.TryGetValue(CookieName, out var value) && IsToken(value) ? value : null;

    /// <summary>A token this app could have issued: 43 base64url characters (256 bits); anything else is replaced.</summary>
    private static bool IsToken(string? value) =>
        value is { Length: 43 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string CookieName => AppCookies.Name(configuration, "device");

    private void WriteCookie(HttpContext http, string token) =>
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = AppCookies.AlwaysSecure(configuration) || http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            Expires = time.GetUtcNow() + CookieLifetime,
        });

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A sign-in's browser could not be recorded as a known device ({Error}).")]
    private static partial void LogNotRecorded(ILogger logger, string error, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The new-sign-in security alert could not be queued ({Error}); the sign-in goes on.")]
    private static partial void LogAlertNotQueued(ILogger logger, string error, Exception exception);
}
