using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Features.PaymentForm;

/// <summary>A saved bank account as the pay and change pages offer it.</summary>
internal sealed record BankAccountChoice(Guid Id, string DisplayName);

internal static class OwnedBankAccounts
{
    /// <summary>The user's saved bank accounts (removed ones are not offered), oldest first.</summary>
    public static async Task<IReadOnlyList<BankAccountChoice>> ListAsync(PaymentsDbContext db, string userId, CancellationToken cancellationToken) =>
        (await db.BankAccounts.AsNoTracking()
            .Where(b => b.UserId == userId && b.RemovedAt == null)
            .OrderBy(b => b.AddedAt).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.Kind, b.Last4, b.Nickname })
            .ToListAsync(cancellationToken))
        .Select(b => new BankAccountChoice(b.Id, BankAccount.Describe(b.Kind, b.Last4, b.Nickname)))
        .ToList();

    /// <summary>Names of bank accounts by id, removed ones included (history still names them).</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(PaymentsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await db.BankAccounts.AsNoTracking()
            .Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.Kind, b.Last4, b.Nickname })
            .ToListAsync(cancellationToken))
        .ToDictionary(b => b.Id, b => BankAccount.Describe(b.Kind, b.Last4, b.Nickname));
}
