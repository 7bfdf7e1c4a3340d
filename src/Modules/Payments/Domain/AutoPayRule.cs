namespace BillCenter.Modules.Payments.Domain;

public enum AutoPayRule
{
    MinimumDue = 1,
    StatementBalance = 2,
    FixedAmount = 3,
}
