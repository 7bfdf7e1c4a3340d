using BillCenter.Modules.Users.Sessions;
using MediatR;

namespace BillCenter.Modules.Users.Features.HasRecentPassword;

internal sealed class HasRecentPasswordHandler(UserSessions sessions) : IRequestHandler<Contracts.HasRecentPassword, bool>
{
    public Task<bool> Handle(Contracts.HasRecentPassword request, CancellationToken cancellationToken) =>
        UserSessions.ParseId(request.SessionId) is { } id
            ? sessions.HasRecentPasswordAsync(id, cancellationToken)
            : Task.FromResult(false);
}
