using BillCenter.SharedKernel.Specifications;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Tests.Specifications;

internal sealed class Maker
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public List<Widget> Widgets { get; set; } = [];
}

internal sealed class Widget
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public int Price { get; set; }

    public bool InStock { get; set; }

    public int MakerId { get; set; }

    public Maker? Maker { get; set; }
}

internal static class Catalog
{
    /// <summary>Eight widgets in three categories, listed in neither name nor price order.</summary>
    public static List<Widget> Widgets() =>
    [
        new() { Id = 1, Name = "Gamma", Category = "Tools", Price = 300, InStock = true, MakerId = 1 },
        new() { Id = 2, Name = "Alpha", Category = "Toys", Price = 150, InStock = true, MakerId = 2 },
        new() { Id = 3, Name = "Delta", Category = "Tools", Price = 100, InStock = false, MakerId = 1 },
        new() { Id = 4, Name = "Beta", Category = "Garden", Price = 300, InStock = true, MakerId = 2 },
        new() { Id = 5, Name = "Epsilon", Category = "Tools", Price = 300, InStock = true, MakerId = 2 },
        new() { Id = 6, Name = "Zeta", Category = "Toys", Price = 50, InStock = true, MakerId = 1 },
        new() { Id = 7, Name = "Eta", Category = "Garden", Price = 200, InStock = false, MakerId = 1 },
        new() { Id = 8, Name = "Theta", Category = "Tools", Price = 250, InStock = true, MakerId = 2 },
    ];

    public static List<Maker> Makers() =>
    [
        new() { Id = 1, Name = "Acme" },
        new() { Id = 2, Name = "Globex" },
    ];
}

/// <summary>Widgets of one category, cheapest first.</summary>
internal sealed class WidgetsInCategory : Specification<Widget>
{
    public WidgetsInCategory(string category) => Query.Where(w => w.Category == category).OrderBy(w => w.Price);
}

/// <summary>In-stock widgets by category, then dearest first, then by name: one page of them.</summary>
internal sealed class InStockPage : Specification<Widget>
{
    public InStockPage(int skip, int take) =>
        Query.Where(w => w.InStock)
            .OrderBy(w => w.Category)
            .OrderByDescending(w => w.Price)
            .OrderBy(w => w.Name)
            .Skip(skip)
            .Take(take);
}

/// <summary>Two Where clauses, both required.</summary>
internal sealed class InStockUnder : Specification<Widget>
{
    public InStockUnder(int price) => Query.Where(w => w.InStock).Where(w => w.Price < price);
}

internal sealed class AllWidgets : Specification<Widget>
{
    public AllWidgets(bool tracking = false)
    {
        if (tracking)
        {
            Query.AsTracking();
        }
    }
}

/// <summary>Names of the widgets of one category, Z to A.</summary>
internal sealed class WidgetNames : Specification<Widget, string>
{
    public WidgetNames(string category)
    {
        Query.Where(w => w.Category == category).OrderByDescending(w => w.Name);
        Select(w => w.Name);
    }
}

internal sealed class WidgetPrices : Specification<Widget, WidgetPrice>
{
    public WidgetPrices() =>
        Select(w => new WidgetPrice(w.Name, w.Price));
}

internal sealed record WidgetPrice(string Name, int Price);

internal sealed class ProjectionWithoutSelect : Specification<Widget, string>;

internal sealed class MakersWithWidgets : Specification<Maker>
{
    public MakersWithWidgets() =>
        Query.Include(q => q.Include(m => m.Widgets)).AsSplitQuery().OrderBy(m => m.Name);
}

internal sealed class WidgetsWithMaker : Specification<Widget>
{
    public WidgetsWithMaker(string maker) =>
        Query.Include(q => q.Include(w => w.Maker)).Where(w => w.Maker!.Name == maker).OrderBy(w => w.Id);
}

internal sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    public DbSet<Maker> Makers => Set<Maker>();
}
