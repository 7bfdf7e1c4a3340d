using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.StatementRun;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.PostPayments;

/// <summary>
/// Payments and their returns, posted in bulk: one read of what was posted before (by reference), one read of the
/// accounts, one SaveChanges of the entries, balances and events. The reference ("pay-" or "ret-" and the payment id)
/// is unique in the ledger, and each account carries a concurrency token: two callers posting the same payments at once
/// cannot both win; the loser reads again, finds them posted and posts nothing.
/// </summary>
internal static class LedgerPayments
{
    private const int MaxAttempts = 5;

    public static string PaymentReference(Guid paymentId) => $"pay-{paymentId:N}";

    public static string ReturnReference(Guid paymentId) => $"ret-{paymentId:N}";

    /// <summary>Posts <paramref name="payments"/> (<paramref name="sign"/> -1 lowers the balance, +1 raises it back) under the references <paramref name="referenceOf"/> gives, each once.</summary>
    public static async Task<Unit> PostAsync(
        AccountsDbContext db, TimeProvider time, IReadOnlyList<LedgerPayment> payments, Func<Guid, string> referenceOf, int sign, CancellationToken cancellationToken)
    {
        if (payments.Count == 0)
        {
            return Unit.Value;
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await PostOnceAsync(db, time, payments, referenceOf, sign, cancellationToken);
                return Unit.Value;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone posted some of these (or moved a balance) since we read: read again; what they posted is skipped.
            }
        }
    }

    private static async Task PostOnceAsync(AccountsDbContext db, TimeProvider time, IReadOnlyList<LedgerPayment> payments, Func<Guid, string> referenceOf, int sign, CancellationToken cancellationToken)
    {
        var references = payments.Select(p => referenceOf(p.PaymentId)).ToList();
        var posted = (await db.Transactions.AsNoTracking().Where(t => t.Reference != null && references.Contains(t.Reference))
            .Select(t => t.Reference!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var toPost = payments.Where(p => !posted.Contains(referenceOf(p.PaymentId))).DistinctBy(p => p.PaymentId).ToList();
        if (toPost.Count == 0)
        {
            return;
        }

        var accountIds = toPost.Select(p => p.CardAccountId).Distinct().ToList();
        var accounts = await db.CardAccounts.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var names = await AccountNames.Last4ByAccountAsync(db, accountIds, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var payment in toPost)
        {
            var account = accounts[payment.CardAccountId];
            var amount = sign < 0 ? -payment.Amount : payment.Amount;
            var entry = new CardTransaction
            {
                CardAccountId = account.Id,
                PostedAt = payment.PostedAt,
                Description = payment.Description,
                Kind = TransactionKind.Payment,
                Amount = amount,
                Reference = referenceOf(payment.PaymentId),
            };
            db.Transactions.Add(entry);
            var before = account.Balance;
            account.Balance += amount;
            account.Version = Guid.NewGuid();
            db.Publish(new CardTransactionPosted(Guid.NewGuid(), now, account.Id, entry.Id, TransactionKind.Payment,
                payment.Description, amount.Cents, before.Cents, account.Balance.Cents, names.GetValueOrDefault(account.Id) ?? string.Empty));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
