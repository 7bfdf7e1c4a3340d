using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>The email and mobile number on file for an account, to send one-time codes and alerts to.</summary>
public sealed record GetContactOnFile(Guid CardAccountId) : IRequest<ContactOnFile?>;

/// <param name="MobilePhone">E.164, e.g. +12125550123.</param>
/// <param name="MobileVerified">The cardholder proved the mobile number is theirs with a code sent to it (only then may alerts be texted there).</param>
public sealed record ContactOnFile(Guid CardAccountId, string HolderName, string? Email, string? MobilePhone, bool MobileVerified = false);
