using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.AccountActivity;

/// <summary>A card account the signed-in user may see, with the words that name it and its cards (for "Card ending 1234").</summary>
/// <param name="Name">"Gold Card ending 0013", or with its nickname "Gold Card (Travel) ending 0013".</param>
internal sealed record OwnedAccount(Guid CardAccountId, string Name, IReadOnlyList<OwnedCard> Cards)
{
    /// <summary>The last four digits of a card of the account; null for an account-level entry (or a card not on it).</summary>
    public string? Last4Of(Guid? cardId) => cardId is { } id ? Cards.FirstOrDefault(c => c.CardId == id)?.Last4 : null;

    /// <summary>
    /// The account when it is linked to <paramref name="userId"/>; null for anyone else's (or no such) account, which
    /// every account page answers with 404. One query: the link, the account and its cards.
    /// </summary>
    public static async Task<OwnedAccount?> FindAsync(AccountsDbContext db, string userId, Guid cardAccountId, CancellationToken cancellationToken)
    {
        var row = await db.CardAccounts.AsNoTracking()
            .Where(a => a.Id == cardAccountId && db.UserLinks.Any(l => l.CardAccountId == a.Id && l.UserId == userId))
            .Select(a => new
            {
                a.Id,
                a.Product,
                a.Nickname,
                Cards = a.Cards.OrderByDescending(c => c.IsPrimary).ThenBy(c => c.IssuedAt)
                    .Select(c => new OwnedCard(c.Id, c.Last4, c.IsPrimary, c.Status != CardStatus.Replaced)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var nickname = row.Nickname is null ? string.Empty : $" ({row.Nickname})";
        var shown = row.Cards.FirstOrDefault(c => c.InUse) ?? row.Cards.FirstOrDefault();
        var name = shown is null ? $"{ProductCatalog.DisplayName(row.Product)}{nickname}" : $"{ProductCatalog.DisplayName(row.Product)}{nickname} ending {shown.Last4}";
        return new OwnedAccount(row.Id, name, row.Cards);
    }
}

/// <param name="InUse">False for a card that a replacement took over (its past entries still name it).</param>
internal sealed record OwnedCard(Guid CardId, string Last4, bool IsPrimary, bool InUse);
