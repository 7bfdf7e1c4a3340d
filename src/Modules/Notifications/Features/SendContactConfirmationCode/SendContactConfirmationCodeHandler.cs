using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.SharedKernel.Contact;
using MediatR;

namespace BillCenter.Modules.Notifications.Features.SendContactConfirmationCode;

/// <summary>
/// A code to a new address the signed-in owner gave (the one exception to "codes go only to contact details on file"):
/// only for the contact-confirmation purpose, only to a well-formed email or mobile number, within the same limits.
/// </summary>
internal sealed class SendContactConfirmationCodeHandler(OneTimeCodes codes, TimeProvider time)
    : IRequestHandler<Contracts.SendContactConfirmationCode, OneTimeCodeSent>
{
    public async Task<OneTimeCodeSent> Handle(Contracts.SendContactConfirmationCode request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wellFormed = request.Channel switch
        {
            NotificationChannel.Email => Mailbox.TryParse(request.Destination, out var email, out _) && email == request.Destination,
            NotificationChannel.Sms => MobileNumber.TryParse(request.Destination, out var e164, out _) && e164 == request.Destination,
            _ => false,
        };
        if (!wellFormed)
        {
            return new OneTimeCodeSent(false, null, null, request.Channel == NotificationChannel.Email ? Mailbox.FormatMessage : MobileNumber.FormatMessage);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var code = new OneTimeCode
        {
            Purpose = Contracts.SendContactConfirmationCode.Purpose,
            CardAccountId = request.CardAccountId,
            Channel = request.Channel,
            Destination = request.Destination,
            CreatedAt = now,
        };
        return await codes.IssueAsync(code, now, cancellationToken);
    }
}
