namespace BillCenter.Modules.Users.Domain;

/// <summary>
/// A browser a user has signed in from. The browser keeps a random device token in a long-lived cookie; the row keeps
/// only the token's SHA-256 (a copy of the table cannot be replayed as cookies). One token per browser: each user who
/// signs in there gets a row of their own, so a browser is known to one user and new to another.
/// </summary>
internal sealed class KnownDevice
{
    /// <summary>How many browsers are remembered per user; signing in from one more forgets the least recently used.</summary>
    public const int MaxPerUser = 20;

    public const int MaxNameLength = 64;

    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public byte[] TokenHash { get; set; } = [];

    /// <summary>"Chrome on Windows", from the User-Agent at first sign-in.</summary>
    public string Name { get; set; } = string.Empty;

    public DateTime FirstSeenAt { get; set; }

    public DateTime LastSeenAt { get; set; }
}
