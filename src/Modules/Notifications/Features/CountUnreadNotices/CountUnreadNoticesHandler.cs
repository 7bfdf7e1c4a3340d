using BillCenter.Modules.Notifications.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Features.CountUnreadNotices;

/// <summary>One query on the filtered index of unread notices; asked on every signed-in page, so nothing more.</summary>
internal sealed class CountUnreadNoticesHandler(NotificationsDbContext db) : IRequestHandler<Contracts.CountUnreadNotices, int>
{
    public async Task<int> Handle(Contracts.CountUnreadNotices request, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(request.UserId)
            ? 0
            : await db.Notices.AsNoTracking().CountAsync(n => n.UserId == request.UserId && n.ReadAt == null, cancellationToken);
}
