using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Security;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.OpenCardAccount;

internal sealed class OpenCardAccountHandler(AccountsDbContext db, KeyedHasher hasher, TimeProvider time) : IRequestHandler<Contracts.OpenCardAccount, OpenedCardAccount>
{
    public async Task<OpenedCardAccount> Handle(Contracts.OpenCardAccount request, CancellationToken cancellationToken)
    {
        var address = request.BillingAddress;
        var account = new CardAccount
        {
            Product = request.Product,
            HolderName = request.HolderName,
            CreditLimit = request.CreditLimit,
            BillingCycleDay = request.BillingCycleDay,
            BillingAddress = new PostalAddress { Line1 = address.Line1, Line2 = address.Line2, City = address.City, State = address.State, Zip = address.Zip.ToString() },
            Email = request.Email,
            MobilePhone = request.MobilePhone,
            MobilePhoneVerifiedAt = request.MobileVerified && request.MobilePhone is not null ? request.OpenedAt : null,
            OpenedAt = request.OpenedAt,
        };
        account.RunPartition = StatementCycle.PartitionOf(account.Id);
        account.NextCycleClose = StatementCycle.FirstClose(
            request.BillingCycleDay, null, DateOnly.FromDateTime(request.OpenedAt), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        foreach (var newCard in request.Cards)
        {
            var fingerprint = hasher.Fingerprint(newCard.Number);
            account.Cards.Add(new Card
            {
                CardAccountId = account.Id,
                Fingerprint = fingerprint,
                Last4 = newCard.Number.Last4,
                CardIdVerifier = newCard.CardId is null ? null : hasher.CardIdVerifier(fingerprint, newCard.CardId),
                EmbossedName = newCard.EmbossedName,
                Status = newCard.Status,
                IsPrimary = newCard.IsPrimary,
                ExpiresOn = newCard.ExpiresOn,
                IssuedAt = request.OpenedAt,
                ActivatedAt = newCard.Status == CardStatus.Active ? request.OpenedAt : null,
            });
        }

        db.CardAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return new OpenedCardAccount(account.Id, account.Cards.Select(c => c.Id).ToList());
    }
}
