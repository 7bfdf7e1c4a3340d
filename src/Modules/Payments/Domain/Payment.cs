using BillCenter.SharedKernel.Money;

namespace BillCenter.Modules.Payments.Domain;

/// <summary>
/// One payment from a bank account to a card account. Made once per form: <see cref="IdempotencyKey"/> is unique, so
/// a double submit finds the payment the first submit made. An AutoPay payment names the statement it pays, once.
/// </summary>
internal sealed class Payment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string UserId { get; set; } = string.Empty;

    public Guid CardAccountId { get; set; }

    public Guid BankAccountId { get; set; }

    public Money Amount { get; set; }

    /// <summary>The business day the money is taken (US Eastern).</summary>
    public DateOnly PayOn { get; set; }

    public PaymentStatus Status { get; set; } = PaymentStatus.Scheduled;

    /// <summary>What the cardholder quotes, e.g. "PMT-7K2Q-9XD4-MB3F" (<see cref="ConfirmationNumbers"/>).</summary>
    public string ConfirmationNumber { get; set; } = string.Empty;

    /// <summary>The key of the form that made it (or "autopay:&lt;statement&gt;").</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    /// <summary>For an AutoPay payment, the statement it pays (at most one payment per statement).</summary>
    public Guid? StatementId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? PostedAt { get; set; }

    public DateTime? CanceledAt { get; set; }

    public DateTime? ReturnedAt { get; set; }

    /// <summary>Concurrency token: a change, a cancel and the posting job never both win.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool FromAutoPay => StatementId is not null;
}
