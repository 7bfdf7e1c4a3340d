using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BillCenter.IntegrationTests;

public sealed class ProductionSafetyTests
{
    [Fact]
    public void Given_Production_with_the_development_hash_key_Then_the_app_refuses_to_start()
    {
        var folder = Directory.CreateTempSubdirectory("billcenter-prod-").FullName;
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("Storage:DataFolder", folder));

        var refused = Assert.ThrowsAny<InvalidOperationException>(() => app.Services);

        Assert.Contains("Security:HashKey is the development key", refused.Message, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}
