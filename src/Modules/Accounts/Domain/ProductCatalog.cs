using BillCenter.Modules.Accounts.Contracts;

namespace BillCenter.Modules.Accounts.Domain;

internal static class ProductCatalog
{
    public static bool HasCardIds(Product product) =>
        product is not (Product.CorporatePurchasing or Product.LineOfCredit or Product.Consolidator);

    /// <summary>The purchase APR in percent; charge accounts paid in full each month (corporate purchasing) carry none.</summary>
    public static decimal PurchaseApr(Product product) => product switch
    {
        Product.CorporatePurchasing => 0m,
        Product.Platinum => 21.99m,
        Product.LineOfCredit => 17.99m,
        _ => 24.99m,
    };

    public static string DisplayName(Product product) => product switch
    {
        Product.Green => "Green Card",
        Product.Gold => "Gold Card",
        Product.Platinum => "Platinum Card",
        Product.BlueCash => "Blue Cash Card",
        Product.CorporatePurchasing => "Corporate Purchasing Account",
        Product.LineOfCredit => "Line of Credit Account",
        Product.Consolidator => "Consolidator Account",
        _ => product.ToString(),
    };
}
