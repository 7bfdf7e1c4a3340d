using BillCenter.SharedKernel.Specifications;

namespace BillCenter.SharedKernel.Tests.Specifications;

/// <summary>The evaluator over a plain LINQ-to-objects <see cref="IQueryable{T}"/> (EF's AsNoTracking leaves it alone).</summary>
public class SpecificationEvaluatorTests
{
    private readonly IQueryable<Widget> _widgets = Catalog.Widgets().AsQueryable();

    private static int[] Ids(IEnumerable<Widget> widgets) => widgets.Select(w => w.Id).ToArray();

    [Fact]
    public void Given_a_where_and_an_order_Then_only_matching_items_come_back_in_that_order()
    {
        var result = SpecificationEvaluator.Apply(_widgets, new WidgetsInCategory("Tools")).ToList();

        // LINQ to objects sorts stably, so Gamma (1) stays before Epsilon (5) at the same price.
        Assert.Equal([3, 8, 1, 5], Ids(result));
        Assert.Equal([100, 250, 300, 300], result.Select(w => w.Price).ToArray());
        Assert.All(result, w => Assert.Equal("Tools", w.Category));
    }

    [Fact]
    public void Given_several_wheres_Then_all_of_them_apply() =>
        Assert.Equal([2, 6], Ids(SpecificationEvaluator.Apply(_widgets, new InStockUnder(200))).Order().ToArray());

    [Fact]
    public void Given_OrderBy_then_OrderByDescending_then_OrderBy_Then_later_orders_break_ties_of_earlier_ones()
    {
        var result = SpecificationEvaluator.Apply(_widgets, new InStockPage(skip: 0, take: 100)).ToList();

        // Garden: Beta 300. Tools: Epsilon 300 and Gamma 300 (by name), Theta 250. Toys: Alpha 150, Zeta 50.
        Assert.Equal(["Beta", "Epsilon", "Gamma", "Theta", "Alpha", "Zeta"], result.Select(w => w.Name).ToArray());
    }

    [Fact]
    public void Given_Skip_and_Take_Then_they_page_after_ordering()
    {
        Assert.Equal(["Epsilon", "Gamma"], SpecificationEvaluator.Apply(_widgets, new InStockPage(skip: 1, take: 2)).Select(w => w.Name).ToArray());
        Assert.Equal(["Zeta"], SpecificationEvaluator.Apply(_widgets, new InStockPage(skip: 5, take: 2)).Select(w => w.Name).ToArray());
        Assert.Empty(SpecificationEvaluator.Apply(_widgets, new InStockPage(skip: 6, take: 2)));
    }

    [Fact]
    public void Given_an_empty_specification_Then_everything_comes_back_in_source_order() =>
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Ids(SpecificationEvaluator.Apply(_widgets, new AllWidgets())));

    [Fact]
    public void Given_a_projection_Then_it_applies_where_and_order_before_selecting()
    {
        Assert.Equal(["Zeta", "Alpha"], SpecificationEvaluator.Apply(_widgets, new WidgetNames("Toys")).ToArray());
        Assert.Contains(new WidgetPrice("Theta", 250), SpecificationEvaluator.Apply(_widgets, new WidgetPrices()));
    }

    [Fact]
    public void Given_a_projection_without_Select_Then_it_says_which_specification_is_incomplete()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SpecificationEvaluator.Apply(_widgets, new ProjectionWithoutSelect()));
        Assert.Contains(nameof(ProjectionWithoutSelect), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_null_arguments_Then_Apply_refuses_them()
    {
        Assert.Throws<ArgumentNullException>(() => SpecificationEvaluator.Apply(null!, new AllWidgets()));
        Assert.Throws<ArgumentNullException>(() => SpecificationEvaluator.Apply(_widgets, (Specification<Widget>)null!));
        Assert.Throws<ArgumentNullException>(() => SpecificationEvaluator.Apply(_widgets, (Specification<Widget, string>)null!));
    }

    [Fact]
    public void Given_an_entity_Then_IsSatisfiedBy_checks_every_where_and_ignores_order_and_paging()
    {
        var spec = new InStockUnder(200);

        Assert.True(spec.IsSatisfiedBy(new Widget { InStock = true, Price = 199 }));
        Assert.False(spec.IsSatisfiedBy(new Widget { InStock = true, Price = 200 }));
        Assert.False(spec.IsSatisfiedBy(new Widget { InStock = false, Price = 10 }));
        Assert.True(new InStockPage(skip: 100, take: 0).IsSatisfiedBy(new Widget { InStock = true }));
        Assert.True(new AllWidgets().IsSatisfiedBy(new Widget()));
    }

    [Fact]
    public void Given_any_widget_Then_IsSatisfiedBy_agrees_with_the_evaluated_query()
    {
        var spec = new InStockUnder(250);
        var selected = Ids(SpecificationEvaluator.Apply(_widgets, spec));

        foreach (var widget in _widgets)
        {
            Assert.Equal(spec.IsSatisfiedBy(widget), selected.Contains(widget.Id));
        }
    }
}
