namespace BillCenter.Modules.Payments.Domain;

internal enum BankAccountKind
{
    Checking = 1,
    Savings = 2,
}
