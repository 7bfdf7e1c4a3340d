namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>The card products we issue. Whether a product's cards carry a 4-digit card ID decides how it enrolls.</summary>
public enum Product
{
    Green = 1,
    Gold = 2,
    Platinum = 3,
    BlueCash = 4,
    CorporatePurchasing = 5,
    LineOfCredit = 6,
    Consolidator = 7,
}
