using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Sessions;
using MediatR;

namespace BillCenter.Modules.Users.Features.EndSessions;

internal sealed class EndSessionsHandler(UserSessions sessions) : IRequestHandler<Contracts.EndSessions, int>
{
    public Task<int> Handle(Contracts.EndSessions request, CancellationToken cancellationToken) =>
        sessions.EndAllAsync(request.UserId, UserSessions.ParseId(request.KeepSessionId), SessionEnd.SignedOutElsewhere, cancellationToken);
}
