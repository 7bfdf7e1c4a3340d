namespace BillCenter.SharedKernel.Security;

/// <summary>
/// A step where someone could guess their way in, each with its own rate limit (RateLimiting:&lt;Step&gt;:Attempts and
/// :Window): a page says which step its form is with <see cref="RateLimitedStepAttribute"/>.
/// </summary>
public enum SecurityStep
{
    /// <summary>Checking card details: card number + card ID, or card number + billing address.</summary>
    CardCheck,

    /// <summary>Sending a one-time code (first send or a new code).</summary>
    SendCode,

    /// <summary>Entering a one-time code.</summary>
    EnterCode,

    /// <summary>Signing in with a user ID and password (and any later sign-in step).</summary>
    SignIn,
}
