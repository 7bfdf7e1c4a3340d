using BillCenter.Modules.Audit.Contracts;

namespace BillCenter.Modules.Audit.Domain;

/// <summary>
/// One recorded security event: what happened, to whom, when, and from which address and browser. Written once,
/// never changed; deleted only by the retention purge.
/// </summary>
internal sealed class SecurityEvent
{
    public const int MaxUserIdLength = 64;
    public const int MaxUserNameLength = 256;
    public const int MaxDetailLength = 500;

    /// <summary>An IPv6 address in text, the longest form (with an embedded IPv4 address).</summary>
    public const int MaxClientAddressLength = 45;
    public const int MaxUserAgentLength = 512;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    public SecurityEventKind Kind { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public Guid? CardAccountId { get; set; }

    public string? Detail { get; set; }

    /// <summary>The client's IP address (after trusted forwarded headers), when there was a request.</summary>
    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }
}
