using BillCenter.SharedKernel.Web;
using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>Check a new password for an existing online account against the password rules (field "Password"), changing nothing.</summary>
public sealed record CheckNewPassword(string UserId, string? Password) : IRequest<IReadOnlyList<FieldError>>;
