using BillCenter.SharedKernel.Specifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Tests.Specifications;

/// <summary>The same specifications through EF Core against an in-memory SQLite database, as the modules run them.</summary>
public sealed class EfReadRepositoryTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private ShopContext _context = null!;
    private EfReadRepository<ShopContext, Widget> _widgets = null!;
    private EfReadRepository<ShopContext, Maker> _makers = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync(Token);
        _context = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseSqlite(_connection).Options);
        await _context.Database.EnsureCreatedAsync(Token);
        _context.Makers.AddRange(Catalog.Makers());
        _context.Widgets.AddRange(Catalog.Widgets());
        await _context.SaveChangesAsync(Token);
        _context.ChangeTracker.Clear();
        _widgets = new EfReadRepository<ShopContext, Widget>(_context);
        _makers = new EfReadRepository<ShopContext, Maker>(_context);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task Given_a_where_and_order_Then_the_database_returns_matching_rows_in_order()
    {
        var result = await _widgets.ListAsync(new WidgetsInCategory("Tools"), Token);

        Assert.Equal([100, 250, 300, 300], result.Select(w => w.Price).ToArray());
        Assert.All(result, w => Assert.Equal("Tools", w.Category));
    }

    [Fact]
    public async Task Given_a_ThenBy_chain_with_paging_Then_SQL_orders_and_pages_like_LINQ()
    {
        var all = await _widgets.ListAsync(new InStockPage(skip: 0, take: 100), Token);
        var page = await _widgets.ListAsync(new InStockPage(skip: 1, take: 3), Token);

        Assert.Equal(["Beta", "Epsilon", "Gamma", "Theta", "Alpha", "Zeta"], all.Select(w => w.Name).ToArray());
        Assert.Equal(["Epsilon", "Gamma", "Theta"], page.Select(w => w.Name).ToArray());
    }

    [Fact]
    public async Task Given_a_projection_Then_only_the_projected_values_come_back()
    {
        Assert.Equal(["Zeta", "Alpha"], await _widgets.ListAsync(new WidgetNames("Toys"), Token));
        Assert.Equal("Zeta", await _widgets.FirstOrDefaultAsync(new WidgetNames("Toys"), Token));
        Assert.Null(await _widgets.FirstOrDefaultAsync(new WidgetNames("Books"), Token));
        Assert.Contains(new WidgetPrice("Theta", 250), await _widgets.ListAsync(new WidgetPrices(), Token));
    }

    [Fact]
    public async Task Given_First_Count_and_Any_Then_they_honour_the_specification()
    {
        Assert.Equal("Delta", (await _widgets.FirstOrDefaultAsync(new WidgetsInCategory("Tools"), Token))?.Name);
        Assert.Null(await _widgets.FirstOrDefaultAsync(new WidgetsInCategory("Books"), Token));
        Assert.Equal(4, await _widgets.CountAsync(new WidgetsInCategory("Tools"), Token));
        Assert.Equal(2, await _widgets.CountAsync(new InStockUnder(200), Token));
        Assert.True(await _widgets.AnyAsync(new InStockUnder(100), Token));
        Assert.False(await _widgets.AnyAsync(new InStockUnder(50), Token));
    }

    [Fact]
    public async Task Given_a_specification_without_AsTracking_Then_nothing_is_tracked()
    {
        var result = await _widgets.ListAsync(new AllWidgets(), Token);

        Assert.Equal(8, result.Count);
        Assert.Empty(_context.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Given_a_specification_with_AsTracking_Then_the_entities_are_tracked_for_update()
    {
        var result = await _widgets.ListAsync(new AllWidgets(tracking: true), Token);

        Assert.Equal(8, _context.ChangeTracker.Entries<Widget>().Count());
        result[0].Price = 999;
        Assert.Equal(1, await _context.SaveChangesAsync(Token));
    }

    [Fact]
    public async Task Given_includes_and_split_query_Then_related_entities_are_loaded()
    {
        var makers = await _makers.ListAsync(new MakersWithWidgets(), Token);
        var acme = await _widgets.ListAsync(new WidgetsWithMaker("Acme"), Token);

        Assert.Equal(["Acme", "Globex"], makers.Select(m => m.Name).ToArray());
        Assert.Equal([1, 3, 6, 7], makers[0].Widgets.Select(w => w.Id).Order().ToArray());
        Assert.Equal([1, 3, 6, 7], acme.Select(w => w.Id).ToArray());
        Assert.All(acme, w => Assert.Equal("Acme", w.Maker?.Name));
    }
}
