using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Tests.Specifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Tests.Data;

/// <summary>A compiled query used with two models of one context type (as SQLite and PostgreSQL apps are in one test run).</summary>
public sealed class CompiledPerModelTests : IAsyncLifetime
{
    private static readonly CompiledPerModel<Func<ShopContext, string, CancellationToken, Task<int>>> CountInCategory =
        new(() => EF.CompileAsyncQuery((ShopContext db, string category, CancellationToken _) => db.Widgets.Count(w => w.Category == category)));

    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync(Token);
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync(Token);
        db.Countries.AddRange(Catalog.Countries());
        db.Makers.AddRange(Catalog.Makers());
        db.Widgets.AddRange(Catalog.Widgets());
        await db.SaveChangesAsync(Token);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Given_a_plain_compiled_query_When_a_second_model_runs_it_Then_EF_refuses()
    {
        var plain = EF.CompileAsyncQuery((ShopContext db, string category) => db.Widgets.Count(w => w.Category == category));
        await using var first = NewContext();
        await using var second = NewContext();
        Assert.NotSame(first.Model, second.Model);

        Assert.Equal(4, await plain(first, "Tools"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => plain(second, "Tools"));
    }

    [Fact]
    public async Task Given_two_models_Then_each_gets_its_own_compiled_query_and_both_answer()
    {
        await using var first = NewContext();
        await using var second = NewContext();

        Assert.Equal(4, await CountInCategory.For(first)(first, "Tools", Token));
        Assert.Equal(2, await CountInCategory.For(second)(second, "Garden", Token));
        Assert.NotSame(CountInCategory.For(first), CountInCategory.For(second));
        Assert.Same(CountInCategory.For(first), CountInCategory.For(first));
    }

    /// <summary>A context with a model of its own: no internal service provider (hence no model) is shared between them.</summary>
    private ShopContext NewContext() =>
        new(new DbContextOptionsBuilder<ShopContext>().UseSqlite(_connection).EnableServiceProviderCaching(false).Options);
}
