using BillCenter.Modules.Accounts.Contracts;

namespace BillCenter.Modules.Accounts.Domain;

/// <summary>The benefits that come with a product (shown on account and preferences pages).</summary>
internal sealed class ProductBenefit
{
    public int Id { get; set; }

    public Product Product { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;
}
