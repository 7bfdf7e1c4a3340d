namespace BillCenter.Modules.Users.Domain;

/// <summary>How long a signed-in session lasts.</summary>
internal static class SessionLifetime
{
    /// <summary>A session ends after this long without a request.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(15);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    /// <summary>The last-seen time is written at most this often (one UPDATE a minute per active session).</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>Ended and expired sessions are kept this long for the session list and audit, then purged.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Changing a security setting asks for the password again when it was last entered longer ago than this (step-up).</summary>
    public static readonly TimeSpan RecentPassword = TimeSpan.FromMinutes(5);

    public const int MaxUserAgentLength = 512;

    public const int MaxIpAddressLength = 45;
}
