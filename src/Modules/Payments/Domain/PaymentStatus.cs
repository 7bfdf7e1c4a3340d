namespace BillCenter.Modules.Payments.Domain;

internal enum PaymentStatus
{
    /// <summary>Waiting for its date; it can be changed or cancelled until the cut-off on that date.</summary>
    Scheduled = 1,

    /// <summary>Past its cut-off, being posted; no longer changed or cancelled.</summary>
    Processing = 2,

    Posted = 3,
    Cancelled = 4,

    /// <summary>Posted, then refused by the bank: the ledger entry is reversed.</summary>
    Returned = 5,
}
