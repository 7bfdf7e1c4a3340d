namespace BillCenter.SharedKernel.Security;

/// <summary>
/// Marks a page whose form posts are one <see cref="SecurityStep"/>: each post counts against that step's limit, per
/// signed-in user or else per client address (an IPv6 address by its /64 network), and over the limit the answer is
/// 429 with a friendly page. A page with several forms marks the other handlers by name, e.g.
/// <c>[RateLimitedStep(SecurityStep.SendCode, Handler = "Resend")]</c>; the mark without a handler covers the rest.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = true)]
public sealed class RateLimitedStepAttribute(SecurityStep step) : Attribute
{
    public SecurityStep Step { get; } = step;

    /// <summary>The page handler this mark is for (e.g. "Resend" for <c>OnPostResendAsync</c>); null for the page's other posts.</summary>
    public string? Handler { get; init; }
}
