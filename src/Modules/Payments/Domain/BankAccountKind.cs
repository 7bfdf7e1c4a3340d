namespace BillCenter.Modules.Payments.Domain;

public enum BankAccountKind
{
    Checking = 1,
    Savings = 2,
}
