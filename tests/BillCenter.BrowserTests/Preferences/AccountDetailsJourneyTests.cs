using System.Text.RegularExpressions;

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
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript);

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Preferences" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your preferences");
        var details = page.GetByTestId($"details-{holder.CardAccountId:N}");
        await Assertions.Expect(details.GetByTestId("billing-address")).ToContainTextAsync("Madison, WI 53703");
        await Assertions.Expect(details.GetByTestId("nickname")).ToContainTextAsync("None");
        await details.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change billing address") }).ClickAsync();

        await browser.ExpectPageAsync(page, "Your billing address");
        await Assertions.Expect(page.GetByLabel("Address line 1", new() { Exact = true })).ToHaveValueAsync("8 Birch Lane");
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

        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your billing address for the card ending");
        await Assertions.Expect(details.GetByTestId("billing-address")).ToContainTextAsync("48 Cedar Lane");
        await Assertions.Expect(details.GetByTestId("billing-address")).ToContainTextAsync("Portland, OR 97201");
        Assert.Single(await browser.MailToAsync(holder.Email, 2), m => m.Subject == "Security alert: your billing address was changed"); // after the new sign-in alert

        await details.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Add nickname") }).ClickAsync();
        await browser.ExpectPageAsync(page, "Account nickname");
        await page.GetByLabel("Nickname (optional)").FillAsync("Travel <card>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save nickname" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Account nickname"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Nickname must only include letters, numbers, spaces") })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Nickname (optional)").FillAsync("Travel card");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save nickname" }).ClickAsync();

        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is saved");
        await Assertions.Expect(details.GetByTestId("nickname")).ToHaveTextAsync("Travel card");
        await Assertions.Expect(details.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change nickname") })).ToBeVisibleAsync();

        await page.GotoAsync("/accounts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"\(Travel card\)$") })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
    }
}
