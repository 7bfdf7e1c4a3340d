using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BillCenter.SharedKernel.Security;

namespace BillCenter.IntegrationTests;

/// <summary>Outside Development and Testing the app refuses to start on unsafe settings, naming each one.</summary>
public sealed class ProductionSafetyTests : IDisposable
{
    private readonly string _certificateFolder = Directory.CreateTempSubdirectory("billcenter-cert-").FullName;

    public void Dispose() => Directory.Delete(_certificateFolder, recursive: true);

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Given_every_production_setting_made_Then_the_app_starts_and_serves_pages(string environment)
    {
        await using var app = new BillCenterApp(TestDatabase.Sqlite, settings: GoodSettings(), environment: environment);

        var response = await app.CreateBrowserLikeClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Security:HashKey", "ZGV2ZWxvcG1lbnQtb25seS1iaWxsY2VudGVyLWhhc2gta2V5LWRvLW5vdC11c2U=", "Security:HashKey is the development key")]
    [InlineData("Security:HashKey", "", "Security:HashKey is not set")]
    [InlineData("Security:HashKey", "c2hvcnQta2V5LW9mLTIwLWJ5dGVz", "Security:HashKey is only 21 bytes long")]
    [InlineData("Security:HashKey", "not base64!", "Security:HashKey is not base64")]
    [InlineData("Database:SeedDemoData", "true", "Database:SeedDemoData is true")]
    [InlineData("Security:SecureCookies", "false", "Security:SecureCookies is false")]
    [InlineData("DataProtection:CertificatePath", "", "DataProtection:CertificatePath is empty")]
    [InlineData("Smtp:Host", "", "Smtp:Host is empty")]
    [InlineData("Twilio:AccountSid", "", "Twilio:AccountSid is empty")]
    [InlineData("Site:PublicUrl", "http://billcenter.example", "Site:PublicUrl is not an absolute https URL")]
    [InlineData("Site:PublicUrl", "billcenter.example", "Site:PublicUrl is not an absolute https URL")]
    [InlineData("Site:PublicUrl", "", "Site:PublicUrl is not set")]
    public async Task Given_Production_with_one_unsafe_setting_Then_the_app_refuses_to_start_naming_it(string setting, string value, string expected)
    {
        var settings = GoodSettings();
        settings[setting] = value;
        await using var app = new BillCenterApp(TestDatabase.Sqlite, settings: settings, environment: "Production");

        var refused = Assert.ThrowsAny<InvalidOperationException>(() => app.Services);

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Contains("1 setting(s)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_Staging_on_the_embedded_defaults_Then_one_refusal_lists_every_unsafe_setting()
    {
        await using var app = new BillCenterApp(TestDatabase.Sqlite, environment: "Staging", settings: new Dictionary<string, string?>
        {
            ["Security:HashKey"] = SecurityOptions.DevelopmentHashKey,
            ["Security:SecureCookies"] = "false",
        });

        var refused = Assert.ThrowsAny<InvalidOperationException>(() => app.Services);

        Assert.Contains("7 setting(s)", refused.Message, StringComparison.Ordinal);
        foreach (var setting in new[] { "Security:HashKey", "Database:SeedDemoData", "Security:SecureCookies", "DataProtection:CertificatePath", "Smtp:Host", "Twilio:AccountSid", "Site:PublicUrl" })
        {
            Assert.Contains($"- {setting} ", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Given_the_Testing_environment_with_demo_data_and_pickup_folder_Then_the_app_starts()
    {
        await using var app = new BillCenterApp(TestDatabase.Sqlite);

        var response = await app.CreateBrowserLikeClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Everything a production deployment sets: a random hash key, no demo data, secure cookies, a key-ring certificate, SMTP, Twilio and the https address.</summary>
    private Dictionary<string, string?> GoodSettings() => new()
    {
        ["Security:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Database:SeedDemoData"] = "false",
        ["Security:SecureCookies"] = "true",
        ["DataProtection:CertificatePath"] = CreateCertificate("a throwaway password"),
        ["DataProtection:CertificatePassword"] = "a throwaway password",
        ["Smtp:Host"] = "smtp.billcenter.example",
        ["Twilio:AccountSid"] = "AC00000000000000000000000000000000",
        ["Twilio:AuthToken"] = "not-a-real-token",
        ["Twilio:From"] = "+15005550006",
        ["Site:PublicUrl"] = "https://billcenter.example",
    };

    private string CreateCertificate(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=BillCenter key ring (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(_certificateFolder, $"keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
