namespace BillCenter.Modules.Payments.Domain;

internal enum AutoPayRule
{
    MinimumDue = 1,
    StatementBalance = 2,
    FixedAmount = 3,
}
