using Deque.AxeCore.Playwright;

namespace BillCenter.BrowserTests;

/// <summary>The app on a real loopback port (SQLite, demo data) and one headless Chromium, shared by a test class.</summary>
public class BrowserFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BillCenterApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _scanner;
    private readonly HashSet<IPage> _withoutJavaScript = [];

    public BillCenterApp App => _app ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>Settings on top of the embedded defaults (SQLite, mail to the pickup folder, texts to sms.log).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>The app's clock (a FakeTimeProvider to age sessions); the system clock when null.</summary>
    protected virtual TimeProvider? Clock => null;

    public async Task StartAsync()
    {
        TestServices.RequireChromium();
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_browser is not null)
            {
                return;
            }

            _app = new BillCenterApp(TestDatabase.Sqlite, realServer: true, settings: Settings, clock: Clock);
            _ = _app.ServerAddress;
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = TestServices.ChromiumPath,
                Headless = true,
                Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A fresh browser context (its own cookies), with or without JavaScript.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        await StartAsync();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        if (!javaScript)
        {
            _withoutJavaScript.Add(page);
        }

        return page;
    }

    /// <summary>
    /// Signs the demo admin in on <paramref name="page"/>: password, then the emailed code; ends on <paramref name="returnUrl"/>
    /// (without one, where sign-in takes an admin).
    /// </summary>
    public async Task SignInAsAdminAsync(IPage page, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(returnUrl is null ? "/sign-in" : $"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("User ID").FillAsync(Host.DemoData.DemoData.AdminUserId);
        await page.GetByLabel("Password").FillAsync(Host.DemoData.DemoData.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your one-time code", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("One-time code").FillAsync(await App.LatestSignInCodeAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    /// <summary>
    /// Runs axe on the page as it is now; fails listing every violation. axe is itself JavaScript, so a page
    /// rendered without JavaScript is scanned as a copy: its HTML, loaded into a JavaScript page at the same origin.
    /// </summary>
    public async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var target = page;
        if (_withoutJavaScript.Contains(page))
        {
            var html = await page.ContentAsync();
            _scanner ??= await NewPageAsync(javaScript: true);
            if (page.ViewportSize is { } size)
            {
                await _scanner.SetViewportSizeAsync(size.Width, size.Height); // scanned at the width it was rendered at
            }

            await _scanner.GotoAsync("/health/live");
            await _scanner.SetContentAsync(html);
            target = _scanner;
        }

        var result = await target.RunAxe();
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"axe found violations on {page.Url}:\n{string.Join('\n', violations)}");
        Assert.NotEmpty(result.Passes); // the scan really ran
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _gate.Dispose();
    }
}
