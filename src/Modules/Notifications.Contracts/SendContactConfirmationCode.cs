using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>
/// Send a 6-digit code to a NEW email address or mobile number (<paramref name="Destination"/>: trimmed email, or E.164)
/// that the signed-in owner of <paramref name="CardAccountId"/> wants on file, to prove it is theirs. The caller checks
/// the ownership; the code is bound to that exact destination (see <see cref="RedeemVerifiedCode.Destination"/>), has the
/// fixed purpose <see cref="Purpose"/>, and counts toward the same daily limits per card account and per destination as
/// every other code. Verify it with <see cref="VerifyOneTimeCode"/>, resend it with <see cref="ResendOneTimeCode"/>.
/// </summary>
public sealed record SendContactConfirmationCode(Guid CardAccountId, NotificationChannel Channel, string Destination) : IRequest<OneTimeCodeSent>
{
    /// <summary>The one purpose of these codes: a recovery or enrollment code is never valid for a contact change, nor the reverse.</summary>
    public const string Purpose = "contact-confirmation";
}
