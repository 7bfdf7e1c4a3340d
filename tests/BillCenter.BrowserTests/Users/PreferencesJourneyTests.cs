using System.Text.RegularExpressions;
using BillCenter.Modules.Users.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace BillCenter.BrowserTests;

/// <summary>The browser fixture on a clock the tests move, so a session's password entry can grow older than 5 minutes.</summary>
public sealed class ClockedBrowserFixture : BrowserFixture
{
    public FakeTimeProvider FakeClock { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// The account-settings pages of a signed-in cardholder: "Your sessions", the step-up prompt that asks for the
/// password again after 5 minutes, "Change your password" and "Change your user ID", with and without JavaScript,
/// every page and error state scanned with axe.
/// </summary>
public sealed class PreferencesJourneyTests(ClockedBrowserFixture browser) : IClassFixture<ClockedBrowserFixture>
{
    private const string Password = "cobalt orchard signal 48";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_password_entered_over_5_minutes_ago_When_signing_out_other_sessions_Then_the_password_is_asked_first(bool javaScript)
    {
        var userName = await NewUserAsync();
        var page = await SignedInPageAsync(userName, javaScript);
        await SignedInPageAsync(userName, javaScript: true); // another browser

        await page.GotoAsync("/preferences/sessions");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Your sessions"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your sessions", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("session")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("this-browser")).ToHaveCountAsync(1);
        await browser.AssertAccessibleAsync(page);

        browser.FakeClock.Advance(TimeSpan.FromMinutes(6));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out of all other sessions" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/preferences/confirm-password\\?returnUrl=%2Fpreferences%2Fsessions$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your password again", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(userName);
        await browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Enter your password again"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter your password" })).ToHaveAttributeAsync("href", "#Data_Password");
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Modules.Users.Pages.Preferences.ConfirmPassword.IndexModel.WrongMessage })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/preferences/sessions$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out of all other sessions" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("We signed you out of 1 other session");
        await Assertions.Expect(page.GetByTestId("session")).ToHaveCountAsync(1);
        await browser.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_the_change_password_page_Then_each_error_and_the_confirmation_are_accessible(bool javaScript)
    {
        var userName = await NewUserAsync();
        var page = await SignedInPageAsync(userName, javaScript);

        await page.GotoAsync("/preferences/password");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password", Level = 1 })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Change your password"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter your current password" })).ToHaveAttributeAsync("href", "#Data_CurrentPassword");
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Current password").FillAsync("a wrong password");
        await page.GetByLabel("New password").FillAsync("maple harbor violet 62");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Modules.Users.Pages.Preferences.Password.IndexModel.WrongCurrentMessage })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Current password").FillAsync(Password);
        await page.GetByLabel("New password").FillAsync("password1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Data_NewPassword-error")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Current password").FillAsync(Password);
        await page.GetByLabel("New password").FillAsync("maple harbor violet 62");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Your password was changed");
        await browser.AssertAccessibleAsync(page);
        await page.GotoAsync("/accounts");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$")); // still signed in
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_the_change_user_ID_page_Then_a_taken_ID_is_refused_and_a_free_one_is_confirmed(bool javaScript)
    {
        var taken = await NewUserAsync();
        var userName = await NewUserAsync();
        var page = await SignedInPageAsync(userName, javaScript);

        await page.GotoAsync("/preferences/user-id");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your user ID", Level = 1 })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("New user ID").FillAsync(taken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new user ID" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Change your user ID"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "That user ID is taken. Choose a different one" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        var newId = TestUsers.NewUserId("moved");
        await page.GetByLabel("New user ID").FillAsync(newId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new user ID" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync($"Your user ID is now {newId}");
        await browser.AssertAccessibleAsync(page);

        browser.FakeClock.Advance(TimeSpan.FromMinutes(6));
        await page.GotoAsync("/preferences/user-id");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your password again", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(newId);
    }

    private async Task<string> NewUserAsync()
    {
        await browser.StartAsync();
        var userName = TestUsers.NewUserId("prefs");
        Assert.True((await browser.App.SendAsync(new CreateUser(userName, Password))).Succeeded);
        return userName;
    }

    private async Task<IPage> SignedInPageAsync(string userName, bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));
        return page;
    }
}
