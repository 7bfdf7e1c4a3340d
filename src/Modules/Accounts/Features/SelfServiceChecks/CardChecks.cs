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

        // An unknown card number is counted (and locked) under a stand-in of its own: it costs what a known card costs.
        var candidate = found is null ? null : new CardUnderCheck(found.Card, found.Account, found.Linked);
        var subject = found?.Account.Id ?? SelfServiceLockout.SubjectForUnknownCard(fingerprint);
        var (attempt, mayCheck) = await lockout.BeginAsync(subject, cancellationToken);

        // Both conditions are always evaluated, so an ineligible card costs the same as a wrong secret.
        var matches = candidate is not null && secretMatches(candidate);
        var eligible = candidate is not null && isEligible(candidate);
        if (mayCheck && matches && eligible)
        {
            await lockout.SucceededAsync(attempt, cancellationToken);
            return new CardVerification(true, new VerifiedCard(
                found!.Card.Id, found.Account.Id, found.Card.Last4, found.Card.Status, found.Account.Product,
                ProductCatalog.DisplayName(found.Account.Product), found.Linked));
        }

        var alert = found is null ? null : new LockAlert(found.Account.Id, found.Card.Last4);
        var lockedNow = await lockout.FailedAsync(attempt, refused: !mayCheck, alert, cancellationToken);
        if (found is null)
        {
            logger.LogInformation("Self-service check failed for an unknown card");
        }
        else
        {
            logger.LogInformation("Self-service check {Outcome} for card {CardId}{Locked}",
                mayCheck ? "failed" : "refused (locked)", found.Card.Id, lockedNow ? "; card account now locked" : string.Empty);
        }

        return CardVerification.Failed;
    }
}
