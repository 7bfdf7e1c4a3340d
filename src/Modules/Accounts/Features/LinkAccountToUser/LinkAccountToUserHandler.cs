using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.LinkAccountToUser;

internal sealed class LinkAccountToUserHandler(AccountsDbContext db, TimeProvider time) : IRequestHandler<Contracts.LinkAccountToUser, LinkOutcome>
{
    public async Task<LinkOutcome> Handle(Contracts.LinkAccountToUser request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.UserId);
        if (!await db.CardAccounts.AnyAsync(a => a.Id == request.CardAccountId, cancellationToken))
        {
            return LinkOutcome.NoSuchAccount;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.UserLinks.Add(new AccountUserLink { CardAccountId = request.CardAccountId, UserId = request.UserId, LinkedAt = now });
        if (request.AnnounceForCardLast4 is { } last4)
        {
            var card = new Dictionary<string, string> { ["Last4"] = last4 };
            db.Publish(new AlertRequested(Guid.NewGuid(), now, AlertType.Welcome, "welcome", request.CardAccountId, null, card));
            db.Publish(new AlertRequested(Guid.NewGuid(), now, AlertType.Security, "online-account-created", request.CardAccountId, null, card));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return LinkOutcome.Linked;
        }
        catch (DbUpdateException)
        {
            // The primary key on the card account decides a race between two enrollments.
            db.ChangeTracker.Clear();
            var owner = await db.UserLinks.AsNoTracking()
                .Where(l => l.CardAccountId == request.CardAccountId)
                .Select(l => l.UserId)
                .SingleOrDefaultAsync(cancellationToken);
            if (owner is null)
            {
                throw;
            }

            return owner == request.UserId ? LinkOutcome.AlreadyLinkedToThisUser : LinkOutcome.LinkedToAnotherUser;
        }
    }
}
