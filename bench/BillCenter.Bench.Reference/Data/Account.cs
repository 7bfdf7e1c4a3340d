namespace BillCenter.Bench.Reference.Data;

/// <summary>A card account of one user, with its posted transactions.</summary>
public sealed class Account
{
    public int Id { get; set; }

    public required string OwnerId { get; set; }

    public required string Name { get; set; }

    public required string LastDigits { get; set; }

    public decimal Balance { get; set; }

    public List<Transaction> Transactions { get; } = [];
}
