using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Audit.Data;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// The "new sign-in from a new device" security alert, through the real HTTP pipeline: read back from the real SMTP
/// server and the fake Twilio. A browser is recognized by its device cookie; the database keeps only the token's hash.
/// </summary>
public abstract partial class SignInFromNewDeviceTests(SmsAppFixture fixture)
{
    private const string Password = "harbor thistle compass 58";
    private const string Subject = "Security alert: a new sign-in to your online account";
    private const string ChromeOnWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_fresh_browser_When_signing_in_Then_the_alert_reaches_the_email_and_mobile_on_file_and_the_same_browser_signing_in_again_sends_none()
    {
        var app = await fixture.AppAsync();
        var mobile = NewMobile();
        var account = await app.OpenAsync(mobile: mobile);
        var (userName, userId) = await app.NewCardholderAsync(Password, account);
        var browser = Browser(app);

        await browser.SignInOrFailAsync(userName, Password);

        var mail = await MailDrop.WaitForSubjectAsync(account.Email!, Subject);
        Assert.Contains("from a device we did not recognize: Chrome on Windows, on ", mail.TextBody, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"on [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M UTC\."), mail.TextBody);
        Assert.Contains("If this was not you, sign in at http://localhost:5080/sign-in and change your password, then call the number on the back of your card.",
            mail.TextBody, StringComparison.Ordinal);
        var text = Assert.Single(await TextsToAsync(app, mobile, 1));
        Assert.Contains("signed in to your online account from a device we did not recognize: Chrome on Windows", text.Body, StringComparison.Ordinal);
        Assert.Equal(2, await AlertsForAsync(app, userId));
        Assert.Equal(1, await EventsAsync(app, userId, SecurityEventKind.NewDeviceSignIn));

        // The same browser, signed out and in again: known, so no alert (the alert is queued within the sign-in request).
        await SignOutAsync(browser);
        await browser.SignInOrFailAsync(userName, Password);

        Assert.Equal(2, await AlertsForAsync(app, userId));
        Assert.Equal(1, await EventsAsync(app, userId, SecurityEventKind.NewDeviceSignIn));
        var device = Assert.Single(await DevicesAsync(app, userId));
        Assert.Equal("Chrome on Windows", device.Name);
        Assert.True(device.LastSeenAt > device.FirstSeenAt);

        // Another browser is new again.
        await Browser(app).SignInOrFailAsync(userName, Password);
        Assert.Equal(4, await AlertsForAsync(app, userId));
        Assert.Equal(2, (await DevicesAsync(app, userId)).Count);
        Assert.Equal(2, (await MailDrop.WaitForAsync(account.Email!, 2)).Count(m => m.Subject == Subject));
    }

    [Fact]
    public async Task Given_a_sign_in_Then_the_device_cookie_is_long_lived_and_http_only_and_the_database_holds_only_the_tokens_hash()
    {
        var app = await fixture.AppAsync();
        var (userName, userId) = await app.NewCardholderAsync(Password, await app.OpenAsync(mobile: null));
        var browser = Browser(app);

        var response = await browser.SignInAsync(userName, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-bc.device=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        var expires = DateTimeOffset.Parse(DeviceCookieExpires().Match(cookie).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expires > DateTimeOffset.UtcNow.AddDays(365), $"the device cookie expires {expires}");
        var token = cookie["__Host-bc.device=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        Assert.Equal(43, token.Length); // 256 random bits, base64url

        var device = Assert.Single(await DevicesAsync(app, userId));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)), device.TokenHash);
        Assert.NotEqual(Encoding.ASCII.GetBytes(token), device.TokenHash);
        Assert.DoesNotContain(token, device.Name, StringComparison.Ordinal);
        Assert.DoesNotContain(token, app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_browser_shared_by_two_users_Then_it_is_new_to_each_of_them_once()
    {
        var app = await fixture.AppAsync();
        var (firstName, firstId) = await app.NewCardholderAsync(Password, await app.OpenAsync(mobile: null));
        var (secondName, secondId) = await app.NewCardholderAsync(Password, await app.OpenAsync(mobile: null));
        var browser = Browser(app);

        await browser.SignInOrFailAsync(firstName, Password);
        await SignOutAsync(browser);
        await browser.SignInOrFailAsync(secondName, Password);
        await SignOutAsync(browser);
        await browser.SignInOrFailAsync(firstName, Password);

        Assert.Equal(1, await AlertsForAsync(app, firstId));
        Assert.Equal(1, await AlertsForAsync(app, secondId));
        Assert.Equal((await DevicesAsync(app, firstId))[0].TokenHash, (await DevicesAsync(app, secondId))[0].TokenHash);
    }

    [Fact]
    public async Task Given_a_new_online_account_When_the_browser_that_created_it_signs_in_again_Then_no_alert_is_sent_but_another_browser_gets_one()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: null);
        var browser = Browser(app);
        var userName = TestUsers.NewUserId("enrolled");

        await ExpectRedirectAsync(browser.SubmitFormAsync("/enroll", new Dictionary<string, string> { ["Data.Path"] = "CardWithCardId" }), "/enroll/card");
        await ExpectRedirectAsync(browser.SubmitFormAsync("/enroll/card", new Dictionary<string, string>
        {
            ["Data.CardNumber"] = account.CardNumbers[0],
            ["Data.CardId"] = account.CardIdDigits[0]!,
        }), "/enroll/send-code");
        await ExpectRedirectAsync(browser.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Email" }), "/enroll/code");
        var code = SecurityCodes.In(await MailDrop.WaitForSubjectAsync(account.Email!, "Your BillCenter one-time code"));
        await ExpectRedirectAsync(browser.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = code }), "/enroll/credentials");
        await ExpectRedirectAsync(browser.SubmitFormAsync("/enroll/credentials", new Dictionary<string, string>
        {
            ["Data.UserName"] = userName,
            ["Data.Password"] = Password,
        }), "/enroll/check");
        await ExpectRedirectAsync(browser.SubmitFormAsync("/enroll/check", new Dictionary<string, string>()), "/enroll/done");
        var userId = await UserIdOfAsync(app, userName);
        Assert.Single(await DevicesAsync(app, userId));

        await SignOutAsync(browser);
        await browser.SignInOrFailAsync(userName, Password);

        Assert.Equal(0, await AlertsForAsync(app, userId));
        Assert.Single(await DevicesAsync(app, userId));

        await Browser(app).SignInOrFailAsync(userName, Password);

        Assert.Equal(1, await AlertsForAsync(app, userId));
        var mail = await MailDrop.WaitForAsync(account.Email!, 4); // code, welcome, account created, new sign-in
        Assert.Single(mail, m => m.Subject == Subject);
        Assert.Single(mail, m => m.Subject == "Security alert: an online account was created for your card");
    }

    [Fact]
    public async Task Given_an_admin_Then_the_browser_is_recorded_only_after_the_one_time_code()
    {
        var app = await fixture.AppAsync();
        var userName = TestUsers.NewUserId("admin");
        var created = await app.SendAsync(new CreateUser(userName, Password, $"{userName}@example.com", IsAdmin: true));
        Assert.True(created.Succeeded);
        var browser = Browser(app);

        var password = await browser.SignInAsync(userName, Password);
        Assert.StartsWith("/sign-in/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Empty(await DevicesAsync(app, created.UserId!));

        var code = await app.LatestSignInCodeAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Data.Code"] = code })).StatusCode);

        Assert.Single(await DevicesAsync(app, created.UserId!));
        Assert.Equal(1, await EventsAsync(app, created.UserId!, SecurityEventKind.NewDeviceSignIn));
    }

    [Fact]
    public async Task Given_more_browsers_than_are_remembered_Then_the_least_recently_used_one_is_forgotten()
    {
        var app = await fixture.AppAsync();
        var userName = TestUsers.NewUserId("many");
        var created = await app.SendAsync(new CreateUser(userName, Password)); // no contact on file: no alert to send
        Assert.True(created.Succeeded);
        var first = Browser(app);
        await first.SignInOrFailAsync(userName, Password);

        for (var i = 0; i < KnownDevice.MaxPerUser; i++)
        {
            await Browser(app).SignInOrFailAsync(userName, Password);
        }

        Assert.Equal(KnownDevice.MaxPerUser, (await DevicesAsync(app, created.UserId!)).Count);
        await SignOutAsync(first);
        await first.SignInOrFailAsync(userName, Password);
        Assert.Equal(KnownDevice.MaxPerUser + 2, await EventsAsync(app, created.UserId!, SecurityEventKind.NewDeviceSignIn));
        Assert.Equal(KnownDevice.MaxPerUser, (await DevicesAsync(app, created.UserId!)).Count);
    }

    [Fact]
    public async Task Given_the_alert_cannot_be_queued_When_signing_in_from_a_new_browser_Then_the_sign_in_goes_on_and_the_failure_is_logged()
    {
        await using var app = new BillCenterApp(fixture.Database);
        var (userName, userId) = await app.NewCardholderAsync(Password, await app.OpenAsync(mobile: null));
        // The alerts' table is gone: queuing any alert fails with a database error.
        await app.WithScopeAsync(services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            return fixture.Database == TestDatabase.Postgres
                ? db.Database.ExecuteSqlRawAsync("ALTER TABLE notifications.notifications RENAME TO notifications_gone", Cancel)
                : db.Database.ExecuteSqlRawAsync("ALTER TABLE notifications RENAME TO notifications_gone", Cancel);
        });

        await Browser(app).SignInOrFailAsync(userName, Password);

        Assert.Single(await DevicesAsync(app, userId));
        Assert.Equal(1, await EventsAsync(app, userId, SecurityEventKind.NewDeviceSignIn));
        Assert.Contains("The new-sign-in security alert could not be queued", app.Logs.AllText, StringComparison.Ordinal);
    }

    private static HttpClient Browser(BillCenterApp app)
    {
        var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(ChromeOnWindows);
        return client;
    }

    private static async Task SignOutAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/sign-out", new Dictionary<string, string>())).StatusCode);

    private static string NewMobile() => $"+1404{Random.Shared.Next(200, 1000)}{Random.Shared.Next(1000, 10000)}";

    private Task<IReadOnlyList<FakeTwilioRequest>> TextsToAsync(BillCenterApp app, string mobile, int count) =>
        Eventually.MatchAsync(
            () => Task.FromResult<IReadOnlyList<FakeTwilioRequest>>([.. fixture.Twilio.Requests.Where(r => r.To == mobile)]),
            texts => texts.Count >= count,
            texts => $"expected {count} text(s) to {mobile}, got {texts.Count}");

    /// <summary>The "new sign-in" notifications queued for the user (one per email and mobile on file per alert).</summary>
    private static async Task<int> AlertsForAsync(BillCenterApp app, string userId)
    {
        var count = 0;
        await app.WithScopeAsync(async services => count = await services.GetRequiredService<NotificationsDbContext>().Notifications
            .CountAsync(n => n.UserId == userId && n.Template == "new-sign-in", Cancel));
        return count;
    }

    private static async Task<int> EventsAsync(BillCenterApp app, string userId, SecurityEventKind kind)
    {
        var count = 0;
        await app.WithScopeAsync(async services => count = await services.GetRequiredService<AuditDbContext>().SecurityEvents
            .CountAsync(e => e.UserId == userId && e.Kind == kind, Cancel));
        return count;
    }

    private static async Task<List<KnownDevice>> DevicesAsync(BillCenterApp app, string userId)
    {
        var devices = new List<KnownDevice>();
        await app.WithScopeAsync(async services => devices = await services.GetRequiredService<UsersDbContext>().KnownDevices.AsNoTracking()
            .Where(d => d.UserId == userId).ToListAsync(Cancel));
        return devices;
    }

    private static async Task<string> UserIdOfAsync(BillCenterApp app, string userName)
    {
        var id = string.Empty;
        await app.WithScopeAsync(async services => id = await services.GetRequiredService<UsersDbContext>().Users
            .Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Cancel));
        return id;
    }

    private static async Task ExpectRedirectAsync(Task<HttpResponseMessage> send, string location)
    {
        var response = await send;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"expected a redirect to {location}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("expires=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DeviceCookieExpires();
}

public sealed class SignInFromNewDeviceTestsOnSqlite(SqliteSmsFixture fixture) : SignInFromNewDeviceTests(fixture), IClassFixture<SqliteSmsFixture>;

public sealed class SignInFromNewDeviceTestsOnPostgres(PostgresSmsFixture fixture) : SignInFromNewDeviceTests(fixture), IClassFixture<PostgresSmsFixture>;
