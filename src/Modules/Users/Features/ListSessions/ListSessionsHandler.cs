using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Sessions;
using BillCenter.SharedKernel.Web;
using MediatR;

namespace BillCenter.Modules.Users.Features.ListSessions;

internal sealed class ListSessionsHandler(UserSessions sessions) : IRequestHandler<Contracts.ListSessions, IReadOnlyList<SessionSummary>>
{
    public async Task<IReadOnlyList<SessionSummary>> Handle(Contracts.ListSessions request, CancellationToken cancellationToken)
    {
        var current = UserSessions.ParseId(request.CurrentSessionId);
        var live = await sessions.LiveAsync(request.UserId, cancellationToken);
        return [.. live.Select(s => new SessionSummary(
            s.Id.ToString("N"),
            DeviceName.FromUserAgent(s.UserAgent),
            s.IpAddress,
            new DateTimeOffset(s.CreatedAt, TimeSpan.Zero),
            new DateTimeOffset(s.LastSeenAt, TimeSpan.Zero),
            s.Id == current))];
    }
}
