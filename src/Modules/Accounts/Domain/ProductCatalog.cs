using BillCenter.Modules.Accounts.Contracts;

namespace BillCenter.Modules.Accounts.Domain;

internal static class ProductCatalog
{
    public static bool HasCardIds(Product product) =>
        product is not (Product.CorporatePurchasing or Product.LineOfCredit or Product.Consolidator);

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
