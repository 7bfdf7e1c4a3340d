using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.ChangeBillingAddress;

internal sealed class ChangeBillingAddressHandler(AccountsDbContext db, TimeProvider time, IMediator mediator)
    : IRequestHandler<Contracts.ChangeBillingAddress, AccountDetailsOutcome>
{
    private const int MaxTries = 3;

    public async Task<AccountDetailsOutcome> Handle(Contracts.ChangeBillingAddress request, CancellationToken cancellationToken)
    {
        var address = request.NewAddress;
        for (var attempt = 1; ; attempt++)
        {
            var account = await db.CardAccounts
                .Where(a => a.Id == request.CardAccountId && a.Status == AccountStatus.Open)
                .Where(a => db.UserLinks.Any(l => l.CardAccountId == a.Id && l.UserId == request.UserId))
                .SingleOrDefaultAsync(cancellationToken);
            if (account is null)
            {
                return AccountDetailsOutcome.NotFound;
            }

            var last4 = await db.Cards.Where(c => c.CardAccountId == account.Id && c.Status != CardStatus.Replaced)
                .OrderByDescending(c => c.Status == CardStatus.Active).ThenByDescending(c => c.IsPrimary).ThenByDescending(c => c.IssuedAt)
                .Select(c => c.Last4)
                .FirstOrDefaultAsync(cancellationToken) ?? string.Empty;

            var now = time.GetUtcNow().UtcDateTime;
            account.BillingAddress = new PostalAddress
            {
                Line1 = address.Line1.Trim(),
                Line2 = string.IsNullOrWhiteSpace(address.Line2) ? null : address.Line2.Trim(),
                City = address.City.Trim(),
                State = address.State.Trim().ToUpperInvariant(),
                Zip = address.Zip.ToString(),
            };
            account.Version = Guid.NewGuid();

            // The contacts on file hear of it; an address change never touches them, so the alert is committed with the change.
            db.Publish(new AlertRequested(Guid.NewGuid(), now, AlertType.Security, "billing-address-changed", account.Id, null,
                new Dictionary<string, string> { ["Last4"] = last4 }));
            try
            {
                // Version is a concurrency token: a balance posted or another change saved meanwhile makes this fail, and we look again.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxTries)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.BillingAddressChanged, request.UserId, CardAccountId: account.Id,
                Detail: "billing address changed"), cancellationToken);
            return AccountDetailsOutcome.Changed;
        }
    }
}
