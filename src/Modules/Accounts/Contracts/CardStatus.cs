namespace BillCenter.Modules.Accounts.Contracts;

public enum CardStatus
{
    Issued = 1,
    Active = 2,
    Cancelled = 3,
    Replaced = 4,
}
