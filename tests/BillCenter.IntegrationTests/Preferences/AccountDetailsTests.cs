using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Audit.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// The billing address and nickname of a card account, changed from Preferences through the Accounts contracts over the
/// real HTTP pipeline, with the alert read back from the real SMTP server and the new address checked as enrollment checks it.
/// </summary>
public abstract class AccountDetailsTests(NotificationAppFixture fixture)
{
    private const string Password = "harbor quartz meadow 58";
    private const string ChangedSubject = "Security alert: your billing address was changed";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_new_address_When_saved_Then_the_address_checks_use_it_the_overview_shows_it_and_an_alert_is_emailed()
    {
        var (client, userId, account) = await SignedInHolderAsync(Product.CorporatePurchasing);
        var form = await client.GetStringAsync(AddressPath(account), Cancel);
        Assert.Contains($"value=\"{account.Street}\"", form, StringComparison.Ordinal); // prefilled with the address on file
        Assert.Contains("<option value=\"GA\" selected>", form, StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(AddressPath(account), Address("77 Lakeshore Drive", "Suite 5", "Madison", "WI", "53703-1234"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/preferences", response.Headers.Location?.OriginalString);
        var overview = await client.GetStringAsync("/preferences", Cancel);
        Assert.Contains("Your billing address for the card ending", overview, StringComparison.Ordinal);
        Assert.Contains("77 Lakeshore Drive", overview, StringComparison.Ordinal);
        Assert.Contains("Madison, WI 53703-1234", overview, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Street, overview, StringComparison.Ordinal);

        // Enrollment's and recovery's address check now compares with the new address, and the old one fails.
        var number = TestCards.Parse(account.CardNumbers[0]);
        Assert.True((await App.SendAsync(new VerifyBillingAddress(number, "77 LAKESHORE DR", TestCards.Zip("53703"), OnlyCardsWithoutCardId: true))).Verified);
        Assert.False((await App.SendAsync(new VerifyBillingAddress(number, account.Street, TestCards.Zip(account.Zip), OnlyCardsWithoutCardId: true))).Verified);

        // The same through recovery's billing address step: the old address is refused, the new one leads on to the code.
        foreach (var (street, zip, expected) in new[] { (account.Street, account.Zip, (string?)null), ("77 Lakeshore Dr.", "53703", "/recover/send-code") })
        {
            var recover = App.CreateBrowserLikeClient();
            Assert.Equal(HttpStatusCode.Redirect, (await recover.SubmitFormAsync("/recover", new Dictionary<string, string> { ["Data.Need"] = "Password" })).StatusCode);
            var step = await recover.SubmitFormAsync("/recover/address",
                new Dictionary<string, string> { ["Data.CardNumber"] = account.CardNumbers[0], ["Data.Street"] = street, ["Data.Zip"] = zip });
            if (expected is null)
            {
                Assert.Equal(HttpStatusCode.OK, step.StatusCode);
                Assert.Contains(BillCenter.Modules.Recovery.Pages.Recover.AddressModel.Failure, await step.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
                Assert.Equal(expected, step.Headers.Location?.OriginalString);
            }
        }

        var alert = await MailDrop.WaitForSubjectAsync(account.Email!, ChangedSubject);
        Assert.Contains($"ending {account.CardNumbers[0][^4..]}", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Lakeshore", alert.TextBody, StringComparison.Ordinal); // the alert never repeats the address
        Assert.Single(await EventsAsync(userId), e => e.CardAccountId == account.CardAccountId);
    }

    [Theory]
    [InlineData("", "Madison", "WI", "53703", "Data.Line1", "Enter the street address")]
    [InlineData(" - ", "Madison", "WI", "53703", "Data.Line1", "Enter the street address")]
    [InlineData("77 Lakeshore Drive", "", "WI", "53703", "Data.City", "Enter the city")]
    [InlineData("77 Lakeshore Drive", "Madison 5", "WI", "53703", "Data.City", "City must only include letters, spaces, hyphens, apostrophes and periods")]
    [InlineData("77 Lakeshore Drive", "Madison", "", "53703", "Data.State", "Select the state")]
    [InlineData("77 Lakeshore Drive", "Madison", "ZZ", "53703", "Data.State", "Select the state from the list")]
    [InlineData("77 Lakeshore Drive", "Madison", "WI", "", "Data.Zip", "Enter the ZIP code")]
    [InlineData("77 Lakeshore Drive", "Madison", "WI", "5370", "Data.Zip", "Enter a ZIP code like 10001 or 10001-1234")]
    public async Task Given_a_missing_or_bad_field_Then_the_field_says_why_and_the_address_is_unchanged(
        string line1, string city, string state, string zip, string field, string message)
    {
        var (client, userId, account) = await SignedInHolderAsync();

        var response = await client.SubmitFormAsync(AddressPath(account), Address(line1, null, city, state, zip));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: Your billing address – BillCenter</title>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field.Replace('.', '_')}\">{System.Net.WebUtility.HtmlEncode(message)}</a>", html, StringComparison.Ordinal);
        Assert.Equal(account.Street, (await StoredAsync(account)).Line1);
        Assert.Empty(await EventsAsync(userId));
    }

    [Fact]
    public async Task Given_a_line_too_long_Then_the_field_says_so()
    {
        var (client, _, account) = await SignedInHolderAsync();

        var response = await client.SubmitFormAsync(AddressPath(account), Address("77 Lakeshore Drive", new string('x', 101), "Madison", "WI", "53703"));

        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("href=\"#Data_Line2\">Address line 2 must be 100 characters or fewer</a>", html, StringComparison.Ordinal);
        Assert.Equal(account.Street, (await StoredAsync(account)).Line1);
    }

    [Fact]
    public async Task Given_another_users_account_Then_both_pages_answer_not_found_and_nothing_changes()
    {
        var (client, userId, own) = await SignedInHolderAsync();
        var (_, _, other) = await SignedInHolderAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(AddressPath(other), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(NicknamePath(other), Cancel)).StatusCode);
        var address = await client.SubmitFormAsync(AddressPath(own), AddressPath(other), Address("1 Thief Road", null, "Reno", "NV", "89501"));
        var badAddress = await client.SubmitFormAsync(AddressPath(own), AddressPath(other), Address(string.Empty, null, "Reno", "NV", "89501"));
        var nickname = await client.SubmitFormAsync(NicknamePath(own), NicknamePath(other), new Dictionary<string, string> { ["Data.Nickname"] = "Mine now" });
        var unknown = await client.GetAsync($"/preferences/address/{Guid.NewGuid()}", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, address.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badAddress.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nickname.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var stored = await StoredAsync(other);
        Assert.Equal(other.Street, stored.Line1);
        Assert.Null(stored.Nickname);
        Assert.Empty(await EventsAsync(userId));
        Assert.True((await App.SendAsync(new VerifyBillingAddress(TestCards.Parse(other.CardNumbers[0]), other.Street, TestCards.Zip(other.Zip)))).Verified);
    }

    [Fact]
    public async Task Given_the_contracts_When_the_account_is_not_linked_to_the_user_Then_they_refuse_and_nothing_changes()
    {
        var (_, userId, _) = await SignedInHolderAsync();
        var other = await App.OpenAsync(mobile: null);

        var address = await App.SendAsync(new ChangeBillingAddress(other.CardAccountId, userId,
            new BillCenter.SharedKernel.Cards.BillingAddress("1 Thief Road", null, "Reno", "NV", TestCards.Zip("89501"))));
        var nickname = await App.SendAsync(new SetAccountNickname(other.CardAccountId, userId, "Mine now"));

        Assert.Equal(AccountDetailsOutcome.NotFound, address);
        Assert.Equal(AccountDetailsOutcome.NotFound, nickname);
        var stored = await StoredAsync(other);
        Assert.Equal(other.Street, stored.Line1);
        Assert.Null(stored.Nickname);
    }

    [Fact]
    public async Task Given_a_nickname_When_saved_and_then_cleared_Then_the_summary_shows_it_and_then_no_longer_does()
    {
        var (client, _, account) = await SignedInHolderAsync();
        var marker = TestMarkers.New()[..8];

        var saved = await client.SubmitFormAsync(NicknamePath(account), new Dictionary<string, string> { ["Data.Nickname"] = $"  Travel   card {marker} " });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("is saved.", await client.GetStringAsync("/preferences", Cancel), StringComparison.Ordinal);
        Assert.Contains($"(Travel card {marker})", await client.GetStringAsync("/accounts", Cancel), StringComparison.Ordinal);
        Assert.Contains($"value=\"Travel card {marker}\"", await client.GetStringAsync(NicknamePath(account), Cancel), StringComparison.Ordinal);

        var cleared = await client.SubmitFormAsync(NicknamePath(account), new Dictionary<string, string> { ["Data.Nickname"] = "   " });

        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Contains("is removed.", await client.GetStringAsync("/preferences", Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, await client.GetStringAsync("/accounts", Cancel), StringComparison.Ordinal);
        Assert.Null((await StoredAsync(account)).Nickname);
    }

    [Theory]
    [InlineData("A nickname that is far too long for it", "Nickname must be 30 characters or fewer")]
    [InlineData("<script>", "Nickname must only include letters, numbers, spaces and these marks: . , ' - & ( ) # / ! ?")]
    public async Task Given_a_bad_nickname_Then_the_field_says_why_and_nothing_is_saved(string nickname, string message)
    {
        var (client, _, account) = await SignedInHolderAsync();

        var response = await client.SubmitFormAsync(NicknamePath(account), new Dictionary<string, string> { ["Data.Nickname"] = nickname });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: Account nickname – BillCenter</title>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#Data_Nickname\">{message}</a>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Null((await StoredAsync(account)).Nickname);
    }

    [Fact]
    public async Task Given_no_sign_in_Then_the_account_details_pages_send_to_sign_in()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        foreach (var path in new[] { AddressPath(account), NicknamePath(account) })
        {
            var response = await client.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        }
    }

    private static string AddressPath(TestAccount account) => $"/preferences/address/{account.CardAccountId}";

    private static string NicknamePath(TestAccount account) => $"/preferences/nickname/{account.CardAccountId}";

    private async Task<(HttpClient Client, string UserId, TestAccount Account)> SignedInHolderAsync(Product product = Product.Gold)
    {
        var account = await App.OpenAsync(product: product, mobile: null);
        var (userName, userId) = await App.NewCardholderAsync(Password, account);
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        return (client, userId, account);
    }

    private async Task<(string Line1, string? Nickname)> StoredAsync(TestAccount account)
    {
        (string, string?) stored = default;
        await App.WithScopeAsync(async services =>
        {
            var row = await services.GetRequiredService<AccountsDbContext>().CardAccounts.AsNoTracking().SingleAsync(a => a.Id == account.CardAccountId, Cancel);
            stored = (row.BillingAddress.Line1, row.Nickname);
        });
        return stored;
    }

    private async Task<List<(Guid? CardAccountId, string? Detail)>> EventsAsync(string userId)
    {
        var events = new List<(Guid?, string?)>();
        await App.WithScopeAsync(async services =>
        {
            events = [.. (await services.GetRequiredService<AuditDbContext>().SecurityEvents.AsNoTracking()
                .Where(e => e.UserId == userId && e.Kind == SecurityEventKind.BillingAddressChanged)
                .ToListAsync(Cancel)).Select(e => (e.CardAccountId, e.Detail))];
        });
        return events;
    }

    private static Dictionary<string, string> Address(string line1, string? line2, string city, string state, string zip) => new()
    {
        ["Data.Line1"] = line1,
        ["Data.Line2"] = line2 ?? string.Empty,
        ["Data.City"] = city,
        ["Data.State"] = state,
        ["Data.Zip"] = zip,
    };
}

public sealed class AccountDetailsTestsOnSqlite(SqliteNotificationFixture fixture) : AccountDetailsTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class AccountDetailsTestsOnPostgres(PostgresNotificationFixture fixture) : AccountDetailsTests(fixture), IClassFixture<PostgresNotificationFixture>;
