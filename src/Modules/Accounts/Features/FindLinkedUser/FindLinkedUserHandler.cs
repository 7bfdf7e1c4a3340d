using BillCenter.Modules.Accounts.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.FindLinkedUser;

internal sealed class FindLinkedUserHandler(AccountsDbContext db) : IRequestHandler<Contracts.FindLinkedUser, string?>
{
    public Task<string?> Handle(Contracts.FindLinkedUser request, CancellationToken cancellationToken) =>
        db.UserLinks.AsNoTracking()
            .Where(l => l.CardAccountId == request.CardAccountId)
            .Select(l => l.UserId)
            .SingleOrDefaultAsync(cancellationToken);
}
