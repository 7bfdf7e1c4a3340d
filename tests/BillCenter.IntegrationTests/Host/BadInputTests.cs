namespace BillCenter.IntegrationTests;

/// <summary>
/// Control characters (a NUL byte, which PostgreSQL refuses in text, a bell, an escape, DEL, a C1 control) and
/// over-long values in any field of any form: the field says what is wrong, in the error summary too, the page stays
/// where it was (nothing moves on, nothing is saved) and the bad value is not written back. Never a 500.
/// </summary>
public abstract class BadInputTests(NotificationAppFixture fixture)
{
    private const string Password = "lantern orchard meadow 17";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static readonly string[] ControlCharacterValues = ["\0", "ab\0cd", "12\a34", "\u001b[31m", "x\u007f", "y\u0085"];

    public static TheoryData<string, string> Fields => new()
    {
        { "/sign-in", "UserName" },
        { "/sign-in", "Password" },
        { "/activate", "CardNumber" },
        { "/activate", "CardId" },
        { "/enroll", "Path" },
        { "/enroll/card", "CardNumber" },
        { "/enroll/card", "CardId" },
        { "/enroll/account", "CardNumber" },
        { "/enroll/account", "Street" },
        { "/enroll/account", "Zip" },
        { "/enroll/send-code", "Channel" },
        { "/enroll/code", "Code" },
        { "/enroll/credentials", "UserName" },
        { "/enroll/credentials", "Password" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Given_control_characters_in_a_field_Then_the_field_says_so_and_nothing_moves_on(string page, string field)
    {
        var (client, form) = await OpenAsync(page);
        foreach (var value in ControlCharacterValues)
        {
            if (value.Contains('\0', StringComparison.Ordinal) && await RefusedWithStatusPageAsync(client, page, form, field, value))
            {
                continue; // A NUL byte may already be refused as a malformed request: 400 with the status page is fine too.
            }

            var html = await RefusedAsync(client, page, form, field, value);

            Assert.Contains($"href=\"#Data_{field}\">", html, StringComparison.Ordinal);
            Assert.Matches($"href=\"#Data_{field}\">[^<]+ must not contain control characters</a>", html);
            if (field != "Channel") // The radio group of a refused post has no choices to show its message under; the summary has it.
            {
                Assert.Matches($"id=\"Data_{field}-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> [^<]+ must not contain control characters</p>", html);
            }
            Assert.DoesNotContain(value, html, StringComparison.Ordinal);
            Assert.DoesNotContain("&#x0;", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Given_a_megabyte_in_a_field_Then_the_field_says_it_is_too_long_and_nothing_moves_on(string page, string field)
    {
        var (client, form) = await OpenAsync(page);
        var value = new string('7', 1_000_000);

        var html = await RefusedAsync(client, page, form, field, value);

        Assert.Matches($"href=\"#Data_{field}\">[^<]+ must be 1,000 characters or fewer</a>", html);
        Assert.True(html.Length < 100_000, $"the page is {html.Length} characters: the value was written back");
    }

    [Fact]
    public async Task Given_a_NUL_byte_in_the_new_user_ID_Then_the_journey_does_not_move_on_to_the_check()
    {
        var (client, form) = await OpenAsync("/enroll/credentials");
        var userId = TestUsers.NewUserId("nul");

        if (!await RefusedWithStatusPageAsync(client, "/enroll/credentials", form, "UserName", userId + "\0"))
        {
            await RefusedAsync(client, "/enroll/credentials", form, "UserName", userId + "\0");
        }

        var check = await client.GetAsync("/enroll/check", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, check.StatusCode);
    }

    [Fact]
    public async Task Given_a_form_larger_than_any_page_takes_or_with_too_many_fields_Then_400_with_the_status_page()
    {
        var client = App.CreateBrowserLikeClient();
        var huge = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Data.UserName"] = new string('a', 5_000_000), ["Data.Password"] = "x" });
        var many = await client.SubmitFormAsync("/activate", Enumerable.Range(0, 1_500).ToDictionary(i => $"Field{i}", i => "1"));

        foreach (var response in new[] { huge, many })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Sorry, we could not process that request", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
    }

    /// <summary>True when the post was refused whole (400, the status page); false when the page answered (checked by the caller).</summary>
    private static async Task<bool> RefusedWithStatusPageAsync(HttpClient client, string page, Dictionary<string, string> form, string field, string value)
    {
        var response = await client.SubmitFormAsync(page, new Dictionary<string, string>(form) { [$"Data.{field}"] = value });
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return false;
        }

        Assert.Contains("Sorry, we could not process that request", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        return true;
    }

    private static async Task<string> RefusedAsync(HttpClient client, string page, Dictionary<string, string> form, string field, string value)
    {
        var response = await client.SubmitFormAsync(page, new Dictionary<string, string>(form) { [$"Data.{field}"] = value });
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} {field}: expected the form again, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>A client on <paramref name="page"/> (walked through the journey up to it), and a valid form for it.</summary>
    private async Task<(HttpClient Client, Dictionary<string, string> Form)> OpenAsync(string page)
    {
        var client = App.CreateBrowserLikeClient();
        switch (page)
        {
            case "/sign-in":
                return (client, new() { ["Data.UserName"] = "nobody.here", ["Data.Password"] = "not a real password" });
            case "/activate":
                return (client, new() { ["Data.CardNumber"] = TestCards.NewCardNumber(), ["Data.CardId"] = "1234" });
            case "/enroll":
                return (client, new() { ["Data.Path"] = "CardWithCardId" });
            case "/enroll/card":
                await GoAsync(client, "/enroll", new() { ["Data.Path"] = "CardWithCardId" }, "/enroll/card");
                return (client, new() { ["Data.CardNumber"] = TestCards.NewCardNumber(), ["Data.CardId"] = "1234" });
            case "/enroll/account":
                await GoAsync(client, "/enroll", new() { ["Data.Path"] = "AccountWithoutCardId" }, "/enroll/account");
                return (client, new() { ["Data.CardNumber"] = TestCards.NewCardNumber(), ["Data.Street"] = "1 Main Street", ["Data.Zip"] = "30301" });
        }

        var account = await App.OpenAsync(mobile: null);
        await GoAsync(client, "/enroll", new() { ["Data.Path"] = "CardWithCardId" }, "/enroll/card");
        await GoAsync(client, "/enroll/card", new() { ["Data.CardNumber"] = account.CardNumbers[0], ["Data.CardId"] = account.CardIdDigits[0]! }, "/enroll/send-code");
        if (page == "/enroll/send-code")
        {
            return (client, new() { ["Data.Channel"] = "Email" });
        }

        await GoAsync(client, "/enroll/send-code", new() { ["Data.Channel"] = "Email" }, "/enroll/code");
        if (page == "/enroll/code")
        {
            return (client, new() { ["Data.Code"] = "123456" });
        }

        var mail = await MailDrop.WaitForAsync(account.Email!);
        await GoAsync(client, "/enroll/code", new() { ["Data.Code"] = SecurityCodes.In(Assert.Single(mail)) }, "/enroll/credentials");
        return (client, new() { ["Data.UserName"] = TestUsers.NewUserId("bad"), ["Data.Password"] = Password });
    }

    private static async Task GoAsync(HttpClient client, string page, Dictionary<string, string> form, string next)
    {
        var response = await client.SubmitFormAsync(page, form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: expected a redirect to {next}, got {(int)response.StatusCode}");
        Assert.Equal(next, response.Headers.Location?.OriginalString);
    }
}

public sealed class BadInputTestsOnSqlite(SqliteNotificationFixture fixture) : BadInputTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class BadInputTestsOnPostgres(PostgresNotificationFixture fixture) : BadInputTests(fixture), IClassFixture<PostgresNotificationFixture>;
