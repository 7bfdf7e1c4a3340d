using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Accounts.Features.VerifyCard;

/// <summary>The card and account a check looks at. Never leaves this module except as <see cref="VerifiedCard"/>.</summary>
internal sealed record CardUnderCheck(Card Card, CardAccount Account, bool Linked);

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

internal sealed class VerifyCardIdHandler(CardChecks checks, KeyedHasher hasher) : IRequestHandler<VerifyCardId, CardVerification>
{
    public Task<CardVerification> Handle(VerifyCardId request, CancellationToken cancellationToken) =>
        checks.CheckAsync(
            request.CardNumber,
            c => c.Card.Status is CardStatus.Issued or CardStatus.Active && c.Account.Status == AccountStatus.Open,
            c => KeyedHasher.AreEqual(c.Card.CardIdVerifier, hasher.CardIdVerifier(c.Card.Fingerprint, request.CardId)),
            cancellationToken);
}

internal sealed class VerifyBillingAddressHandler(CardChecks checks) : IRequestHandler<VerifyBillingAddress, CardVerification>
{
    public Task<CardVerification> Handle(VerifyBillingAddress request, CancellationToken cancellationToken) =>
        checks.CheckAsync(
            request.CardNumber,
            c => c.Card.Status is CardStatus.Issued or CardStatus.Active || (request.AllowCancelledCard && c.Card.Status == CardStatus.Cancelled),
            c => ZipCode.TryParse(c.Account.BillingAddress.Zip, out var zip) &&
                 new BillingAddress(c.Account.BillingAddress.Line1, c.Account.BillingAddress.Line2, c.Account.BillingAddress.City, c.Account.BillingAddress.State, zip)
                     .Matches(request.Street, request.Zip),
            cancellationToken);
}
