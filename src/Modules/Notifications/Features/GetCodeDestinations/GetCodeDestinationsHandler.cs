using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Features.GetCodeDestinations;

/// <summary>The email and mobile on file a code can go to, masked; a number that opted out of texts is not offered.</summary>
internal sealed class GetCodeDestinationsHandler(NotificationsDbContext db, IMediator mediator)
    : IRequestHandler<Contracts.GetCodeDestinations, IReadOnlyList<CodeDestination>>
{
    public async Task<IReadOnlyList<CodeDestination>> Handle(Contracts.GetCodeDestinations request, CancellationToken cancellationToken)
    {
        var contact = await mediator.Send(new GetContactOnFile(request.CardAccountId), cancellationToken);
        var destinations = new List<CodeDestination>();
        if (contact?.Email is { } email)
        {
            destinations.Add(new CodeDestination(NotificationChannel.Email, Masking.Email(email)));
        }

        if (contact?.MobilePhone is { } phone && !await db.SmsOptOuts.AnyAsync(o => o.PhoneNumber == phone, cancellationToken))
        {
            destinations.Add(new CodeDestination(NotificationChannel.Sms, Masking.Phone(phone)));
        }

        return destinations;
    }
}
