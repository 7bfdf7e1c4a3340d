using System.Text.RegularExpressions;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// Every email the app writes, as a cardholder gets it: an invitation to sign in carries the sign-in page's real address
/// (Site:PublicUrl) as text and as a link, every link leads to a page that answers, and nothing promises a page the bill
/// center does not have yet. A one-time code's message carries no link at all.
/// </summary>
public abstract partial class EmailLinkTests(AppFixture fixture)
{
    /// <summary>Every alert template; <see cref="Given_the_list_of_templates_Then_it_is_every_template_the_app_has"/> keeps it whole.</summary>
    private static readonly string[] TemplateNames =
    [
        "card-locked", "online-account-created", "welcome", "password-changed", "security-questions-changed", "user-id-changed", "user-id-reminder",
        "billing-address-changed", "email-changed", "mobile-changed", "mobile-removed", "new-sign-in",
        "card-activated",
        "statement-ready", "payment-received", "payment-due", "purchase-over", "balance-over", "test",
        "payment-returned", "bank-account-added", "bank-account-removed", "autopay-changed",
    ];

    public static TheoryData<string> Templates => new(TemplateNames);

    /// <summary>The templates that invite the reader to sign in.</summary>
    private static readonly string[] SignInInvitations = ["welcome", "statement-ready", "new-sign-in"];

    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["Last4"] = "0013", ["Amount"] = "$35.00", ["DueDate"] = "June 1, 2031", ["Marker"] = "links", ["NewAddress"] = "phone ending 0123",
        ["Device"] = "Chrome on Windows", ["Time"] = "June 1, 2031 at 9:15 AM UTC",
        ["Merchant"] = "Hotel Lumen", ["Threshold"] = "$100.00", ["Balance"] = "$1,050.00", ["MinimumDue"] = "$35.00",
        ["Confirmation"] = "PMT-7K2Q-9XD4-MB3F", ["BankAccount"] = "Checking ending 6789", ["Change"] = "turned off",
    };

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string PublicUrl => App.Services.GetRequiredService<IConfiguration>()["Site:PublicUrl"]!;

    [Fact]
    public void Given_the_list_of_templates_Then_it_is_every_template_the_app_has()
    {
        Assert.Equal(TemplateNames.Order(StringComparer.Ordinal), AlertTemplates.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_the_embedded_defaults_Then_the_public_address_is_the_local_app()
    {
        Assert.Equal("http://localhost:5080", PublicUrl);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Given_an_alert_email_Then_its_links_lead_to_pages_and_a_sign_in_invitation_links_to_sign_in(string template)
    {
        var account = await App.OpenAsync(mobile: null);
        var ids = await App.SendAsync(new QueueAlert(AlertType.Security, template, account.CardAccountId, null, Parameters));
        var email = Assert.Single(await EmailsAsync(ids));
        var words = email.Text + email.Html;

        if (SignInInvitations.Contains(template))
        {
            var signIn = $"{PublicUrl}/sign-in";
            Assert.Contains($" {signIn} ", email.Text, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"{signIn}\">{signIn}</a>", email.Html, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Sign in", words, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var unbuilt in new[] { "paperless", "Manage alerts", "set up alerts", "statements" })
        {
            Assert.DoesNotContain(unbuilt, words, StringComparison.OrdinalIgnoreCase);
        }

        await AssertEveryLinkAnswersAsync(email.Text, email.Html);
    }

    [Fact]
    public async Task Given_a_one_time_code_email_Then_it_carries_no_link_and_promises_nothing_unbuilt()
    {
        var message = AlertTemplates.OneTimeCode("482913", 10);

        Assert.Empty(Addresses(message.Text + message.Html + message.Sms));
        Assert.DoesNotContain("<a ", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Manage alerts", message.Text + message.Html, StringComparison.Ordinal);
        await AssertEveryLinkAnswersAsync(message.Text, message.Html);
    }

    private async Task AssertEveryLinkAnswersAsync(string text, string html)
    {
        var client = App.CreateBrowserLikeClient();
        var links = Addresses(text).Concat(HrefPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))).Distinct(StringComparer.Ordinal);
        foreach (var link in links)
        {
            Assert.StartsWith($"{PublicUrl}/", link, StringComparison.Ordinal);
            var path = link[PublicUrl.Length..];

            var response = await client.GetAsync(path, Cancel);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }

    private async Task<List<(string Text, string Html)>> EmailsAsync(IReadOnlyList<Guid> ids)
    {
        var emails = new List<(string Text, string Html)>();
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var rows = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id) && n.Channel == NotificationChannel.Email).ToListAsync(Cancel);
            emails.AddRange(rows.Select(n => (n.TextBody, n.HtmlBody ?? string.Empty)));
        });
        return emails;
    }

    /// <summary>Every web address in plain text (a full stop right after it ends the sentence, not the address).</summary>
    private static List<string> Addresses(string text) =>
        [.. AddressPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')'))];

    [GeneratedRegex("""https?://[^\s<>"]+""")]
    private static partial Regex AddressPattern();

    [GeneratedRegex("""<a\s[^>]*?\bhref="([^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HrefPattern();
}

public sealed class EmailLinkTestsOnSqlite(SqliteFixture fixture) : EmailLinkTests(fixture), IClassFixture<SqliteFixture>;

public sealed class EmailLinkTestsOnPostgres(PostgresFixture fixture) : EmailLinkTests(fixture), IClassFixture<PostgresFixture>;
