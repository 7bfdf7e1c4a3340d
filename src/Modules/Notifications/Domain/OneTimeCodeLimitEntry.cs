namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// One code issued, or one code entry, for a card account and a destination. Recorded before it is counted, so
/// parallel requests together can never get past the daily limits of <see cref="OneTimeCodeLimits"/>.
/// </summary>
internal sealed class OneTimeCodeLimitEntry
{
    public long Id { get; set; }

    public Guid CardAccountId { get; set; }

    /// <summary>A keyed hash of the email address or phone number, never the destination itself.</summary>
    public string DestinationKey { get; set; } = string.Empty;

    public OneTimeCodeLimitKind Kind { get; set; }

    public DateTime At { get; set; }
}
