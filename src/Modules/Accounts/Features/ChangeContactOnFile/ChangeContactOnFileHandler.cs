using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Contact;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.ChangeContactOnFile;

internal sealed class ChangeContactOnFileHandler(AccountsDbContext db, TimeProvider time, IMediator mediator)
    : IRequestHandler<Contracts.ChangeContactOnFile, ContactChangeOutcome>
{
    public const string EmailChanged = "email-changed";
    public const string MobileChanged = "mobile-changed";
    public const string MobileRemoved = "mobile-removed";

    private const int MaxTries = 3;

    public async Task<ContactChangeOutcome> Handle(Contracts.ChangeContactOnFile request, CancellationToken cancellationToken)
    {
        if (request.Kind == ContactKind.Email && request.NewValue is null)
        {
            return ContactChangeOutcome.EmailRequired;
        }

        var alerted = false;
        for (var attempt = 1; ; attempt++)
        {
            var accounts = await db.CardAccounts
                .Where(a => db.UserLinks.Any(l => l.CardAccountId == a.Id && l.UserId == request.UserId))
                .ToListAsync(cancellationToken);
            if (accounts.Count == 0)
            {
                return ContactChangeOutcome.NotFound;
            }

            var changing = accounts.Where(a => !string.Equals(Current(a), request.NewValue, StringComparison.Ordinal)).ToList();
            if (changing.Count > 0 && !alerted)
            {
                // Queued (committed) before the change, so the recipients are the contact details on file now: the old address hears of it.
                await mediator.Send(new QueueAlert(AlertType.Security, Template(request), null, request.UserId, Parameters(request)), cancellationToken);
                alerted = true;
            }

            var now = time.GetUtcNow().UtcDateTime;
            foreach (var account in accounts)
            {
                if (request.Kind == ContactKind.Email)
                {
                    account.Email = request.NewValue;
                }
                else
                {
                    account.MobilePhoneVerifiedAt = request.NewValue is null ? null
                        : string.Equals(account.MobilePhone, request.NewValue, StringComparison.Ordinal) && account.MobilePhoneVerifiedAt is { } at ? at
                        : now;
                    account.MobilePhone = request.NewValue;
                }

                account.Version = Guid.NewGuid();
            }

            try
            {
                // Version is a concurrency token: a balance posted meanwhile makes this fail, and we look again (all accounts change, or none).
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxTries)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.ContactChanged, request.UserId, Detail: Detail(request, changing.Count > 0)), cancellationToken);
            return changing.Count > 0 ? ContactChangeOutcome.Changed : ContactChangeOutcome.Confirmed;
        }

        string? Current(Domain.CardAccount account) => request.Kind == ContactKind.Email ? account.Email : account.MobilePhone;
    }

    private static string Template(Contracts.ChangeContactOnFile request) =>
        request.Kind == ContactKind.Email ? EmailChanged : request.NewValue is null ? MobileRemoved : MobileChanged;

    private static Dictionary<string, string> Parameters(Contracts.ChangeContactOnFile request) => request.NewValue is null
        ? []
        : new Dictionary<string, string>
        {
            ["NewAddress"] = request.Kind == ContactKind.Email ? Mailbox.Mask(request.NewValue) : MobileNumber.Mask(request.NewValue),
        };

    private static string Detail(Contracts.ChangeContactOnFile request, bool changed) => (request.Kind, request.NewValue, changed) switch
    {
        (ContactKind.Email, _, _) => $"email changed to {Mailbox.Mask(request.NewValue!)}",
        (_, null, _) => "mobile number removed",
        (_, _, false) => $"mobile number confirmed: {MobileNumber.Mask(request.NewValue)}",
        _ => $"mobile number changed to {MobileNumber.Mask(request.NewValue)}",
    };
}
