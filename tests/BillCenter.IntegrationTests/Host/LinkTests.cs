using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// No dead ends: starting from the home page (and the pages only a journey reaches), every same-site link of the
/// layout and of every page is followed, anonymous, as the demo cardholder and as the admin. Each answers 200, or
/// redirects deliberately to a page that does (a signed-in page sends an anonymous visitor to sign in; a journey step
/// opened out of turn goes back to the journey's start). Only GETs: signing out is a form (POST), never a link.
/// </summary>
public abstract partial class LinkTests(AppFixture fixture)
{
    /// <summary>The pages the layout's footer promises on every page.</summary>
    private static readonly string[] FooterPages = ["/activate", "/contact", "/privacy", "/security", "/accessibility"];

    /// <summary>Pages reached only inside a journey (after a form post), listed so their links are checked too.</summary>
    private static readonly string[] JourneyPages =
    [
        "/enroll/account", "/enroll/card", "/enroll/send-code", "/enroll/code", "/enroll/credentials", "/enroll/check",
        "/enroll/done", "/enroll/already-enrolled", "/activate/done", "/sign-in/code", "/sign-out", "/error",
    ];

    /// <summary>Where a deliberate redirect may lead: sign in, or back to the start of a journey or of the site.</summary>
    private static readonly string[] RedirectTargets = ["/", "/sign-in", "/enroll", "/activate", "/accounts", "/admin/jobs"];

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_an_anonymous_visitor_Then_every_link_leads_to_a_page_or_to_sign_in()
    {
        var client = App.CreateBrowserLikeClient();

        var crawl = await CrawlAsync(client, ["/", .. JourneyPages]);

        AssertFooterReached(crawl);
        Assert.Equal("/sign-in", crawl.Redirects["/accounts"]);
        Assert.Contains("/enroll", crawl.Ok);
        Assert.Contains("/sign-in", crawl.Ok);
    }

    [Fact]
    public async Task Given_the_demo_cardholder_signed_in_Then_every_link_leads_to_a_page()
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);
        var autoPay = $"/payments/autopay/{await DemoCardAccountAsync()}";

        var crawl = await CrawlAsync(client, ["/", .. JourneyPages, "/payments/bank-accounts", autoPay]);

        AssertFooterReached(crawl);
        Assert.Contains("/accounts", crawl.Ok);
        Assert.DoesNotContain("/accounts", crawl.Redirects.Keys);
        Assert.Contains("/payments/bank-accounts/add", crawl.Ok);
        Assert.Contains($"/payments/bank-accounts/add?returnUrl={Uri.EscapeDataString(autoPay)}", crawl.Ok);
        // Following every link did not sign the cardholder out.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/accounts", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_the_admin_signed_in_Then_every_link_leads_to_a_page()
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInAsAdminOrFailAsync(App);

        var crawl = await CrawlAsync(client, ["/", "/admin/notifications", "/admin/postings", "/admin/security-events", .. JourneyPages]);

        AssertFooterReached(crawl);
        Assert.Contains("/admin/jobs", crawl.Ok);
        Assert.Contains("/admin/notifications", crawl.Ok);
        Assert.Contains("/admin/postings", crawl.Ok);
        Assert.Contains("/admin/paper-mail", crawl.Ok);
        Assert.Contains("/admin/security-events", crawl.Ok);
    }

    [Fact]
    public async Task Given_an_online_account_just_created_Then_what_to_do_next_links_to_pages_that_exist()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll", new Dictionary<string, string> { ["Data.Path"] = "CardWithCardId" }));
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", new Dictionary<string, string>
        {
            ["Data.CardNumber"] = account.CardNumbers[0],
            ["Data.CardId"] = account.CardIdDigits[0]!,
        }));
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Email" }));
        await Dispatcher.DrainAsync(App);
        var mail = await PickupFolder.WaitForAsync(PickupFolder.Of(App), account.Email!);
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = SecurityCodes.In(Assert.Single(mail)) }));
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/credentials", new Dictionary<string, string>
        {
            ["Data.UserName"] = TestUsers.NewUserId("links"),
            ["Data.Password"] = "lantern orchard meadow 17",
        }));
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/check", new Dictionary<string, string>()));

        var done = await client.GetStringAsync("/enroll/done", Cancel);
        var nextSteps = NextStepsPattern().Match(done);
        Assert.True(nextSteps.Success, "the confirmation lists what to do next");
        var items = ListItemPattern().Matches(nextSteps.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Matches(LinkPattern(), item));
        var nextLinks = Links(nextSteps.Groups[1].Value).ToList();
        Assert.Contains("/accounts", nextLinks);
        Assert.Contains("/activate", nextLinks);
        Assert.Contains("/preferences", nextLinks);
        Assert.Contains("/preferences/security-questions?setup=true", Links(done));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/preferences/security-questions?setup=true", Cancel)).StatusCode);
        foreach (var unbuilt in new[] { "which alerts", "paperless" })
        {
            Assert.DoesNotContain(unbuilt, done, StringComparison.OrdinalIgnoreCase);
        }

        var crawl = await CrawlAsync(client, ["/enroll/done"]);

        Assert.All(nextLinks, link => Assert.Contains(link, crawl.Ok));
    }

    /// <summary>The id of the demo cardholder's first card account (the pages of one account hold it in their address).</summary>
    private async Task<Guid> DemoCardAccountAsync()
    {
        var id = Guid.Empty;
        await App.WithScopeAsync(async services =>
        {
            var user = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BillCenter.Modules.Users.Domain.BillCenterUser>>().FindByNameAsync(DemoData.CardholderUserId);
            var accounts = await services.GetRequiredService<MediatR.IMediator>().Send(new BillCenter.Modules.Accounts.Contracts.GetPaymentAccounts(user!.Id), Cancel);
            id = accounts[0].CardAccountId;
        });
        return id;
    }

    private static void AssertFooterReached(Crawl crawl) =>
        Assert.All(FooterPages, page => Assert.True(crawl.Ok.Contains(page), $"{page} is linked from every page and answers 200"));

    /// <summary>Visits <paramref name="start"/> and every same-site link found on the way, once each.</summary>
    private static async Task<Crawl> CrawlAsync(HttpClient client, IReadOnlyList<string> start)
    {
        var crawl = new Crawl();
        var queue = new Queue<(string Path, string From)>(start.Select(path => (path, "(start)")));
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        while (queue.TryDequeue(out var next))
        {
            Assert.True(seen.Count < 300, $"the crawl found more than 300 addresses; the last from {next.From}");
            using var response = await client.GetAsync(next.Path, Cancel);
            var found = new List<string>();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                crawl.Ok.Add(next.Path);
                // The jobs dashboard is Hangfire's own: it must answer, but its inner links are not ours.
                if (!next.Path.StartsWith("/admin/jobs", StringComparison.Ordinal)
                    && response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    found.AddRange(Links(await response.Content.ReadAsStringAsync(Cancel)).Select(href => SameSitePath(href, next.Path)).OfType<string>());
                }
            }
            else if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                var target = SameSitePath(response.Headers.Location?.OriginalString ?? string.Empty, next.Path);
                Assert.True(target is not null, $"{next.Path} (linked from {next.From}) redirects off the site: {response.Headers.Location}");
                var targetPage = target.Split('?')[0];
                Assert.True(RedirectTargets.Contains(targetPage, StringComparer.Ordinal),
                    $"{next.Path} (linked from {next.From}) redirects to {target}, which is not a deliberate destination");
                crawl.Redirects[next.Path] = targetPage;
                found.Add(target);
            }
            else
            {
                Assert.Fail($"{next.Path} (linked from {next.From}) answered {(int)response.StatusCode} {response.StatusCode}");
            }

            foreach (var path in found.Where(seen.Add))
            {
                queue.Enqueue((path, next.Path));
            }
        }

        return crawl;
    }

    /// <summary>The href of every &lt;a&gt; in <paramref name="html"/>, decoded.</summary>
    private static IEnumerable<string> Links(string html) =>
        LinkPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    /// <summary>The path and query of a same-site link (fragment dropped); null for another site, mailto: or tel:; fails on a relative path.</summary>
    private static string? SameSitePath(string href, string from)
    {
        if (href.StartsWith('#') || href.Length == 0)
        {
            return null;
        }

        // Checked first: on Unix, Uri also reads "/path" as an absolute file: URI.
        if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
        {
            return href.Split('#')[0];
        }

        Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var absolute), $"{from} has a link relative to the page: {href}");
        return absolute.Scheme == Uri.UriSchemeHttps && absolute.Host == "localhost" ? absolute.PathAndQuery : null;
    }

    private static async Task ExpectRedirectAsync(Task<HttpResponseMessage> send)
    {
        var response = await send;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    [GeneratedRegex("""<a\s[^>]*?\bhref="([^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("""<h2[^>]*>What else you can do</h2>\s*<ul[^>]*>(.*?)</ul>""", RegexOptions.Singleline)]
    private static partial Regex NextStepsPattern();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItemPattern();

    private sealed class Crawl
    {
        public HashSet<string> Ok { get; } = new(StringComparer.Ordinal);

        /// <summary>Each redirecting address and the page it leads to (without query).</summary>
        public Dictionary<string, string> Redirects { get; } = new(StringComparer.Ordinal);
    }
}

public sealed class LinkTestsOnSqlite(SqliteFixture fixture) : LinkTests(fixture), IClassFixture<SqliteFixture>;

public sealed class LinkTestsOnPostgres(PostgresFixture fixture) : LinkTests(fixture), IClassFixture<PostgresFixture>;
