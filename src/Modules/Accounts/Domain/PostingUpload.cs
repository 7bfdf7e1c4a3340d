namespace BillCenter.Modules.Accounts.Domain;

internal enum PostingUploadStatus
{
    /// <summary>Every row read and checked; waiting for the posting job.</summary>
    Queued = 1,
    Posting = 2,
    Posted = 3,
}

/// <summary>A posting file an admin uploaded: its rows (card numbers already turned into fingerprints) and how far posting has got. The file itself is not kept.</summary>
internal sealed class PostingUpload
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string FileName { get; set; } = string.Empty;

    public string UploadedBy { get; set; } = string.Empty;

    public DateTime UploadedAt { get; set; }

    public int RowCount { get; set; }

    public int PostedCount { get; set; }

    /// <summary>Rows whose reference was already on the ledger (an earlier upload of the same file).</summary>
    public int SkippedCount { get; set; }

    public PostingUploadStatus Status { get; set; } = PostingUploadStatus.Queued;

    public DateTime? CompletedAt { get; set; }

    public List<PostingUploadRow> Rows { get; } = [];
}
