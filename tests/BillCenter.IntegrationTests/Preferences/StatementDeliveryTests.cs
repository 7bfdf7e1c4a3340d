using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>Choosing how a card account's statements arrive, through the real HTTP pipeline, and the contract the statement run asks.</summary>
public abstract class StatementDeliveryTests(AppFixture fixture)
{
    private const string Password = "harbor violet compass 63";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_no_choice_yet_Then_the_overview_the_page_and_the_contract_say_paperless()
    {
        var (client, account) = await SignedInHolderAsync();

        var overview = await client.GetStringAsync("/preferences", Cancel);
        Assert.Contains("Online (paperless)", Row(overview, account.CardAccountId), StringComparison.Ordinal);
        Assert.Contains($"href=\"/preferences/statements/{account.CardAccountId}\"", overview, StringComparison.Ordinal);

        var page = await client.GetStringAsync(StatementsPath(account), Cancel);
        Assert.Contains("You have not chosen yet", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Paperless\" checked", page, StringComparison.Ordinal);
        Assert.Contains($"stays online for {PaperlessConsent.MonthsOnline} months", page, StringComparison.Ordinal);
        Assert.Contains("free of charge", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Data.Consent\" type=\"checkbox\" value=\"true\" checked", page, StringComparison.Ordinal); // consent is never pre-checked
        Assert.Null(await RowAsync(account.CardAccountId));
        Assert.Equal(StatementDeliveryMethod.Paperless, (await App.SendAsync(new GetStatementDelivery([account.CardAccountId])))[account.CardAccountId]);
    }

    [Fact]
    public async Task Given_paper_chosen_Then_it_is_saved_without_consent_and_the_overview_says_so()
    {
        var (client, account) = await SignedInHolderAsync();

        var response = await client.SubmitFormAsync(StatementsPath(account), Choice("Paper", consent: false));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/preferences", response.Headers.Location?.OriginalString);
        var overview = await client.GetStringAsync("/preferences", Cancel);
        Assert.Contains("statements will come on paper by mail", overview, StringComparison.Ordinal);
        Assert.Contains("Paper by mail", Row(overview, account.CardAccountId), StringComparison.Ordinal);
        var row = await RowAsync(account.CardAccountId);
        Assert.NotNull(row);
        Assert.Equal(StatementDeliveryMethod.Paper, row.Method);
        Assert.Null(row.ConsentedAt);
        Assert.Null(row.ConsentVersion);
        Assert.Equal(StatementDeliveryMethod.Paper, (await App.SendAsync(new GetStatementDelivery([account.CardAccountId])))[account.CardAccountId]);
        Assert.Contains("value=\"Paper\" checked", await client.GetStringAsync(StatementsPath(account), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_paper_When_paperless_is_chosen_without_consent_Then_the_field_says_why_and_nothing_changes()
    {
        var (client, account) = await SignedInHolderAsync();
        await client.SubmitFormAsync(StatementsPath(account), Choice("Paper", consent: false));
        var before = await RowAsync(account.CardAccountId);

        var response = await client.SubmitFormAsync(StatementsPath(account), Choice("Paperless", consent: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: How you get your statements – BillCenter</title>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_Consent\">Check the box to agree to online statements, or choose paper by mail</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Data_Consent-error\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await RowAsync(account.CardAccountId));
        Assert.Equal(StatementDeliveryMethod.Paper, (await App.SendAsync(new GetStatementDelivery([account.CardAccountId])))[account.CardAccountId]);
    }

    [Fact]
    public async Task Given_paperless_chosen_with_consent_Then_the_consent_time_and_wording_version_are_saved()
    {
        var (client, account) = await SignedInHolderAsync();
        await client.SubmitFormAsync(StatementsPath(account), Choice("Paper", consent: false));
        var before = DateTime.UtcNow.AddSeconds(-1);

        var response = await client.SubmitFormAsync(StatementsPath(account), Choice("Paperless", consent: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await RowAsync(account.CardAccountId);
        Assert.NotNull(row);
        Assert.Equal(StatementDeliveryMethod.Paperless, row.Method);
        Assert.NotNull(row.ConsentedAt);
        Assert.InRange(row.ConsentedAt.Value, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(PaperlessConsent.Version, row.ConsentVersion);
        Assert.Contains("statements will be online", await client.GetStringAsync("/preferences", Cancel), StringComparison.Ordinal);
        Assert.Matches(new Regex(@"since you agreed on [A-Z][a-z]+ \d{1,2}, \d{4}"), await client.GetStringAsync(StatementsPath(account), Cancel));
    }

    [Fact]
    public async Task Given_no_choice_or_a_made_up_one_Then_the_field_says_why_and_nothing_is_saved()
    {
        var (client, account) = await SignedInHolderAsync();

        foreach (var (method, message) in new[] { ("", "Choose how you want to get your statements"), ("Carrier pigeon", "Choose online or paper by mail") })
        {
            var response = await client.SubmitFormAsync(StatementsPath(account), Choice(method, consent: true));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"href=\"#Data_Method\">{message}</a>", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Null(await RowAsync(account.CardAccountId));
    }

    [Fact]
    public async Task Given_another_users_card_account_Then_GET_and_POST_answer_404_and_nothing_changes()
    {
        var (client, own) = await SignedInHolderAsync();
        var (otherClient, other) = await SignedInHolderAsync();
        await otherClient.SubmitFormAsync(StatementsPath(other), Choice("Paper", consent: false));
        var before = await RowAsync(other.CardAccountId);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(StatementsPath(other), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/preferences/benefits/{other.CardAccountId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/preferences/statements/{Guid.NewGuid()}", Cancel)).StatusCode);
        // A form of one's own account, posted to the other's: the antiforgery token is good, the account is not.
        var post = await client.SubmitFormAsync(StatementsPath(own), StatementsPath(other), Choice("Paperless", consent: true));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var invalidPost = await client.SubmitFormAsync(StatementsPath(own), StatementsPath(other), Choice("Paperless", consent: false));
        Assert.Equal(HttpStatusCode.NotFound, invalidPost.StatusCode);

        Assert.Equal(before, await RowAsync(other.CardAccountId));
        Assert.Null(await RowAsync(own.CardAccountId));
    }

    [Fact]
    public async Task Given_many_card_accounts_When_the_contract_is_asked_Then_it_answers_each_in_one_SQL_command()
    {
        var (client, paper) = await SignedInHolderAsync();
        await client.SubmitFormAsync(StatementsPath(paper), Choice("Paper", consent: false));
        var (otherClient, paperless) = await SignedInHolderAsync();
        await otherClient.SubmitFormAsync(StatementsPath(paperless), Choice("Paperless", consent: true));
        var neverChosen = Guid.NewGuid();
        await App.SendAsync(new GetStatementDelivery([neverChosen])); // warm up: the first query compiles

        IReadOnlyDictionary<Guid, StatementDeliveryMethod> answer;
        IReadOnlyList<string> commands;
        using (App.SqlCommands.Record())
        {
            answer = await App.SendAsync(new GetStatementDelivery([paper.CardAccountId, paperless.CardAccountId, neverChosen]));
            commands = App.SqlCommands.Kinds;
        }

        Assert.Equal(["SELECT"], commands);
        Assert.Equal(3, answer.Count);
        Assert.Equal(StatementDeliveryMethod.Paper, answer[paper.CardAccountId]);
        Assert.Equal(StatementDeliveryMethod.Paperless, answer[paperless.CardAccountId]);
        Assert.Equal(StatementDeliveryMethod.Paperless, answer[neverChosen]);
        Assert.Empty(await App.SendAsync(new GetStatementDelivery([])));
    }

    [Fact]
    public async Task Given_the_setup_after_enrollment_Then_security_questions_lead_to_the_alerts_then_statement_delivery_of_the_first_account_then_the_overview()
    {
        var (client, account) = await SignedInHolderAsync();

        var questions = await client.GetStringAsync("/preferences/security-questions?setup=true", Cancel);
        Assert.Contains("<a class=\"link\" href=\"/preferences/alerts?setup=true\">Skip this step</a>", questions, StringComparison.Ordinal);
        var saved = await client.SubmitFormAsync("/preferences/security-questions?setup=true", new Dictionary<string, string>
        {
            ["Data.Question1"] = "first-pet",
            ["Data.Answer1"] = "Biscuit",
            ["Data.Question2"] = "first-car",
            ["Data.Answer2"] = "Ford Escort",
            ["Data.Question3"] = "first-concert",
            ["Data.Answer3"] = "Opera night",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/preferences/alerts?setup=true", saved.Headers.Location?.OriginalString);

        var alerts = await client.GetStringAsync("/preferences/alerts?setup=true", Cancel);
        Assert.Contains("Set up your account", alerts, StringComparison.Ordinal);
        Assert.Contains($"action=\"/preferences/alerts/{account.CardAccountId}?setup=true\"", alerts, StringComparison.Ordinal);
        Assert.Contains("<a class=\"link\" href=\"/preferences/statements?setup=true\">Skip this step</a>", alerts, StringComparison.Ordinal);

        var step = await client.GetStringAsync("/preferences/statements?setup=true", Cancel);
        Assert.Contains("Set up your account", step, StringComparison.Ordinal);
        Assert.Contains($"action=\"/preferences/statements/{account.CardAccountId}?setup=true\"", step, StringComparison.Ordinal);
        Assert.Contains("<a class=\"link\" href=\"/preferences\">Skip this step</a>", step, StringComparison.Ordinal);
        var response = await client.SubmitFormAsync("/preferences/statements?setup=true", $"/preferences/statements/{account.CardAccountId}?setup=true", Choice("Paper", consent: false));
        Assert.Equal("/preferences", response.Headers.Location?.OriginalString);
        Assert.Equal(StatementDeliveryMethod.Paper, (await RowAsync(account.CardAccountId))?.Method);
    }

    [Fact]
    public async Task Given_a_user_without_card_accounts_Then_the_setup_step_goes_to_the_overview_and_an_id_is_404()
    {
        var (userName, _) = await App.NewCardholderAsync(Password);
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);

        var setup = await client.GetAsync("/preferences/statements?setup=true", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        Assert.Equal("/preferences", setup.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/preferences/statements", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_no_sign_in_Then_the_statement_and_benefits_pages_send_to_sign_in()
    {
        var client = App.CreateBrowserLikeClient();
        foreach (var path in new[] { $"/preferences/statements/{Guid.NewGuid()}", $"/preferences/benefits/{Guid.NewGuid()}" })
        {
            var response = await client.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Given_a_card_account_Then_its_benefits_page_lists_every_benefit_and_the_overview_links_to_it()
    {
        var (client, account) = await SignedInHolderAsync();
        var catalog = (await App.SendAsync(new GetAccountSummaries(_users[account.CardAccountId]))).Single().Benefits;
        Assert.NotEmpty(catalog);

        var overview = await client.GetStringAsync("/preferences", Cancel);
        Assert.Contains($"<a class=\"link\" href=\"/preferences/benefits/{account.CardAccountId}\">See all benefits of your Gold Card</a>", overview, StringComparison.Ordinal);
        Assert.DoesNotContain(catalog[0].Description, overview, StringComparison.Ordinal); // the overview keeps to the titles

        var page = await client.GetStringAsync($"/preferences/benefits/{account.CardAccountId}", Cancel);
        Assert.Contains("<title>Benefits of your Gold Card – BillCenter</title>", page, StringComparison.Ordinal);
        Assert.All(catalog, b =>
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(b.Title), page, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(b.Description), page, StringComparison.Ordinal);
        });
    }

    /// <summary>The online user each card account opened here is linked to.</summary>
    private readonly Dictionary<Guid, string> _users = [];

    private async Task<(HttpClient Client, TestAccount Account)> SignedInHolderAsync()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, userId) = await App.NewCardholderAsync(Password, account);
        _users[account.CardAccountId] = userId;
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        return (client, account);
    }

    private static string StatementsPath(TestAccount account) => $"/preferences/statements/{account.CardAccountId}";

    private static Dictionary<string, string> Choice(string method, bool consent)
    {
        var fields = new Dictionary<string, string> { ["Data.Method"] = method };
        if (consent)
        {
            fields["Data.Consent"] = "true";
        }

        return fields;
    }

    /// <summary>The overview's statement-delivery row of one account.</summary>
    private static string Row(string overview, Guid cardAccountId)
    {
        var row = overview[overview.IndexOf($"data-testid=\"statements-{cardAccountId:N}\"", StringComparison.Ordinal)..];
        return row[..row.IndexOf("</div>", StringComparison.Ordinal)];
    }

    private sealed record Saved(StatementDeliveryMethod Method, DateTime ChosenAt, DateTime? ConsentedAt, string? ConsentVersion);

    private async Task<Saved?> RowAsync(Guid cardAccountId)
    {
        Saved? saved = null;
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PreferencesDbContext>();
            saved = await db.StatementDeliveries.AsNoTracking()
                .Where(d => d.CardAccountId == cardAccountId)
                .Select(d => new Saved(d.Method, d.ChosenAt, d.ConsentedAt, d.ConsentVersion))
                .SingleOrDefaultAsync(Cancel);
        });
        return saved;
    }
}

public sealed class StatementDeliveryTestsOnSqlite(SqliteFixture fixture) : StatementDeliveryTests(fixture), IClassFixture<SqliteFixture>;

public sealed class StatementDeliveryTestsOnPostgres(PostgresFixture fixture) : StatementDeliveryTests(fixture), IClassFixture<PostgresFixture>;
