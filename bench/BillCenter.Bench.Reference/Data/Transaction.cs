namespace BillCenter.Bench.Reference.Data;

/// <summary>One posted transaction of an account.</summary>
public sealed class Transaction
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public DateTime PostedAt { get; set; }

    public required string Description { get; set; }

    public decimal Amount { get; set; }
}
