using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Users.Sessions;

/// <summary>
/// Keeps sign-in tickets in the <c>user_sessions</c> table; the cookie carries only a random key. Each signed-in
/// request costs one indexed lookup (and, once a minute, an UPDATE of the last-seen time): the principal is not
/// rebuilt and no new cookie is sent. A session revoked in the database stops working on its next request, on every
/// instance. The cookie handler calls the overloads that take the request, whose scoped DbContext is used.
/// </summary>
internal sealed partial class DatabaseTicketStore(TimeProvider time, ILogger<DatabaseTicketStore> logger) : ITicketStore
{
    /// <summary>The claim that names the session a request belongs to (its public id, never the key).</summary>
    public const string SessionIdClaim = Contracts.SessionClaims.SessionId;

    private const int KeyBytes = 32;

    /// <summary>The per-request lookup, compiled once: the LINQ is not translated or hashed again on every request.</summary>
    private static readonly CompiledPerModel<Func<UsersDbContext, byte[], DateTime, DateTime, CancellationToken, Task<LiveSession?>>> FindLive =
        new(() => EF.CompileAsyncQuery((UsersDbContext db, byte[] hash, DateTime now, DateTime idleSince, CancellationToken _) =>
            db.Sessions.AsNoTracking()
                .Where(s => s.KeyHash == hash && s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > idleSince)
                .Select(s => new LiveSession(s.Id, s.Ticket, s.LastSeenAt))
                .FirstOrDefault()));

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(httpContext);
        var now = Now();
        var key = Base64UrlKey();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            KeyHash = Hash(key),
            UserId = UserIdOf(ticket),
            CreatedAt = now,
            PasswordEnteredAt = now, // every session starts with the password (and, for an admin, a code too)
            LastSeenAt = now,
            ExpiresAt = ExpiryOf(ticket, now),
            UserAgent = Cut(httpContext.Request.Headers.UserAgent.ToString(), SessionLifetime.MaxUserAgentLength),
            IpAddress = Cut(httpContext.Connection.RemoteIpAddress?.ToString(), SessionLifetime.MaxIpAddressLength),
        };
        session.Ticket = Serialize(ticket, session.Id);

        var db = Db(httpContext);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
        LogStarted(session.Id);
        return key;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var now = Now();
        var idleSince = now - SessionLifetime.Idle;
        var db = Db(httpContext);
        var session = await FindLive.For(db)(db, Hash(key), now, idleSince, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (now - session.LastSeenAt >= SessionLifetime.LastSeenResolution)
        {
            // The sliding idle timeout, written at most once a minute; the cookie itself never changes.
            await db.Sessions.Where(s => s.Id == session.Id && s.LastSeenAt < now)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    /// <summary>
    /// Called only when someone signs in on a request that already has a live session (nothing else renews: the
    /// cookie does not slide). The same user re-authenticating keeps the session with the new ticket. Anyone else
    /// must never inherit a key another person's browser held: that session ends (the sign-in page and
    /// <c>SignInUser</c> sign the other user out first, so this is a second line of defence).
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(httpContext);
        var now = Now();
        var hash = Hash(key);
        var userId = UserIdOf(ticket);
        var db = Db(httpContext);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.KeyHash == hash && s.EndedAt == null, cancellationToken);
        if (session is null)
        {
            return;
        }

        if (session.UserId == userId)
        {
            session.Ticket = Serialize(ticket, session.Id);
            session.LastSeenAt = now;
        }
        else
        {
            session.EndedAt = now;
            session.EndReason = SessionEnd.SignedInAsSomeoneElse;
            LogNotHandedOver(session.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
    }

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var now = Now();
        var hash = Hash(key);
        await Db(httpContext).Sessions.Where(s => s.KeyHash == hash && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, SessionEnd.SignedOut), cancellationToken);
    }

    // The cookie handler always passes the request; these exist only because the interface declares them.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw NeedsRequest();

    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw NeedsRequest();

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw NeedsRequest();

    public Task RemoveAsync(string key) => throw NeedsRequest();

    /// <summary>The key's SHA-256: what the table stores and is searched by.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.ASCII.GetBytes(key));

    private static string Base64UrlKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static UsersDbContext Db(HttpContext httpContext) => httpContext.RequestServices.GetRequiredService<UsersDbContext>();

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now)
    {
        var absolute = now + SessionLifetime.Absolute;
        return ticket.Properties.ExpiresUtc is { } expires && expires.UtcDateTime < absolute ? expires.UtcDateTime : absolute;
    }

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("A sign-in ticket has no user id.");

    /// <summary>Serializes the ticket with the session's public id as a claim, so pages can tell "this session".</summary>
    private static byte[] Serialize(AuthenticationTicket ticket, Guid sessionId)
    {
        var identity = ticket.Principal.Identities.First();
        foreach (var old in identity.FindAll(SessionIdClaim).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(SessionIdClaim, sessionId.ToString("N")));
        return TicketSerializer.Default.Serialize(ticket);
    }

    private static string? Cut(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];

    private static InvalidOperationException NeedsRequest() =>
        new("Sessions are stored through the request's database context; call the overloads that take the HttpContext.");

    private sealed record LiveSession(Guid Id, byte[] Ticket, DateTime LastSeenAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} started")]
    private partial void LogStarted(Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} ended: another user signed in on the same browser")]
    private partial void LogNotHandedOver(Guid sessionId);
}
