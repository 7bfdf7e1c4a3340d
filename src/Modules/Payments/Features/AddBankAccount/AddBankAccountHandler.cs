using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Features.AddBankAccount;

/// <summary>Adds a bank account: encrypted number, keyed fingerprint, last four digits; the same account twice is the one saved.</summary>
internal sealed class AddBankAccountHandler(PaymentsDbContext db, BankAccountNumbers numbers, TimeProvider time) : IRequestHandler<Contracts.AddBankAccount, Guid>
{
    public async Task<Guid> Handle(Contracts.AddBankAccount request, CancellationToken cancellationToken)
    {
        if (!RoutingNumber.HasValidChecksum(request.RoutingNumber) || request.AccountNumber is not { Length: >= 4 and <= 17 } || !request.AccountNumber.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A bank account needs a valid routing number and a 4 to 17 digit account number.", nameof(request));
        }

        var fingerprint = numbers.Fingerprint(request.RoutingNumber, request.AccountNumber);
        if (await db.BankAccounts.Where(b => b.UserId == request.UserId && b.Fingerprint == fingerprint && b.RemovedAt == null).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken) is { } saved)
        {
            return saved;
        }

        var account = numbers.NewAccount(request.UserId, request.IsSavings ? BankAccountKind.Savings : BankAccountKind.Checking, request.HolderName, request.RoutingNumber, request.AccountNumber, request.Nickname, time.GetUtcNow().UtcDateTime);
        db.BankAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account.Id;
    }
}
