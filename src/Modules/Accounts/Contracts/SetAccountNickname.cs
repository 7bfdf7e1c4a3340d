using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Set the cardholder's own name for a card account linked to <paramref name="UserId"/>, shown next to the product name on
/// the summary; null or blank clears it. Spaces are trimmed and runs of spaces become one.
/// <see cref="AccountDetailsOutcome.NotFound"/> when the account is not linked to that user: nothing changes.
/// </summary>
public sealed record SetAccountNickname(Guid CardAccountId, string UserId, string? Nickname) : IRequest<AccountDetailsOutcome>
{
    /// <summary>The longest nickname kept.</summary>
    public const int MaxLength = 30;
}
