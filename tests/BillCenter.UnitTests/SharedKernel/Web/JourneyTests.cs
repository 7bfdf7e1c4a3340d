using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Net.Http.Headers;

namespace BillCenter.SharedKernel.Tests.Web;

public class JourneyTests
{
    private static readonly IDataProtectionProvider Keys = new EphemeralDataProtectionProvider();

    public sealed record Progress
    {
        public int Step { get; init; }

        public string? Note { get; init; }
    }

    private sealed class TwoStepJourney(IConfiguration configuration, TimeSpan lifetime, IDataProtectionProvider? keys = null)
        : Journey<Progress>(keys ?? Keys, configuration, "test", lifetime)
    {
        public override string FirstPage => "/Test/Index";

        protected override IReadOnlyDictionary<string, Func<Progress, bool>> Steps { get; } = new Dictionary<string, Func<Progress, bool>>
        {
            ["/Test/Index"] = _ => true,
            ["/Test/Second"] = p => p.Step >= 1,
        };
    }

    private static IConfiguration Config(bool secureCookies = true) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Security:SecureCookies"] = secureCookies.ToString() }).Build();

    private static DefaultHttpContext Request(bool https = false)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = https ? "https" : "http";
        return http;
    }

    private static SetCookieHeaderValue SavedCookie(HttpContext http) =>
        SetCookieHeaderValue.ParseList(http.Response.Headers.SetCookie.Select(v => v!).ToList()).Single();

    /// <summary>A second request that carries the cookie the first one set.</summary>
    private static DefaultHttpContext Following(HttpContext first, bool https = false)
    {
        var cookie = SavedCookie(first);
        var next = Request(https);
        next.Request.Headers.Cookie = $"{cookie.Name}={cookie.Value}";
        return next;
    }

    [Fact]
    public void Given_a_saved_state_When_the_next_request_loads_it_Then_it_is_the_same_state()
    {
        var journey = new TwoStepJourney(Config(), TimeSpan.FromMinutes(5));
        var first = Request();
        journey.Save(first, new Progress { Step = 1, Note = "kept" });

        Assert.Equal(new Progress { Step = 1, Note = "kept" }, journey.Load(Following(first)));
    }

    [Fact]
    public void Given_a_saved_state_Then_the_cookie_holds_none_of_it_in_clear_and_is_HttpOnly_Strict_and_site_wide()
    {
        var journey = new TwoStepJourney(Config(), TimeSpan.FromMinutes(5));
        var http = Request();
        journey.Save(http, new Progress { Step = 1, Note = "secret-note" });

        var cookie = SavedCookie(http);
        Assert.DoesNotContain("secret-note", cookie.Value.ToString(), StringComparison.Ordinal);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
    }

    [Fact]
    public void Given_HTTPS_Then_the_cookie_is_a_Host_prefixed_Secure_cookie()
    {
        var journey = new TwoStepJourney(Config(), TimeSpan.FromMinutes(5));
        var http = Request(https: true);
        journey.Save(http, new Progress { Step = 1 });

        var cookie = SavedCookie(http);
        Assert.Equal("__Host-bc.test", cookie.Name.ToString());
        Assert.True(cookie.Secure);
        Assert.Equal(1, journey.Load(Following(http, https: true)).Step);
    }

    [Theory]
    [InlineData(true, "__Host-bc.test", true)]
    [InlineData(false, "bc.test", false)]
    public void Given_plain_HTTP_Then_the_cookie_is_a_Secure_Host_cookie_unless_secure_cookies_are_turned_off(bool secureCookies, string expectName, bool expectSecure)
    {
        var journey = new TwoStepJourney(Config(secureCookies), TimeSpan.FromMinutes(5));
        var http = Request();
        journey.Save(http, new Progress());

        var cookie = SavedCookie(http);
        Assert.Equal(expectName, cookie.Name.ToString());
        Assert.Equal(expectSecure, cookie.Secure);
    }

    [Fact]
    public void Given_secure_cookies_turned_off_Then_the_name_is_the_plain_one_even_over_HTTPS_like_every_other_cookie()
    {
        var journey = new TwoStepJourney(Config(secureCookies: false), TimeSpan.FromMinutes(5));
        var http = Request(https: true);
        journey.Save(http, new Progress { Step = 1 });

        Assert.Equal("bc.test", SavedCookie(http).Name.ToString());
        Assert.Equal(1, journey.Load(Following(http, https: true)).Step);
    }

    [Fact]
    public void Given_a_tampered_cookie_Then_the_journey_starts_again()
    {
        var journey = new TwoStepJourney(Config(), TimeSpan.FromMinutes(5));
        var first = Request();
        journey.Save(first, new Progress { Step = 1 });
        var next = Following(first);
        next.Request.Headers.Cookie = next.Request.Headers.Cookie.ToString()[..^4] + "AAAA";

        Assert.Equal(new Progress(), journey.Load(next));
    }

    [Fact]
    public void Given_a_cookie_protected_with_other_keys_Then_the_journey_starts_again()
    {
        var first = Request();
        new TwoStepJourney(Config(), TimeSpan.FromMinutes(5), new EphemeralDataProtectionProvider()).Save(first, new Progress { Step = 1 });

        Assert.Equal(new Progress(), new TwoStepJourney(Config(), TimeSpan.FromMinutes(5)).Load(Following(first)));
    }

    [Fact]
    public void Given_an_expired_cookie_Then_the_journey_starts_again()
    {
        var expired = new TwoStepJourney(Config(), TimeSpan.FromSeconds(-1));
        var first = Request();
        expired.Save(first, new Progress { Step = 1 });

        Assert.Equal(new Progress(), expired.Load(Following(first)));
    }

    [Fact]
    public void Given_the_table_of_steps_Then_a_step_shows_only_in_its_states_and_an_unknown_page_is_an_error()
    {
        var journey = new TwoStepJourney(Config(), TimeSpan.FromMinutes(5));

        Assert.True(journey.MayShow("/Test/Index", new Progress()));
        Assert.False(journey.MayShow("/Test/Second", new Progress()));
        Assert.True(journey.MayShow("/Test/Second", new Progress { Step = 1 }));
        Assert.Throws<InvalidOperationException>(() => journey.MayShow("/Test/Elsewhere", new Progress()));
    }

    [Fact]
    public void Given_an_ended_journey_Then_the_browser_is_told_to_drop_the_cookie()
    {
        var journey = new TwoStepJourney(Config(), TimeSpan.FromMinutes(5));
        var http = Request();
        journey.End(http);

        var cookie = SavedCookie(http);
        Assert.Equal("__Host-bc.test", cookie.Name.ToString());
        Assert.True(cookie.Expires < DateTimeOffset.UtcNow);
    }
}
