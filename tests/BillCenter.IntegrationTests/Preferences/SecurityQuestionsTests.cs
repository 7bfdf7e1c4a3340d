using System.Text.RegularExpressions;
using BillCenter.Modules.Preferences.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>Setting security questions through the real HTTP pipeline, with the alert read back from the real SMTP server.</summary>
public abstract class SecurityQuestionsTests(NotificationAppFixture fixture)
{
    private const string Password = "juniper canyon lantern 42";
    private const string ChangedSubject = "Security alert: your security questions were changed";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_three_questions_and_answers_When_saved_Then_only_slow_hashes_are_kept_the_overview_says_so_and_an_alert_is_emailed()
    {
        var (client, userId, email) = await SignedInHolderAsync();
        Assert.Contains("Not set.", await client.GetStringAsync("/preferences", Cancel), StringComparison.Ordinal);
        var marker = TestMarkers.New();

        var response = await client.SubmitFormAsync("/preferences/security-questions", Answers(("first-pet", $"Biscuit {marker}"), ("first-car", "Ford Escort"), ("first-concert", "St. Mary's choir")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/preferences", response.Headers.Location?.OriginalString);
        var overview = await client.GetStringAsync("/preferences", Cancel);
        Assert.Contains("Your security questions are saved", overview, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Set on [A-Z][a-z]+ \d{1,2}, \d{4}"), overview);
        var form = await client.GetStringAsync("/preferences/security-questions", Cancel);
        Assert.Contains("<option value=\"first-pet\" selected>", form, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, form, StringComparison.OrdinalIgnoreCase);

        var rows = await RowsAsync(userId);
        Assert.Equal(["first-pet", "first-car", "first-concert"], rows.Select(r => r.QuestionKey));
        Assert.All(rows, r => Assert.StartsWith("AQAAAA", r.AnswerHash, StringComparison.Ordinal)); // the password hasher's PBKDF2 format
        Assert.All(rows, r => Assert.DoesNotContain(marker, r.AnswerHash, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, rows.Select(r => r.AnswerHash).Distinct().Count());
        Assert.DoesNotContain(marker, App.Logs.AllText, StringComparison.OrdinalIgnoreCase);
        await MailDrop.WaitForSubjectAsync(email, ChangedSubject);
    }

    [Theory]
    [InlineData("", "Biscuit", "first-car", "Ford", "first-concert", "Opera", "Data.Question1", "Select question 1")]
    [InlineData("first-pet", "Biscuit", "first-pet", "Ford", "first-concert", "Opera", "Data.Question2", "Select a different question for question 2: you chose this one for question 1")]
    [InlineData("first-pet", "Biscuit", "first-car", "Ford", "no-such-question", "Opera", "Data.Question3", "Select question 3 from the list")]
    [InlineData("first-pet", "", "first-car", "Ford", "first-concert", "Opera", "Data.Answer1", "Enter an answer to question 1")]
    [InlineData("first-pet", "Biscuit", "first-car", "X.-! Y", "first-concert", "Opera", "Data.Answer2", "Answer 2 must have at least 3 letters or numbers")]
    [InlineData("first-pet", "St. Mary's", "first-car", "Ford", "first-concert", "ST MARYS", "Data.Answer3", "Answer 3 must be different from answer 1")]
    public async Task Given_a_bad_choice_or_answer_Then_the_field_says_why_and_nothing_is_saved(
        string q1, string a1, string q2, string a2, string q3, string a3, string field, string message)
    {
        var (client, userId, _) = await SignedInHolderAsync();

        var response = await client.SubmitFormAsync("/preferences/security-questions", Answers((q1, a1), (q2, a2), (q3, a3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: Your security questions – BillCenter</title>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field.Replace('.', '_')}\">{System.Net.WebUtility.HtmlEncode(message)}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Biscuit\"", html, StringComparison.Ordinal); // answers are never written back
        Assert.Empty(await RowsAsync(userId));
    }

    [Fact]
    public async Task Given_questions_set_When_changed_Then_the_old_answers_no_longer_exist()
    {
        var (client, userId, _) = await SignedInHolderAsync();
        await client.SubmitFormAsync("/preferences/security-questions", Answers(("first-pet", "Biscuit"), ("first-car", "Ford"), ("first-concert", "Opera")));
        var before = await RowsAsync(userId);

        var response = await client.SubmitFormAsync("/preferences/security-questions", Answers(("first-school", "Lincoln"), ("first-car", "Volvo"), ("first-job", "Diner")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await RowsAsync(userId);
        Assert.Equal(["first-school", "first-car", "first-job"], after.Select(r => r.QuestionKey));
        Assert.Empty(after.Select(r => r.AnswerHash).Intersect(before.Select(r => r.AnswerHash)));
    }

    [Fact]
    public async Task Given_no_sign_in_Then_the_preferences_pages_send_to_sign_in()
    {
        var client = App.CreateBrowserLikeClient();
        foreach (var path in new[] { "/preferences", "/preferences/security-questions" })
        {
            var response = await client.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        }
    }

    private async Task<(HttpClient Client, string UserId, string Email)> SignedInHolderAsync()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, userId) = await App.NewCardholderAsync(Password, account);
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        return (client, userId, account.Email!);
    }

    private async Task<List<(string QuestionKey, string AnswerHash)>> RowsAsync(string userId)
    {
        var rows = new List<(string, string)>();
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PreferencesDbContext>();
            rows = [.. (await db.SecurityAnswers.Where(a => a.UserId == userId).OrderBy(a => a.Position).ToListAsync(Cancel)).Select(a => (a.QuestionKey, a.AnswerHash))];
        });
        return rows;
    }

    private static Dictionary<string, string> Answers((string Question, string Answer) first, (string Question, string Answer) second, (string Question, string Answer) third) => new()
    {
        ["Data.Question1"] = first.Question,
        ["Data.Answer1"] = first.Answer,
        ["Data.Question2"] = second.Question,
        ["Data.Answer2"] = second.Answer,
        ["Data.Question3"] = third.Question,
        ["Data.Answer3"] = third.Answer,
    };
}

public sealed class SecurityQuestionsTestsOnSqlite(SqliteNotificationFixture fixture) : SecurityQuestionsTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class SecurityQuestionsTestsOnPostgres(PostgresNotificationFixture fixture) : SecurityQuestionsTests(fixture), IClassFixture<PostgresNotificationFixture>;
