namespace BillCenter.Modules.Payments.Domain;

internal enum PaymentStatus
{
    /// <summary>Waiting for its date; it can be changed or canceled until the cut-off on that date.</summary>
    Scheduled = 1,

    /// <summary>Past its cut-off, being posted; no longer changed or canceled.</summary>
    Processing = 2,

    Posted = 3,
    Canceled = 4,

    /// <summary>Posted, then refused by the bank: the ledger entry is reversed.</summary>
    Returned = 5,
}
