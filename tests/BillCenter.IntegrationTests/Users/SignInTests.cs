using BillCenter.Host.DemoData;
using BillCenter.Modules.Users.Contracts;

namespace BillCenter.IntegrationTests;

public abstract class SignInTests(AppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_the_demo_cardholder_When_signing_in_Then_a_secure_http_only_session_cookie_is_issued()
    {
        var client = App.CreateBrowserLikeClient();

        var response = await client.SignInAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-bc.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", session, StringComparison.OrdinalIgnoreCase); // a session cookie, never persisted
    }

    [Fact]
    public async Task Given_an_empty_form_Then_each_field_says_what_to_enter_and_the_title_starts_with_Error()
    {
        var response = await App.CreateBrowserLikeClient().SubmitFormAsync("/sign-in", new Dictionary<string, string>());
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Sign in", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_UserName\">Enter your user ID</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_Password\">Enter your password</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Data_UserName-error\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("#Data_UserName", StringComparison.Ordinal) < html.IndexOf("#Data_Password", StringComparison.Ordinal), "the summary follows the form's order");
    }

    [Fact]
    public async Task Given_a_wrong_password_or_an_unknown_user_Then_the_answer_is_the_same()
    {
        var wrongPassword = await SignInPage(DemoData.CardholderUserId, "not the password at all");
        var unknownUser = await SignInPage($"nobody{Guid.NewGuid():N}"[..20], "not the password at all");

        Assert.Equal(Normalize(wrongPassword), Normalize(unknownUser));
        Assert.Contains("Enter a correct user ID and password", wrongPassword, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_five_wrong_passwords_Then_the_online_account_is_locked_even_for_the_right_password()
    {
        var (userId, _) = await NewUserAsync("lockme");
        for (var i = 0; i < 5; i++)
        {
            await SignInPage(userId, "definitely wrong password");
        }

        var html = await SignInPage(userId, Password);

        Assert.Contains("Your online account is locked for 15 minutes", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_signed_in_user_When_signing_out_with_a_post_Then_the_session_ends()
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);

        var signOut = await client.SubmitFormAsync("/sign-out", new Dictionary<string, string>());
        var after = await client.GetAsync("/accounts", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/sign-in", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private const string Password = "violet kettle summit 31";

    private async Task<(string UserName, string Id)> NewUserAsync(string prefix)
    {
        var userName = TestUsers.NewUserId(prefix);
        var result = await App.SendAsync(new CreateUser(userName, Password));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return (userName, result.UserId!);
    }

    private async Task<string> SignInPage(string userId, string password)
    {
        var response = await App.CreateBrowserLikeClient().SignInAsync(userId, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>What the page says about the failure: the error summary and the inline message.</summary>
    private static string Normalize(string html) =>
        string.Join('|', System.Text.RegularExpressions.Regex.Matches(html, "<div class=\"error-summary\"[\\s\\S]*?</div>|<p id=\"[^\"]+-error\"[\\s\\S]*?</p>|<title>[\\s\\S]*?</title>")
            .Select(m => m.Value));
}

public sealed class SignInTestsOnSqlite(SqliteFixture fixture) : SignInTests(fixture), IClassFixture<SqliteFixture>;

public sealed class SignInTestsOnPostgres(PostgresFixture fixture) : SignInTests(fixture), IClassFixture<PostgresFixture>;
