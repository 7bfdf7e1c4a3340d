using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.GetCredentialRules;

internal sealed class GetCredentialRulesHandler : IRequestHandler<Contracts.GetCredentialRules, CredentialRules>
{
    public Task<CredentialRules> Handle(Contracts.GetCredentialRules request, CancellationToken cancellationToken) =>
        Task.FromResult(new CredentialRules(UserIdRules.Describe, PasswordRules.Describe));
}
