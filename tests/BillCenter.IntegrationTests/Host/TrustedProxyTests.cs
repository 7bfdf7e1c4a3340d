namespace BillCenter.IntegrationTests;

/// <summary>
/// X-Forwarded-For is believed only from a trusted proxy. Seen through the anonymous-post rate limit, which counts
/// per client address: on a real loopback server, with a limit of one post a minute, two posts that claim two
/// different client addresses get two limits only if the app believed the header.
/// </summary>
public sealed class TrustedProxyTests
{
    [Fact]
    public async Task Given_a_peer_that_is_not_a_configured_proxy_Then_its_forwarded_addresses_are_ignored_and_its_posts_share_one_limit()
    {
        await using var app = App(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.9.9.9" });

        var statuses = await PostTwiceAsync(app, "203.0.113.9", "198.51.100.7");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Given_a_peer_in_a_configured_network_Then_the_forwarded_address_is_the_client()
    {
        await using var app = App(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8, 127.0.0.0/8, ::1/128" });

        var statuses = await PostTwiceAsync(app, "203.0.113.9", "198.51.100.7");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Given_nothing_configured_Then_a_proxy_on_the_same_host_is_trusted()
    {
        await using var app = App([]);

        var statuses = await PostTwiceAsync(app, "203.0.113.9", "198.51.100.7");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
    }

    private static BillCenterApp App(Dictionary<string, string?> settings)
    {
        settings["RateLimiting:AnonymousPostsPerMinute"] = "1";
        return new BillCenterApp(TestDatabase.Sqlite, realServer: true, settings: settings);
    }

    private static async Task<HttpStatusCode[]> PostTwiceAsync(BillCenterApp app, string firstClient, string secondClient)
    {
        // Over a real socket, so the app sees the peer's address (the in-memory test server has none, and with no peer
        // address ASP.NET Core believes X-Forwarded-For).
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = app.ServerAddress };
        var statuses = new List<HttpStatusCode>();
        foreach (var forwardedFor in new[] { firstClient, secondClient })
        {
            // A real sign-in form (token included) with a wrong password: 200 when allowed, 429 when over the limit.
            var form = await client.GetStringAsync(new Uri("/sign-in", UriKind.Relative), TestContext.Current.CancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(form),
                    ["Data.UserName"] = "nobody.here",
                    ["Data.Password"] = "not a real password",
                }),
            };
            if (forwardedFor.Length > 0)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }
            statuses.Add((await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }

        return [.. statuses];
    }
}
