using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Security;
using FluentValidation;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.OpenAccount;

internal sealed class OpenCardAccountValidator : AbstractValidator<OpenCardAccount>
{
    public OpenCardAccountValidator()
    {
        RuleFor(c => c.HolderName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.BillingCycleDay).InclusiveBetween(1, 28);
        RuleFor(c => c.CreditLimit.Cents).GreaterThanOrEqualTo(0);
        RuleFor(c => c.Cards).NotEmpty();
        RuleFor(c => c.Cards).Must(cards => cards.Count(c => c.IsPrimary) == 1).WithMessage("An account has exactly one primary card.");
        RuleForEach(c => c.Cards).Must((command, card) => ProductCatalog.HasCardIds(command.Product) == (card.CardId is not null))
            .WithMessage("Cards have a card ID exactly when their product does.");
    }
}

internal sealed class OpenCardAccountHandler(AccountsDbContext db, KeyedHasher hasher) : IRequestHandler<OpenCardAccount, OpenedCardAccount>
{
    public async Task<OpenedCardAccount> Handle(OpenCardAccount request, CancellationToken cancellationToken)
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
            OpenedAt = request.OpenedAt,
        };
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
