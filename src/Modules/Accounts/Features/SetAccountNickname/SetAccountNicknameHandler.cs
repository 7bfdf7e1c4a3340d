using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.SetAccountNickname;

internal sealed class SetAccountNicknameHandler(AccountsDbContext db) : IRequestHandler<Contracts.SetAccountNickname, AccountDetailsOutcome>
{
    private const int MaxTries = 3;

    public async Task<AccountDetailsOutcome> Handle(Contracts.SetAccountNickname request, CancellationToken cancellationToken)
    {
        var nickname = Normalize(request.Nickname);
        for (var attempt = 1; ; attempt++)
        {
            var account = await db.CardAccounts
                .Where(a => a.Id == request.CardAccountId && a.Status == AccountStatus.Open)
                .Where(a => db.UserLinks.Any(l => l.CardAccountId == a.Id && l.UserId == request.UserId))
                .SingleOrDefaultAsync(cancellationToken);
            if (account is null)
            {
                return AccountDetailsOutcome.NotFound;
            }

            account.Nickname = nickname;
            account.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return AccountDetailsOutcome.Changed;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxTries)
            {
                // A balance posted meanwhile: look again and set the nickname on what is stored now.
                db.ChangeTracker.Clear();
            }
        }
    }

    internal static string? Normalize(string? nickname) =>
        string.IsNullOrWhiteSpace(nickname) ? null : string.Join(' ', nickname.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
