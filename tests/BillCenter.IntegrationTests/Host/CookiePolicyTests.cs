using BillCenter.Host.DemoData;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Net.Http.Headers;

namespace BillCenter.IntegrationTests;

/// <summary>
/// Every cookie the app sets (session, device, antiforgery, TempData, journey) follows one policy: HttpOnly, SameSite, Path=/,
/// no Domain; over HTTPS with Secure cookies a <c>__Host-</c> name and Secure; with Secure cookies off (plain-HTTP
/// local development, the browser tests) the plain <c>bc.</c> names.
/// </summary>
public abstract class CookiePolicyTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_HTTPS_When_signing_in_activating_and_starting_a_journey_Then_every_cookie_is_a_Secure_Host_cookie()
    {
        var cookies = await WalkAsync(fixture.App, new Uri("https://localhost"));

        Assert.Equal(["__Host-bc.af", "__Host-bc.device", "__Host-bc.enroll", "__Host-bc.session", "__Host-bc.tempdata"], cookies.Select(c => c.Name.ToString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(cookies, cookie =>
        {
            Assert.True(cookie.Secure, $"{cookie} is Secure");
            AssertSiteWideHttpOnlySameSite(cookie);
        });
    }

    [Fact]
    public async Task Given_Secure_cookies_off_over_plain_HTTP_Then_every_cookie_has_its_plain_name_and_the_same_flags()
    {
        await using var app = new BillCenterApp(fixture.Database, settings: new Dictionary<string, string?>
        {
            ["Security:SecureCookies"] = "false",
        });

        var cookies = await WalkAsync(app, new Uri("http://localhost"));

        Assert.Equal(["bc.af", "bc.device", "bc.enroll", "bc.session", "bc.tempdata"], cookies.Select(c => c.Name.ToString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(cookies, AssertSiteWideHttpOnlySameSite);
    }

    private static void AssertSiteWideHttpOnlySameSite(SetCookieHeaderValue cookie)
    {
        Assert.True(cookie.HttpOnly, $"{cookie} is HttpOnly");
        Assert.True(cookie.SameSite is Microsoft.Net.Http.Headers.SameSiteMode.Lax or Microsoft.Net.Http.Headers.SameSiteMode.Strict, $"{cookie} has SameSite");
        Assert.Equal("/", cookie.Path.ToString());
        Assert.True(cookie.Domain.Length == 0, $"{cookie} has no Domain");
    }

    /// <summary>Signs in, activates a card (TempData) and starts an enrollment (journey), recording every Set-Cookie.</summary>
    private static async Task<IReadOnlyList<SetCookieHeaderValue>> WalkAsync(BillCenterApp app, Uri baseAddress)
    {
        var seen = new List<SetCookieHeaderValue>();
        using (var signedIn = app.CreateDefaultClient(baseAddress, new SetCookieRecorder(seen), new CookieContainerHandler()))
        {
            await signedIn.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);
            Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/accounts", Cancel)).StatusCode);
        }

        using (var anonymous = app.CreateDefaultClient(baseAddress, new SetCookieRecorder(seen), new CookieContainerHandler()))
        {
            var activated = await anonymous.SubmitFormAsync("/activate", new Dictionary<string, string>
            {
                ["Data.CardNumber"] = DemoData.GoldCardNumber,
                ["Data.CardId"] = DemoData.GoldCardId,
            });
            Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(activated.Headers.Location, Cancel)).StatusCode);
            var chosen = await anonymous.SubmitFormAsync("/enroll", new Dictionary<string, string> { ["Data.Path"] = "CardWithCardId" });
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        Assert.NotEmpty(seen);
        return seen;
    }

    /// <summary>Adds the cookies of every response to <paramref name="seen"/> (requests of one test run one after another).</summary>
    private sealed class SetCookieRecorder(List<SetCookieHeaderValue> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                seen.AddRange(SetCookieHeaderValue.ParseStrictList([.. values]));
            }

            return response;
        }
    }
}

public sealed class CookiePolicyTestsOnSqlite(SqliteFixture fixture) : CookiePolicyTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CookiePolicyTestsOnPostgres(PostgresFixture fixture) : CookiePolicyTests(fixture), IClassFixture<PostgresFixture>;
