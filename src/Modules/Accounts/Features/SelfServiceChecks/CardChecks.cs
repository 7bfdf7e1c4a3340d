using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Accounts.Features.SelfServiceChecks;

internal sealed class CardChecks(AccountsDbContext db, KeyedHasher hasher, SelfServiceLockout lockout, ILogger<CardChecks> logger)
{
    public async Task<CardVerification> CheckAsync(
        CardNumber number, Func<CardUnderCheck, bool> isEligible, Func<CardUnderCheck, bool> secretMatches, CancellationToken cancellationToken)
    {
        var fingerprint = hasher.Fingerprint(number);
        var found = await db.Cards
            .Where(c => c.Fingerprint == fingerprint)
            .Join(db.CardAccounts, c => c.CardAccountId, a => a.Id, (c, a) => new
            {
                Card = c,
                Account = a,
                Linked = db.UserLinks.Any(l => l.CardAccountId == a.Id),
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);

        if (found is null)
        {
            await lockout.CountForUnknownCardAsync(cancellationToken);
            logger.LogInformation("Self-service check failed for an unknown card");
            return CardVerification.Failed;
        }

        var candidate = new CardUnderCheck(found.Card, found.Account, found.Linked);
        var attempt = await lockout.BeginAsync(found.Card.Id, cancellationToken);
        if (attempt is null)
        {
            logger.LogWarning("Self-service check refused: card {CardId} is locked", found.Card.Id);
            return CardVerification.Failed;
        }

        // Both conditions are always evaluated, so an ineligible card costs the same as a wrong secret.
        var matches = secretMatches(candidate);
        var eligible = isEligible(candidate);
        if (matches && eligible)
        {
            await lockout.SucceededAsync(attempt, cancellationToken);
            return new CardVerification(true, new VerifiedCard(
                found.Card.Id, found.Account.Id, found.Card.Last4, found.Card.Status, found.Account.Product,
                ProductCatalog.DisplayName(found.Account.Product), found.Linked));
        }

        var lockedNow = await lockout.FailedAsync(attempt, found.Card.Last4, found.Account.Id, cancellationToken);
        logger.LogInformation("Self-service check failed for card {CardId}{Locked}", found.Card.Id, lockedNow ? "; card now locked" : string.Empty);
        return CardVerification.Failed;
    }
}
