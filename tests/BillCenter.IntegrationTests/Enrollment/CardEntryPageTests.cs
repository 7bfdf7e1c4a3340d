using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Enrollment.Pages.Enroll;

namespace BillCenter.IntegrationTests;

/// <summary>
/// The pages that take a card number (/enroll/card, /enroll/account, /activate): they never write a card number or
/// card ID back into the page, whether the form was badly typed or the check failed, and their error summaries link
/// to fields that exist.
/// </summary>
public abstract partial class CardEntryPageTests(AppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> BadForms() => new()
    {
        // page, card number, card ID (or street for /enroll/account)
        { "/enroll/card", "3498 111111 222", "4826" },       // number too short, card ID well formed
        { "/enroll/card", "VALID", "48a7" },                  // number well formed, card ID badly typed
        { "/enroll/card", "VALID", "48271" },                 // card ID too long
        { "/enroll/account", "3498 111111 222", "12 Harbor Street" },
        { "/enroll/account", "VALID", string.Empty },         // number well formed, street missing
        { "/activate", "3498 111111 222", "4826" },
        { "/activate", "VALID", "48a7" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Given_a_badly_typed_form_Then_neither_the_card_number_nor_the_card_ID_is_written_back(string page, string number, string second)
    {
        var account = await App.OpenAsync();
        number = number == "VALID" ? account.CardNumbers[0] : number;

        var (status, html) = await PostAsync(page, number, second);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        AssertNothingWrittenBack(html, number, page == "/enroll/account" ? null : second);
    }

    [Theory]
    [InlineData("/enroll/card")]
    [InlineData("/enroll/account")]
    [InlineData("/activate")]
    public async Task Given_a_failed_check_Then_neither_the_card_number_nor_the_card_ID_is_written_back(string page)
    {
        var account = await App.OpenAsync(status: CardStatus.Issued);
        var number = account.CardNumbers[0];
        var wrong = page == "/enroll/account" ? "1 Other Road" : TestCards.WrongCardId(account.CardIdDigits[0]!);

        var (status, html) = await PostAsync(page, number, wrong);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        AssertNothingWrittenBack(html, number, page == "/enroll/account" ? null : wrong);
    }

    [Theory]
    [InlineData("/enroll/card")]
    [InlineData("/enroll/account")]
    [InlineData("/activate")]
    public async Task Given_a_failed_check_Then_the_message_at_the_card_number_says_what_more_failures_do_and_whom_to_call_but_not_how_many_tries_are_left(string page)
    {
        var account = await App.OpenAsync(status: CardStatus.Issued);
        var wrong = page == "/enroll/account" ? "1 Other Road" : TestCards.WrongCardId(account.CardIdDigits[0]!);

        var (_, html) = await PostAsync(page, account.CardNumbers[0], wrong);

        var summary = SummaryItemPattern().Match(html);
        Assert.True(summary.Success, "the error summary has no linked item");
        Assert.Equal("Data_CardNumber", summary.Groups[1].Value);
        var message = summary.Groups[2].Value;
        Assert.Contains("After several failed tries, online checks for this card are paused for up to 24 hours.", message, StringComparison.Ordinal);
        Assert.Contains("If you need help, call the number on the back of your card.", message, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]+ (more )?(tries|try|attempts?) left|remaining", message);
        Assert.Contains($"<p id=\"Data_CardNumber-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> {message}</p>", html, StringComparison.Ordinal);
        Assert.Matches("<input class=\"input input--width-20 input--error\" id=\"Data_CardNumber\" name=\"Data.CardNumber\" type=\"text\" autocomplete=\"cc-number\"", html);
        Assert.Contains("<form method=\"post\" novalidate autocomplete=\"off\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_unknown_a_cancelled_a_closed_or_a_locked_account_a_card_with_a_card_ID_or_a_wrong_address_Then_the_answers_are_identical()
    {
        var corporate = await App.OpenAsync(product: Product.CorporatePurchasing, mobile: null);
        var withCardId = await App.OpenAsync(mobile: null);
        var cancelled = await App.OpenAsync(product: Product.CorporatePurchasing, status: CardStatus.Cancelled, mobile: null);
        var locked = await App.OpenAsync(product: Product.CorporatePurchasing, mobile: null);
        for (var i = 0; i < 5; i++)
        {
            await App.SendAsync(new VerifyBillingAddress(TestCards.Parse(locked.CardNumbers[0]), "1 Other Road", TestCards.Zip(locked.Zip)));
        }

        var answers = new (string Case, (HttpStatusCode Status, string Html) Answer)[]
        {
            ("wrong address", await PostAsync("/enroll/account", corporate.CardNumbers[0], "1 Other Road")),
            ("unknown card", await PostAsync("/enroll/account", TestCards.NewCardNumber(), corporate.Street)),
            ("card with a card ID", await PostAsync("/enroll/account", withCardId.CardNumbers[0], withCardId.Street)),
            ("cancelled card", await PostAsync("/enroll/account", cancelled.CardNumbers[0], cancelled.Street)),
            ("locked account", await PostAsync("/enroll/account", locked.CardNumbers[0], locked.Street)),
        };

        Assert.Contains(AccountModel.Failure, answers[0].Answer.Html, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Answer.Status));
        Assert.All(answers.Skip(1), a => Assert.True(a.Answer.Html == answers[0].Answer.Html, $"the {a.Case} page differs from the {answers[0].Case} page"));
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string page, string number, string second)
    {
        var client = App.CreateBrowserLikeClient();
        Dictionary<string, string> fields;
        if (page == "/activate")
        {
            fields = new() { ["Data.CardNumber"] = number, ["Data.CardId"] = second };
        }
        else
        {
            var path = page == "/enroll/card" ? "CardWithCardId" : "AccountWithoutCardId";
            var chosen = await client.SubmitFormAsync("/enroll", new Dictionary<string, string> { ["Data.Path"] = path });
            Assert.Equal(page, chosen.Headers.Location?.OriginalString);
            fields = page == "/enroll/card"
                ? new() { ["Data.CardNumber"] = number, ["Data.CardId"] = second }
                : new() { ["Data.CardNumber"] = number, ["Data.Street"] = second, ["Data.Zip"] = "30301" };
        }

        var response = await client.SubmitFormAsync(page, fields);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, TokenPattern().Replace(html, "TOKEN"));
    }

    private static void AssertNothingWrittenBack(string html, string number, string? cardId)
    {
        var digits = number.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(number, html, StringComparison.Ordinal);
        Assert.DoesNotContain(digits, html, StringComparison.Ordinal);
        Assert.DoesNotContain(digits[..^4], html, StringComparison.Ordinal);
        foreach (var input in InputPattern().Matches(html).Select(m => m.Value).Where(i => i.Contains("name=\"Data.Card", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(" value=\"[^\"]+\"", input);
        }

        if (cardId is not null)
        {
            Assert.DoesNotContain($"\"{cardId}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain($">{cardId}<", html, StringComparison.Ordinal);
        }

        // Every link of the error summary leads to a field of the page.
        var links = SummaryLinkPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, id => Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<li><a href=\"#([^\"]+)\">([^<]+)</a></li>")]
    private static partial Regex SummaryItemPattern();

    [GeneratedRegex("<li><a href=\"#([^\"]+)\">")]
    private static partial Regex SummaryLinkPattern();
}

public sealed class CardEntryPageTestsOnSqlite(SqliteFixture fixture) : CardEntryPageTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CardEntryPageTestsOnPostgres(PostgresFixture fixture) : CardEntryPageTests(fixture), IClassFixture<PostgresFixture>;
