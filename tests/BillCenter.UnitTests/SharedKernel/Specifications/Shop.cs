using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Tests.Specifications;

internal sealed class Country
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public List<Maker> Makers { get; set; } = [];
}

internal sealed class Maker
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public int CountryId { get; set; }

    public Country? Country { get; set; }

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
        new() { Id = 1, Name = "Acme", CountryId = 1 },
        new() { Id = 2, Name = "Globex", CountryId = 2 },
    ];

    public static List<Country> Countries() =>
    [
        new() { Id = 1, Name = "Freedonia" },
        new() { Id = 2, Name = "Sylvania" },
    ];
}

internal sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    public DbSet<Maker> Makers => Set<Maker>();

    public DbSet<Country> Countries => Set<Country>();
}
