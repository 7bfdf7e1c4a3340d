using Ardalis.Specification;

namespace BillCenter.SharedKernel.Tests.Specifications;

/// <summary>Widgets of one category, cheapest first (ties by id, so SQL and LINQ agree).</summary>
internal sealed class WidgetsInCategory : Specification<Widget>
{
    public WidgetsInCategory(string category) => Query.Where(w => w.Category == category).OrderBy(w => w.Price).ThenBy(w => w.Id);
}

/// <summary>In-stock widgets by category, then dearest first, then by name: one page of them.</summary>
internal sealed class InStockPage : Specification<Widget>
{
    public InStockPage(int skip, int take) =>
        Query.Where(w => w.InStock)
            .OrderBy(w => w.Category)
            .ThenByDescending(w => w.Price)
            .ThenBy(w => w.Name)
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
    public AllWidgets(bool tracking)
    {
        if (tracking)
        {
            Query.AsTracking();
        }
        else
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>Names of the widgets of one category, Z to A.</summary>
internal sealed class WidgetNames : Specification<Widget, string>
{
    public WidgetNames(string category) =>
        Query.Where(w => w.Category == category).OrderByDescending(w => w.Name).Select(w => w.Name);
}

internal sealed class WidgetPrices : Specification<Widget, WidgetPrice>
{
    public WidgetPrices() => Query.Select(w => new WidgetPrice(w.Name, w.Price));
}

internal sealed record WidgetPrice(string Name, int Price);

internal sealed class ProjectionWithoutSelect : Specification<Widget, string>;

internal sealed class MakersWithWidgets : Specification<Maker>
{
    public MakersWithWidgets() => Query.Include(m => m.Widgets).AsSplitQuery().OrderBy(m => m.Name);
}

internal sealed class WidgetsWithMaker : Specification<Widget>
{
    public WidgetsWithMaker(string maker) =>
        Query.Include(w => w.Maker).ThenInclude(m => m!.Country).Where(w => w.Maker!.Name == maker).OrderBy(w => w.Id);
}

internal sealed class CountriesWithWidgets : Specification<Country>
{
    public CountriesWithWidgets() => Query.Include(c => c.Makers).ThenInclude(m => m.Widgets).OrderBy(c => c.Name);
}

internal sealed class WidgetsWithMakerByPath : Specification<Widget>
{
    public WidgetsWithMakerByPath() => Query.Include($"{nameof(Widget.Maker)}.{nameof(Maker.Country)}").OrderBy(w => w.Id);
}

internal sealed class TaggedWidgets : Specification<Widget>
{
    public TaggedWidgets() => Query.TagWith("widgets for the shop window").Where(w => w.InStock);
}

internal sealed class WidgetsNamedLike : Specification<Widget>
{
    public WidgetsNamedLike(string pattern) => Query.Search(w => w.Name, pattern);
}
