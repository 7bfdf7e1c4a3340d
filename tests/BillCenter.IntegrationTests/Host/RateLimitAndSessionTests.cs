using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillCenter.IntegrationTests;

public sealed class RateLimitAndSessionTests : IAsyncLifetime
{
    private readonly BillCenterApp _app = new(TestDatabase.Sqlite, settings: new Dictionary<string, string?>
    {
        ["RateLimiting:AnonymousPostsPerMinute"] = "3",
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Given_more_anonymous_posts_than_the_limit_Then_the_next_one_is_refused_with_429_and_a_friendly_page()
    {
        var client = _app.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync("nobody.here", "not a real password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        var refused = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Data.UserName"] = "x", ["Data.Password"] = "y" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);

        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public void Given_the_session_cookie_Then_it_is_a_key_to_a_stored_session_and_is_never_reissued_to_slide()
    {
        // The lifetimes themselves are tested through HTTP with a moving clock (SessionTests).
        var options = _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.NotNull(options.SessionStore);
        Assert.Equal(TimeSpan.FromHours(12), options.ExpireTimeSpan);
        Assert.False(options.SlidingExpiration);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal("/sign-in", options.LoginPath);
    }
}
