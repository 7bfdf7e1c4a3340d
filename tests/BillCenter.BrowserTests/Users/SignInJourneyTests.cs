using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;

namespace BillCenter.BrowserTests;

public sealed class SignInJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_the_demo_cardholder_When_signing_in_Then_both_accounts_and_the_replacement_card_awaiting_activation_are_shown(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("Your card account online"));
        await browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        // Nothing entered: the error summary links to each field and the title says "Error:".
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Sign in"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter your user ID" })).ToHaveAttributeAsync("href", "#Data_UserName");
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("User ID").FillAsync(DemoData.CardholderUserId);
        await page.GetByLabel("Password").FillAsync(DemoData.CardholderPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your accounts", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gold Card" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Blue Cash Card" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Card ending 0013" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Card ending 0021" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("card-0047")).ToContainTextAsync("Not yet activated");
        await Assertions.Expect(page.GetByTestId("card-0047")).ToContainTextAsync("No recent activity on this card.");
        await Assertions.Expect(page.GetByTestId("card-0047").GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("minimum-due")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Latest activity on card ending 0013" }).Locator("tbody tr")).ToHaveCountAsync(10);
        await browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GotoAsync("/accounts");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl=%2Faccounts"));
    }

    [Fact]
    public async Task Given_a_keyboard_user_Then_the_first_tab_reaches_the_skip_link_to_the_main_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.Keyboard.PressAsync("Tab");

        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_error_pages_Then_they_are_friendly_and_accessible(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);

        var notFound = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, notFound!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(DemoData.CardholderUserId);
        await page.GetByLabel("Password").FillAsync(DemoData.CardholderPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));

        var forbidden = await page.GotoAsync("/admin/jobs");
        Assert.Equal(403, forbidden!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GotoAsync("/sign-out");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign out", Level = 1 })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_the_demo_admin_When_signing_in_Then_the_emailed_code_page_is_accessible_and_opens_the_jobs_dashboard(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/sign-in?returnUrl=%2Fadmin%2Fjobs");
        await page.GetByLabel("User ID").FillAsync(DemoData.AdminUserId);
        await page.GetByLabel("Password").FillAsync(DemoData.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your one-time code", Level = 1 })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        var code = await browser.App.LatestSignInCodeAsync();

        await page.GetByLabel("One-time code").FillAsync(code == "000000" ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Enter your one-time code"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Modules.Users.Pages.SignIn.CodeModel.WrongMessage })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("One-time code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/jobs$"));
        await Assertions.Expect(page.GetByText("BillCenter jobs").First).ToBeVisibleAsync();
    }
}
