using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Contracts;
using MediatR;

namespace BillCenter.Modules.Notifications.Features.SendOneTimeCode;

/// <summary>A new code for a purpose, to the account's email or mobile on file (never to an address the caller gives).</summary>
internal sealed class SendOneTimeCodeHandler(IMediator mediator, OneTimeCodes codes, TimeProvider time)
    : IRequestHandler<Contracts.SendOneTimeCode, OneTimeCodeSent>
{
    public async Task<OneTimeCodeSent> Handle(Contracts.SendOneTimeCode request, CancellationToken cancellationToken)
    {
        var contact = await mediator.Send(new GetContactOnFile(request.CardAccountId), cancellationToken);
        var destination = request.Channel == NotificationChannel.Email ? contact?.Email : contact?.MobilePhone;
        if (destination is null)
        {
            return new OneTimeCodeSent(false, null, null, "There is no contact of that kind on file for this card");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var code = new OneTimeCode
        {
            Purpose = request.Purpose,
            CardAccountId = request.CardAccountId,
            Channel = request.Channel,
            Destination = destination,
            CreatedAt = now,
        };
        return await codes.IssueAsync(code, now, cancellationToken);
    }
}
