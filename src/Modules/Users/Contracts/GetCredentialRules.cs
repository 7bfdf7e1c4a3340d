using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>What the rules for user IDs and passwords are, to show next to the fields.</summary>
public sealed record GetCredentialRules : IRequest<CredentialRules>;

public sealed record CredentialRules(string UserIdRules, string PasswordRules);
