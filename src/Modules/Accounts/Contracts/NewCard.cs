using BillCenter.SharedKernel.Cards;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>A card to issue. <paramref name="CardId"/> is required exactly when the product has card IDs.</summary>
public sealed record NewCard(CardNumber Number, CardId? CardId, string EmbossedName, CardStatus Status, bool IsPrimary, DateOnly ExpiresOn);
