using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.SelfServiceChecks;
using BillCenter.SharedKernel.Cards;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.VerifyBillingAddress;

internal sealed class VerifyBillingAddressHandler(CardChecks checks) : IRequestHandler<Contracts.VerifyBillingAddress, CardVerification>
{
    public Task<CardVerification> Handle(Contracts.VerifyBillingAddress request, CancellationToken cancellationToken) =>
        checks.CheckAsync(
            request.CardNumber,
            c => c.Account.Status == AccountStatus.Open &&
                 (c.Card.Status is CardStatus.Issued or CardStatus.Active || (request.AllowCancelledCard && c.Card.Status == CardStatus.Cancelled)) &&
                 (!request.OnlyCardsWithoutCardId || c.Card.CardIdVerifier is null || (request.AllowCancelledCard && c.Card.Status == CardStatus.Cancelled)),
            c => ZipCode.TryParse(c.Account.BillingAddress.Zip, out var zip) &&
                 new BillingAddress(c.Account.BillingAddress.Line1, c.Account.BillingAddress.Line2, c.Account.BillingAddress.City, c.Account.BillingAddress.State, zip)
                     .Matches(request.Street, request.Zip),
            cancellationToken);
}
