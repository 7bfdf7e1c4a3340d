namespace BillCenter.Modules.Accounts.Domain;

/// <summary>
/// A paper statement to print and mail, written by the statement run in the same transaction as the statement for an
/// account that chose paper. Operators export the pending ones for the print vendor and mark them exported.
/// </summary>
internal sealed class PaperMail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid StatementId { get; set; }

    public Guid CardAccountId { get; set; }

    public string HolderName { get; set; } = string.Empty;

    /// <summary>The billing address when the statement closed (a later change does not redirect a printed statement).</summary>
    public PostalAddress Address { get; set; } = new();

    public DateTime CreatedAt { get; set; }

    public DateTime? ExportedAt { get; set; }
}
