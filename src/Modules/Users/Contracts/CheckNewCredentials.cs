using BillCenter.SharedKernel.Web;
using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>Check a proposed user ID and password without creating anything (multi-step forms validate early).</summary>
public sealed record CheckNewCredentials(string? UserName, string? Password) : IRequest<IReadOnlyList<FieldError>>;
