using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BillCenter.SharedKernel.Data;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BillCenter.Testing;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The whole BillCenter app on a database of its own: a fresh SQLite file, or a fresh PostgreSQL database on the
/// server scripts/test.sh started. Demo data is seeded. With <c>realServer</c> it listens on a real loopback port
/// (for the browser); otherwise requests go through the in-memory test server over "https://localhost".
/// </summary>
public partial class BillCenterApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _postgresDatabase;
    private readonly bool _realServer;
    private readonly bool _ownsDataFolder;
    private readonly List<Type> _dbContextTypes = [];
    private readonly TimeProvider? _clock;
    private readonly string _environment;

    /// <summary>The hash key of every test app of this process: random, so no secret-looking key is committed; shared, so apps on one database agree.</summary>
    private static readonly string TestHashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <param name="clock">The app's clock (e.g. a FakeTimeProvider to move sessions through their lifetimes); the system clock when null.</param>
    /// <param name="environment">The hosting environment: "Testing" unless a test checks what another environment does (e.g. "Production").</param>
    public BillCenterApp(
        TestDatabase database,
        bool realServer = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? sharedDataFolder = null,
        TimeProvider? clock = null,
        string environment = "Testing")
    {
        _clock = clock;
        _environment = environment;
        Database = database;
        _realServer = realServer;
        _ownsDataFolder = sharedDataFolder is null;
        DataFolder = sharedDataFolder ?? Directory.CreateTempSubdirectory("billcenter-test-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.ToString(),
            ["Database:SeedDemoData"] = "true",
            ["Storage:DataFolder"] = DataFolder,
            ["Security:HashKey"] = TestHashKey,
            ["Security:SecureCookies"] = realServer ? "false" : "true",
            ["RateLimiting:AnonymousPostsPerMinute"] = "100000",
            ["RateLimiting:CardCheck:Attempts"] = "100000",
            ["RateLimiting:SendCode:Attempts"] = "100000",
            ["RateLimiting:EnterCode:Attempts"] = "100000",
            ["RateLimiting:SignIn:Attempts"] = "100000",
            ["Jobs:RunServer"] = "false",
        };

        if (database == TestDatabase.Postgres)
        {
            TestServices.RequirePostgres();
            _postgresDatabase = settings?.GetValueOrDefault("ConnectionStrings:BillCenter") is { } shared
                ? null
                : PostgresDatabases.Create();
            _settings["ConnectionStrings:BillCenter"] = _postgresDatabase is null
                ? settings!["ConnectionStrings:BillCenter"]
                : PostgresDatabases.ConnectionString(_postgresDatabase);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (realServer)
        {
            UseKestrel(0);
        }
    }

    public TestDatabase Database { get; }

    public string DataFolder { get; }

    public string SqliteFile => Path.Combine(DataFolder, "billcenter.db");

    public string? ConnectionString => _settings.GetValueOrDefault("ConnectionStrings:BillCenter");

    public CapturedLogs Logs { get; } = new();

    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>The kinds of SQL commands (and commits) run in one async flow, e.g. while a test sends a request.</summary>
    public SqlCommandLog SqlLog { get; } = new();

    /// <summary>The address a browser uses ("http://localhost:port"); only with a real server.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = ClientOptions.BaseAddress;
            return new UriBuilder(address) { Host = "localhost" }.Uri;
        }
    }

    /// <summary>A cookie-keeping client that does not follow redirects, so tests see every 302.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = _realServer ? ServerAddress : new Uri("https://localhost"),
        });

    /// <summary>A client that keeps no cookies and sends <paramref name="cookie"/> ("name=value") with every request, as a replayed cookie would.</summary>
    public HttpClient CreateClientWithCookie(string cookie)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = _realServer ? ServerAddress : new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Sends a MediatR request inside the app, as another module would.</summary>
    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, TestContext.Current.CancellationToken);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environment);
        builder.UseContentRoot(HostProjectFolder());
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(SqlCommands);
            services.AddSingleton<IInterceptor>(SqlLog);
            if (_clock is not null)
            {
                services.AddSingleton(_clock);
            }

            _dbContextTypes.AddRange(services.Select(d => d.ServiceType)
                .Where(t => typeof(DbContext).IsAssignableFrom(t) && t != typeof(DbContext)).Distinct());
        });
    }

    /// <summary>
    /// Starts the app, then checks that every DbContext it registered really talks to the database this app was
    /// made for (the provider, and on PostgreSQL the database by name): a test "on PostgreSQL" that silently ran
    /// on SQLite would prove nothing.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        var expectedProvider = Database == TestDatabase.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
        var expectedDatabase = Database == TestDatabase.Postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database
            : null;
        Assert.NotEmpty(_dbContextTypes);
        foreach (var type in _dbContextTypes)
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            Assert.True(context.Database.ProviderName == expectedProvider,
                $"{type.Name} uses {context.Database.ProviderName}, but this app is meant to run on {Database}");
            if (expectedDatabase is not null)
            {
                Assert.Equal(expectedDatabase, context.Database.GetDbConnection().Database);
            }
            else
            {
                Assert.Equal(Path.GetFullPath(SqliteFile), Path.GetFullPath(((Microsoft.Data.Sqlite.SqliteConnection)context.Database.GetDbConnection()).DataSource));
            }
        }

        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_postgresDatabase is not null)
        {
            await PostgresDatabases.DropAsync(_postgresDatabase);
        }

        if (_ownsDataFolder)
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    /// <summary>Reads the antiforgery token out of a rendered form.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    private static string HostProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BillCenter.sln")))
            {
                return Path.Combine(folder.FullName, "src", "Host");
            }
        }

        throw new InvalidOperationException("BillCenter.sln not found above the test assembly.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
