using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>The email and mobile number on file for an account, to send one-time codes and alerts to.</summary>
public sealed record GetContactOnFile(Guid CardAccountId) : IRequest<ContactOnFile?>;

/// <param name="MobileVerified">True when the mobile number was confirmed with a one-time code sent to it: only then are texts offered.</param>
public sealed record ContactOnFile(Guid CardAccountId, string HolderName, string? Email, string? MobilePhone, bool MobileVerified = false);
