using BillCenter.Modules.Accounts.Contracts;

namespace BillCenter.Modules.Accounts.Domain;

/// <summary>A plastic card on an account. The number is kept only as a keyed fingerprint and its last four digits.</summary>
internal sealed class Card
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CardAccountId { get; set; }

    /// <summary>HMAC-SHA256 of the card number (hex); unique; the only way to find a card by number.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public string Last4 { get; set; } = string.Empty;

    /// <summary>Keyed hash of the card ID; null for products without card IDs.</summary>
    public string? CardIdVerifier { get; set; }

    public string EmbossedName { get; set; } = string.Empty;

    public CardStatus Status { get; set; }

    public bool IsPrimary { get; set; }

    /// <summary>Last day of the expiry month.</summary>
    public DateOnly ExpiresOn { get; set; }

    public Guid? ReplacesCardId { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime? ActivatedAt { get; set; }
}
