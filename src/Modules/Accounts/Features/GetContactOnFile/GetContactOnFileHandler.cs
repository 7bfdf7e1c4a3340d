using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.GetContactOnFile;

internal sealed class GetContactOnFileHandler(AccountsDbContext db) : IRequestHandler<Contracts.GetContactOnFile, ContactOnFile?>
{
    public Task<ContactOnFile?> Handle(Contracts.GetContactOnFile request, CancellationToken cancellationToken) =>
        db.CardAccounts.AsNoTracking()
            .Where(a => a.Id == request.CardAccountId)
            .Select(a => new ContactOnFile(a.Id, a.HolderName, a.Email, a.MobilePhone, a.MobilePhone != null && a.MobilePhoneVerifiedAt != null))
            .SingleOrDefaultAsync(cancellationToken);
}
