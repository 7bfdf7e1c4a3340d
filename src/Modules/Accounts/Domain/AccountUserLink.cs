namespace BillCenter.Modules.Accounts.Domain;

/// <summary>Which online user may see which card account.</summary>
internal sealed class AccountUserLink
{
    public Guid CardAccountId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTime LinkedAt { get; set; }
}
