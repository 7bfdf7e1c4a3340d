using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Sessions;
using MediatR;

namespace BillCenter.Modules.Users.Features.EndSessions;

internal sealed class EndSessionsHandler(UserSessions sessions, IMediator mediator) : IRequestHandler<Contracts.EndSessions, int>
{
    public async Task<int> Handle(Contracts.EndSessions request, CancellationToken cancellationToken)
    {
        var ended = await sessions.EndAllAsync(request.UserId, UserSessions.ParseId(request.KeepSessionId), SessionEnd.SignedOutElsewhere, cancellationToken);
        await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SessionsEnded, request.UserId, null, null, $"{ended} other session(s) signed out"), cancellationToken);
        return ended;
    }
}
