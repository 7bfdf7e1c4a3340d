using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Accounts.Domain;

/// <summary>One checked row of a posting file, waiting to be posted by the job (deleted with its upload once posted).</summary>
internal sealed class PostingUploadRow
{
    public Guid UploadId { get; set; }

    /// <summary>The line of the file (the header is line 1).</summary>
    public int LineNumber { get; set; }

    /// <summary>Keyed fingerprint of the card number: the number itself is never stored.</summary>
    public string CardFingerprint { get; set; } = string.Empty;

    public DateOnly PostedOn { get; set; }

    public string Description { get; set; } = string.Empty;

    public string? MerchantCategory { get; set; }

    public Money Amount { get; set; }

    public string Reference { get; set; } = string.Empty;

    public bool Done { get; set; }
}
