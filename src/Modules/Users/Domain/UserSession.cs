namespace BillCenter.Modules.Users.Domain;

/// <summary>
/// A signed-in session. The browser's cookie carries only a random key; the row holds the sign-in ticket and is
/// found by the key's SHA-256 (a copy of the table cannot be replayed as cookies). A session ends when it is revoked
/// (sign-out, a password change, "sign out everywhere"), after <see cref="SessionLifetime.Idle"/> without a request,
/// or <see cref="SessionLifetime.Absolute"/> after sign-in, whichever comes first.
/// </summary>
internal sealed class UserSession
{
    public Guid Id { get; set; }

    public byte[] KeyHash { get; set; } = [];

    public string UserId { get; set; } = string.Empty;

    /// <summary>The serialized authentication ticket (claims and properties) the key stands for.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// When this session's user last typed the password (at sign-in, or again on the confirm-password page): changes
    /// to security settings ask for it again once it is older than <see cref="SessionLifetime.RecentPassword"/>.
    /// </summary>
    public DateTime PasswordEnteredAt { get; set; }

    /// <summary>The last request, recorded at most once a minute.</summary>
    public DateTime LastSeenAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public SessionEnd? EndReason { get; set; }

    /// <summary>The browser's User-Agent at sign-in, cut to <see cref="SessionLifetime.MaxUserAgentLength"/>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The client's IP address at sign-in (after trusted forwarded headers).</summary>
    public string? IpAddress { get; set; }
}
