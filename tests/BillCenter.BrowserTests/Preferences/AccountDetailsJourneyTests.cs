using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Money;

namespace BillCenter.BrowserTests;

/// <summary>
/// The billing address and nickname of a card account in Chromium, with JavaScript on and off and an axe scan of every
/// page and error state: from the preferences overview, change the address (an error, then success), then name the account.
/// </summary>
public sealed class AccountDetailsJourneyTests(JobsBrowserFixture browser) : IClassFixture<JobsBrowserFixture>
{
    private const string Password = "cobalt orchard pebble 36";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_signed_in_cardholder_When_the_address_and_nickname_are_changed_Then_the_overview_and_summary_show_them(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync();
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(holder.UserName);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Preferences" }).ClickAsync();
        await ExpectPageAsync(page, "Your preferences");
        var details = page.GetByTestId($"details-{holder.CardAccountId:N}");
        await Assertions.Expect(details.GetByTestId("billing-address")).ToContainTextAsync("Boise, ID 83702");
        await Assertions.Expect(details.GetByTestId("nickname")).ToContainTextAsync("None");
        await details.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change billing address") }).ClickAsync();

        await ExpectPageAsync(page, "Your billing address");
        await Assertions.Expect(page.GetByLabel("Address line 1", new() { Exact = true })).ToHaveValueAsync("12 Aspen Court");
        await page.GetByLabel("Address line 1", new() { Exact = true }).FillAsync("48 Cedar Lane");
        await page.GetByLabel("City").FillAsync(string.Empty);
        await page.GetByLabel("ZIP code").FillAsync("9750");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save billing address" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Your billing address"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter the city" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter a ZIP code like 10001 or 10001-1234" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Address line 1", new() { Exact = true })).ToHaveValueAsync("48 Cedar Lane"); // what was typed stays
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("City").FillAsync("Portland");
        await page.GetByLabel("State").SelectOptionAsync("Oregon");
        await page.GetByLabel("ZIP code").FillAsync("97201");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save billing address" }).ClickAsync();

        await ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your billing address for the card ending");
        await Assertions.Expect(details.GetByTestId("billing-address")).ToContainTextAsync("48 Cedar Lane");
        await Assertions.Expect(details.GetByTestId("billing-address")).ToContainTextAsync("Portland, OR 97201");
        Assert.Single(await browser.MailToAsync(holder.Email, 2), m => m.Subject == "Security alert: your billing address was changed"); // after the new sign-in alert

        await details.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Add nickname") }).ClickAsync();
        await ExpectPageAsync(page, "Account nickname");
        await page.GetByLabel("Nickname (optional)").FillAsync("Travel <card>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save nickname" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Account nickname"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Nickname must only include letters, numbers, spaces") })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Nickname (optional)").FillAsync("Travel card");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save nickname" }).ClickAsync();

        await ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is saved");
        await Assertions.Expect(details.GetByTestId("nickname")).ToHaveTextAsync("Travel card");
        await Assertions.Expect(details.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change nickname") })).ToBeVisibleAsync();

        await page.GotoAsync("/accounts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"\(Travel card\)$") })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
    }

    private sealed record Holder(string Email, Guid CardAccountId, string UserName);

    private async Task<Holder> OpenLinkedAccountAsync()
    {
        await browser.StartAsync();
        var email = $"{TestUsers.NewUserId("holder")}@example.com";
        var opened = await browser.App.SendAsync(new OpenCardAccount(Product.Gold, "Ana Okafor", Money.FromDecimal(6000m), 12,
            new BillCenter.SharedKernel.Cards.BillingAddress("12 Aspen Court", null, "Boise", "ID", TestCards.Zip("83702")), email, null,
            [new NewCard(TestCards.Parse(TestCards.NewCardNumber()), TestCards.ParseCardId(TestCards.NewCardId()), "ANA OKAFOR", CardStatus.Active, true, new DateOnly(2031, 5, 31))],
            DateTime.UtcNow.AddYears(-1)));
        var userName = TestUsers.NewUserId("details");
        var created = await browser.App.SendAsync(new CreateUser(userName, Password));
        Assert.True(created.Succeeded);
        Assert.Equal(LinkOutcome.Linked, await browser.App.SendAsync(new LinkAccountToUser(opened.CardAccountId, created.UserId!)));
        return new Holder(email, opened.CardAccountId, userName);
    }

    /// <summary>The page's heading and title agree, and axe finds nothing.</summary>
    private async Task ExpectPageAsync(IPage page, string heading)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync($"{heading} – BillCenter");
        await browser.AssertAccessibleAsync(page);
    }
}
