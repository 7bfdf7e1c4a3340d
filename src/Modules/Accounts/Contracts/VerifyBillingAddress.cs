using BillCenter.SharedKernel.Cards;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>Check the billing street address and ZIP on file (for products without card IDs, and cancelled cards).</summary>
public sealed record VerifyBillingAddress(CardNumber CardNumber, string Street, ZipCode Zip, bool AllowCancelledCard = false)
    : IRequest<CardVerification>;
