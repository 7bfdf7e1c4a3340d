using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.GetContactsOnFileForUser;

internal sealed class GetContactsOnFileForUserHandler(AccountsDbContext db) : IRequestHandler<Contracts.GetContactsOnFileForUser, IReadOnlyList<ContactOnFile>>
{
    public async Task<IReadOnlyList<ContactOnFile>> Handle(Contracts.GetContactsOnFileForUser request, CancellationToken cancellationToken) =>
        await db.CardAccounts.AsNoTracking()
            .Where(a => db.UserLinks.Any(l => l.UserId == request.UserId && l.CardAccountId == a.Id))
            .OrderBy(a => a.OpenedAt)
            .Select(a => new ContactOnFile(a.Id, a.HolderName, a.Email, a.MobilePhone, a.MobilePhone != null && a.MobilePhoneVerifiedAt != null))
            .ToListAsync(cancellationToken);
}
