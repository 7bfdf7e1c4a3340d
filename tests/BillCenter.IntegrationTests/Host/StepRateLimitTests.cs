using BillCenter.Host.DemoData;

namespace BillCenter.IntegrationTests;

/// <summary>
/// Each guessable step (card check, send code, enter code, sign-in) has its own limit, per signed-in user or else per
/// client address, an IPv6 address counting as its /64. On a real loopback server the client address is set through
/// X-Forwarded-For, believed from loopback (a proxy on the same host).
/// </summary>
public sealed class StepRateLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_two_IPv6_addresses_in_one_64_Then_their_sign_ins_share_one_limit()
    {
        await using var app = App(("SignIn", 1));

        var first = await WrongSignInAsync(app, "2001:db8:1:2::10");
        var second = await WrongSignInAsync(app, "2001:db8:1:2:ffff:ffff:ffff:99");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], [first, second]);
    }

    [Fact]
    public async Task Given_IPv6_addresses_in_different_64s_or_two_IPv4_addresses_Then_each_has_its_own_limit()
    {
        await using var app = App(("SignIn", 1));

        var statuses = new[]
        {
            await WrongSignInAsync(app, "2001:db8:1:2::10"),
            await WrongSignInAsync(app, "2001:db8:1:3::10"),
            await WrongSignInAsync(app, "203.0.113.9"),
            await WrongSignInAsync(app, "203.0.113.10"),
            await WrongSignInAsync(app, "203.0.113.10"),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Given_two_signed_in_users_on_one_address_Then_each_user_has_their_own_card_check_limit()
    {
        await using var app = App(("CardCheck", 1));
        const string office = "198.51.100.20";
        using var cardholder = new Browser(app, office);
        using var admin = new Browser(app, office);
        await cardholder.SignInAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);
        await admin.SignInAsync(DemoData.AdminUserId, DemoData.AdminPassword);

        var cardholderFirst = await cardholder.PostAsync("/activate", UnknownCard());
        var cardholderSecond = await cardholder.PostAsync("/activate", UnknownCard());
        var adminFirst = await admin.PostAsync("/activate", UnknownCard());
        using var anonymous = new Browser(app, office);
        var anonymousFirst = await anonymous.PostAsync("/activate", UnknownCard());

        Assert.Equal(HttpStatusCode.OK, cardholderFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, cardholderSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymousFirst.StatusCode);
    }

    [Fact]
    public async Task Given_the_sign_in_limit_is_used_up_Then_the_card_check_and_the_code_steps_still_answer()
    {
        await using var app = App(("SignIn", 1));
        const string client = "203.0.113.50";

        Assert.Equal(HttpStatusCode.OK, await WrongSignInAsync(app, client));
        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongSignInAsync(app, client));

        using var browser = new Browser(app, client);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/activate", UnknownCard())).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await browser.PostAsync("/enroll/card", UnknownCard())).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await browser.PostAsync("/enroll/code", new() { ["Data.Code"] = "123456" })).StatusCode);
    }

    [Fact]
    public async Task Given_each_step_s_pages_Then_they_count_against_that_step_and_a_new_code_is_a_send_code()
    {
        await using var app = App(("CardCheck", 1), ("SendCode", 1), ("EnterCode", 1));
        using var browser = new Browser(app, "203.0.113.60");

        // Outside a journey each post is sent back to the start (302), but it was counted first.
        var cardChecks = new[] { await browser.PostAsync("/enroll/card", UnknownCard()), await browser.PostAsync("/enroll/account", UnknownCard()) };
        var sends = new[] { await browser.PostAsync("/enroll/send-code", new() { ["Data.Channel"] = "Email" }), await browser.PostAsync("/enroll/code?handler=Resend", []) };
        var codes = new[] { await browser.PostAsync("/enroll/code", new() { ["Data.Code"] = "123456" }), await browser.PostAsync("/enroll/code", new() { ["Data.Code"] = "123456" }) };

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], cardChecks.Select(r => r.StatusCode));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], sends.Select(r => r.StatusCode));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], codes.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Given_a_refused_attempt_Then_the_answer_is_a_429_page_saying_in_its_HTML_how_long_to_wait_with_Retry_After()
    {
        await using var app = App(("SignIn", 1));
        using var browser = new Browser(app, "203.0.113.70");
        await browser.PostAsync("/sign-in", WrongSignIn());

        var refused = await browser.PostAsync("/sign-in", WrongSignIn());
        var html = await refused.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After");
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Contains("<h1 class=\"heading-xl\">Too many attempts</h1>", html, StringComparison.Ordinal);
        Assert.Contains("wait 15 minutes and try again", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_refused_post_without_an_antiforgery_token_Then_the_answer_is_still_429_with_the_page()
    {
        await using var app = App(("SignIn", 1));
        using var browser = new Browser(app, "203.0.113.80");
        await browser.PostAsync("/sign-in", WrongSignIn());

        var stepRefused = await browser.PostAsync("/sign-in", WrongSignIn(), withToken: false);

        Assert.Equal(HttpStatusCode.TooManyRequests, stepRefused.StatusCode);
        Assert.Contains("Too many attempts", await stepRefused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_anonymous_post_limit_is_used_up_Then_a_post_without_an_antiforgery_token_is_still_answered_429_with_the_page()
    {
        await using var app = new BillCenterApp(TestDatabase.Sqlite, realServer: true, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:AnonymousPostsPerMinute"] = "1",
        });
        using var browser = new Browser(app, "203.0.113.90");
        await browser.PostAsync("/sign-in", WrongSignIn());

        using var cookieless = new Browser(app, "203.0.113.90");

        var refused = new[]
        {
            await browser.PostAsync("/enroll", new() { ["Data.Path"] = "CardWithCardId" }, withToken: false),
            await cookieless.PostAsync("/sign-in", WrongSignIn(), withToken: false),
        };

        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Contains("Too many attempts", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
    }

    private static BillCenterApp App(params (string Step, int Attempts)[] limits) =>
        new(TestDatabase.Sqlite, realServer: true, settings: limits.ToDictionary(l => $"RateLimiting:{l.Step}:Attempts", l => (string?)l.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<HttpStatusCode> WrongSignInAsync(BillCenterApp app, string clientAddress)
    {
        using var browser = new Browser(app, clientAddress);
        return (await browser.PostAsync("/sign-in", WrongSignIn())).StatusCode;
    }

    private static Dictionary<string, string> WrongSignIn() => new() { ["Data.UserName"] = "nobody.here", ["Data.Password"] = "not a real password" };

    private static Dictionary<string, string> UnknownCard() => new() { ["Data.CardNumber"] = TestCards.NewCardNumber(), ["Data.CardId"] = "1234" };

    /// <summary>A cookie-keeping client on the real server whose requests come, through the proxy on loopback, from <c>clientAddress</c>.</summary>
    private sealed class Browser : IDisposable
    {
        private readonly BillCenterApp _app;
        private readonly HttpClient _client;
        private readonly string _clientAddress;

        public Browser(BillCenterApp app, string clientAddress)
        {
            _app = app;
            _clientAddress = clientAddress;
            _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.ServerAddress };
        }

        public async Task SignInAsync(string userId, string password)
        {
            var response = await PostAsync("/sign-in", new() { ["Data.UserName"] = userId, ["Data.Password"] = password });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            if (response.Headers.Location?.OriginalString is { } codePage && codePage.StartsWith("/sign-in/code", StringComparison.Ordinal))
            {
                // An admin: the emailed second factor completes the sign-in.
                response = await PostAsync(codePage, new() { ["Data.Code"] = await _app.LatestSignInCodeAsync() });
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.DoesNotContain("/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            }
        }

        /// <summary>Posts the fields with a fresh antiforgery token (read from the sign-in page, as this user), or without one.</summary>
        public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, bool withToken = true)
        {
            if (withToken)
            {
                using var get = Request(HttpMethod.Get, "/activate");
                var form = await (await _client.SendAsync(get, Cancel)).Content.ReadAsStringAsync(Cancel);
                fields = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(form) };
            }

            var post = Request(HttpMethod.Post, path);
            post.Content = new FormUrlEncodedContent(fields);
            return await _client.SendAsync(post, Cancel);
        }

        public void Dispose() => _client.Dispose();

        private HttpRequestMessage Request(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-Forwarded-For", _clientAddress);
            return request;
        }
    }
}
