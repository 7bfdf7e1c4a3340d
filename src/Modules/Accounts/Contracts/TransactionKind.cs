namespace BillCenter.Modules.Accounts.Contracts;

public enum TransactionKind
{
    Purchase = 1,
    Payment = 2,
    Credit = 3,
    Fee = 4,
    Interest = 5,
}
