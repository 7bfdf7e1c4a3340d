using Ardalis.Specification;
using BillCenter.SharedKernel.Specifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Tests.Specifications;

/// <summary>
/// Ardalis specifications through the SharedKernel's EF evaluator against a real SQLite database. Each test also
/// reads the SQL that was sent, to show that filters, ordering and paging run in the database, not in memory.
/// </summary>
public sealed class EfSpecificationEvaluatorTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly SqlLog _sql = new();
    private ShopContext _db = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string OnlySql => Assert.Single(_sql.Commands);

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync(Token);
        _db = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseSqlite(_connection).AddInterceptors(_sql).Options);
        await _db.Database.EnsureCreatedAsync(Token);
        _db.Countries.AddRange(Catalog.Countries());
        _db.Makers.AddRange(Catalog.Makers());
        _db.Widgets.AddRange(Catalog.Widgets());
        await _db.SaveChangesAsync(Token);
        _db.ChangeTracker.Clear();
        _sql.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static int[] Ids(IEnumerable<Widget> widgets) => widgets.Select(w => w.Id).ToArray();

    [Fact]
    public async Task Given_a_where_and_an_order_Then_the_database_returns_only_matching_rows_in_that_order()
    {
        var result = await _db.Widgets.WithSpecification(new WidgetsInCategory("Tools")).ToListAsync(Token);

        Assert.Equal([3, 8, 1, 5], Ids(result));
        Assert.Equal([100, 250, 300, 300], result.Select(w => w.Price).ToArray());
        Assert.Matches("""WHERE "w"\."Category" = @\w+""", OnlySql);
        Assert.Contains("""ORDER BY "w"."Price", "w"."Id""", OnlySql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_several_wheres_Then_the_database_applies_all_of_them()
    {
        var result = await _db.Widgets.WithSpecification(new InStockUnder(200)).ToListAsync(Token);

        Assert.Equal([2, 6], Ids(result).Order().ToArray());
        Assert.Matches("""WHERE "w"\."InStock" AND "w"\."Price" < @\w+""", OnlySql);
    }

    [Fact]
    public async Task Given_OrderBy_then_ThenByDescending_then_ThenBy_Then_later_orders_break_ties_of_earlier_ones()
    {
        var result = await _db.Widgets.WithSpecification(new InStockPage(skip: 0, take: 100)).ToListAsync(Token);

        // Garden: Beta 300. Tools: Epsilon 300 and Gamma 300 (by name), Theta 250. Toys: Alpha 150, Zeta 50.
        Assert.Equal(["Beta", "Epsilon", "Gamma", "Theta", "Alpha", "Zeta"], result.Select(w => w.Name).ToArray());
        Assert.Contains("""ORDER BY "w"."Category", "w"."Price" DESC, "w"."Name""", OnlySql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_Skip_and_Take_Then_the_database_pages_after_ordering()
    {
        Assert.Equal(["Epsilon", "Gamma"], await Names(new InStockPage(skip: 1, take: 2)));
        Assert.Equal(["Zeta"], await Names(new InStockPage(skip: 5, take: 2)));
        Assert.Empty(await Names(new InStockPage(skip: 6, take: 2)));

        Assert.Equal(3, _sql.Commands.Count);
        Assert.All(_sql.Commands, sql => Assert.Matches("""ORDER BY .*\s+LIMIT @\w+ OFFSET @\w+""", sql.ReplaceLineEndings(" ")));

        async Task<string[]> Names(InStockPage page) =>
            (await _db.Widgets.WithSpecification(page).Select(w => w.Name).ToListAsync(Token)).ToArray();
    }

    [Fact]
    public async Task Given_an_empty_specification_Then_every_row_comes_back_unfiltered()
    {
        var result = await _db.Widgets.WithSpecification(new AllWidgets(tracking: false)).ToListAsync(Token);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Ids(result).Order().ToArray());
        Assert.DoesNotContain("WHERE", OnlySql, StringComparison.Ordinal);
        Assert.DoesNotContain("ORDER BY", OnlySql, StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT", OnlySql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_projection_Then_the_database_filters_and_orders_before_selecting_only_those_columns()
    {
        Assert.Equal(["Zeta", "Alpha"], await _db.Widgets.WithSpecification(new WidgetNames("Toys")).ToListAsync(Token));
        Assert.StartsWith("SELECT \"w\".\"Name\"\nFROM \"Widgets\" AS \"w\"", OnlySql.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("ORDER BY \"w\".\"Name\" DESC", OnlySql, StringComparison.Ordinal);

        Assert.Contains(new WidgetPrice("Theta", 250), await _db.Widgets.WithSpecification(new WidgetPrices()).ToListAsync(Token));
    }

    [Fact]
    public async Task Given_First_and_Any_Then_they_honour_the_specification()
    {
        Assert.Equal("Zeta", await _db.Widgets.WithSpecification(new WidgetNames("Toys")).FirstOrDefaultAsync(Token));
        Assert.Null(await _db.Widgets.WithSpecification(new WidgetNames("Books")).FirstOrDefaultAsync(Token));
        Assert.Equal("Delta", (await _db.Widgets.WithSpecification(new WidgetsInCategory("Tools")).FirstOrDefaultAsync(Token))?.Name);
        Assert.True(await _db.Widgets.WithSpecification(new InStockUnder(100)).AnyAsync(Token));
        Assert.False(await _db.Widgets.WithSpecification(new InStockUnder(50)).AnyAsync(Token));
    }

    [Fact]
    public async Task Given_criteria_only_Then_a_count_uses_the_filters_and_drops_order_and_paging()
    {
        var page = new InStockPage(skip: 1, take: 2);

        var count = await EfSpecificationEvaluator.Default.GetQuery(_db.Widgets, page, evaluateCriteriaOnly: true).CountAsync(Token);

        Assert.Equal(6, count);
        Assert.Matches("""SELECT COUNT\(\*\)\s+FROM "Widgets" AS "w"\s+WHERE "w"\."InStock"$""", OnlySql.Trim());
    }

    [Fact]
    public async Task Given_any_widget_Then_Ardalis_IsSatisfiedBy_agrees_with_the_database()
    {
        var spec = new InStockUnder(250);

        var selected = Ids(await _db.Widgets.WithSpecification(spec).ToListAsync(Token));

        Assert.Equal([2, 6], selected.Order().ToArray());
        Assert.All(Catalog.Widgets(), widget => Assert.Equal(spec.IsSatisfiedBy(widget), selected.Contains(widget.Id)));
    }

    [Fact]
    public async Task Given_AsNoTracking_Then_nothing_is_tracked()
    {
        var result = await _db.Widgets.WithSpecification(new AllWidgets(tracking: false)).ToListAsync(Token);

        Assert.Equal(8, result.Count);
        Assert.Empty(_db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Given_AsTracking_on_a_no_tracking_context_Then_the_entities_are_tracked_for_update()
    {
        _db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;

        var result = await _db.Widgets.WithSpecification(new AllWidgets(tracking: true)).ToListAsync(Token);

        Assert.Equal(8, _db.ChangeTracker.Entries<Widget>().Count());
        result[0].Price = 999;
        Assert.Equal(1, await _db.SaveChangesAsync(Token));
    }

    [Fact]
    public async Task Given_an_included_collection_and_a_split_query_Then_the_related_rows_come_in_a_second_command()
    {
        var makers = await _db.Makers.WithSpecification(new MakersWithWidgets()).ToListAsync(Token);

        Assert.Equal(["Acme", "Globex"], makers.Select(m => m.Name).ToArray());
        Assert.Equal([1, 3, 6, 7], Ids(makers[0].Widgets).Order().ToArray());
        Assert.Equal([2, 4, 5, 8], Ids(makers[1].Widgets).Order().ToArray());
        Assert.Equal(2, _sql.Commands.Count);
        Assert.Contains("JOIN \"Widgets\"", _sql.Commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_Include_then_ThenInclude_of_references_Then_one_joined_query_loads_both()
    {
        var acme = await _db.Widgets.WithSpecification(new WidgetsWithMaker("Acme")).ToListAsync(Token);

        Assert.Equal([1, 3, 6, 7], Ids(acme));
        Assert.All(acme, w => Assert.Equal(("Acme", "Freedonia"), (w.Maker?.Name, w.Maker?.Country?.Name)));
        Assert.Contains("JOIN \"Makers\"", OnlySql, StringComparison.Ordinal);
        Assert.Contains("JOIN \"Countries\"", OnlySql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_ThenInclude_after_a_collection_Then_the_nested_collections_are_loaded()
    {
        var countries = await _db.Countries.WithSpecification(new CountriesWithWidgets()).ToListAsync(Token);

        Assert.Equal(["Freedonia", "Sylvania"], countries.Select(c => c.Name).ToArray());
        Assert.Equal("Acme", Assert.Single(countries[0].Makers).Name);
        Assert.Equal([2, 4, 5, 8], Ids(Assert.Single(countries[1].Makers).Widgets).Order().ToArray());
        Assert.Contains("JOIN \"Widgets\"", OnlySql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_include_by_path_Then_the_navigations_on_that_path_are_loaded()
    {
        var widgets = await _db.Widgets.WithSpecification(new WidgetsWithMakerByPath()).ToListAsync(Token);

        Assert.Equal(8, widgets.Count);
        Assert.Equal("Sylvania", widgets.Single(w => w.Name == "Theta").Maker?.Country?.Name);
        Assert.Contains("JOIN \"Countries\"", OnlySql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_query_tag_Then_the_SQL_carries_it()
    {
        Assert.Equal(6, (await _db.Widgets.WithSpecification(new TaggedWidgets()).ToListAsync(Token)).Count);
        Assert.StartsWith("-- widgets for the shop window", OnlySql, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_Search_Then_the_evaluator_refuses_it_rather_than_ignoring_it()
    {
        var error = Assert.Throws<NotSupportedException>(() => _db.Widgets.WithSpecification(new WidgetsNamedLike("%eta")));

        Assert.Contains(nameof(WidgetsNamedLike), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_projection_without_Select_Then_it_says_which_specification_is_incomplete()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _db.Widgets.WithSpecification(new ProjectionWithoutSelect()));

        Assert.Contains(nameof(ProjectionWithoutSelect), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_null_arguments_Then_the_evaluator_refuses_them()
    {
        var evaluator = EfSpecificationEvaluator.Default;

        Assert.Throws<ArgumentNullException>(() => evaluator.GetQuery(null!, new AllWidgets(tracking: false)));
        Assert.Throws<ArgumentNullException>(() => evaluator.GetQuery(_db.Widgets, (ISpecification<Widget>)null!));
        Assert.Throws<ArgumentNullException>(() => evaluator.GetQuery(_db.Widgets, (ISpecification<Widget, string>)null!));
    }
}
