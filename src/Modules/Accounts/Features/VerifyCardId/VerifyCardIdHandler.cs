using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.SelfServiceChecks;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.VerifyCardId;

internal sealed class VerifyCardIdHandler(CardChecks checks, KeyedHasher hasher) : IRequestHandler<Contracts.VerifyCardId, CardVerification>
{
    public Task<CardVerification> Handle(Contracts.VerifyCardId request, CancellationToken cancellationToken) =>
        checks.CheckAsync(
            request.CardNumber,
            c => c.Card.Status is CardStatus.Issued or CardStatus.Active && c.Account.Status == AccountStatus.Open,
            c => KeyedHasher.AreEqual(c.Card.CardIdVerifier, hasher.CardIdVerifier(c.Card.Fingerprint, request.CardId)),
            cancellationToken);
}
