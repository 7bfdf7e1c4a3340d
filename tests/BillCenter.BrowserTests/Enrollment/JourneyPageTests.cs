using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Accounts.Contracts;

namespace BillCenter.BrowserTests;

/// <summary>
/// What every page of the anonymous journeys (enrollment, activation) shares: the title names the page as its h1 does,
/// a failed post puts the focus on the error summary, a failed card check says the same things on every page, and a
/// refused credentials step keeps the password chosen.
/// </summary>
public sealed class JourneyPageTests(JobsBrowserFixture browser) : IClassFixture<JobsBrowserFixture>
{
    private const string Password = "quiet lighthouse ember 52";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_every_anonymous_page_and_every_journey_step_Then_the_title_is_the_h1_then_the_site_name(bool javaScript)
    {
        await browser.StartAsync();
        var card = await browser.OpenAccountAsync(Product.Green);
        var corporate = await browser.OpenAccountAsync(Product.CorporatePurchasing);
        var page = await browser.NewPageAsync(javaScript);

        foreach (var path in new[] { "/", "/sign-in", "/activate", "/enroll", "/no-such-page" })
        {
            await page.GotoAsync(path);
            await ExpectTitleIsHeadingAsync(page, error: false);
        }

        // Enrollment by billing address, up to its first step.
        await page.GotoAsync("/enroll");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectTitleIsHeadingAsync(page, error: true);
        await page.GetByLabel("An account without a card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/account$"));
        await ExpectTitleIsHeadingAsync(page, error: false);
        await page.GetByLabel("Card number").FillAsync(corporate.Number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectTitleIsHeadingAsync(page, error: true);

        // Enrollment with a card ID, every step.
        await page.GotoAsync("/enroll");
        await page.GetByLabel("A card with a 4-digit card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/card$"));
        await ExpectTitleIsHeadingAsync(page, error: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectTitleIsHeadingAsync(page, error: true);
        await page.GetByLabel("Card number").FillAsync(card.Number);
        await page.GetByLabel("Card ID").FillAsync(card.CardId!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/send-code$"));
        await ExpectTitleIsHeadingAsync(page, error: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/code$"));
        await ExpectTitleIsHeadingAsync(page, error: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectTitleIsHeadingAsync(page, error: true);
        await page.Locator("#Data_Code").FillAsync(SecurityCodes.In(Assert.Single(await browser.MailToAsync(card.Email, 1))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/credentials$"));
        await ExpectTitleIsHeadingAsync(page, error: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectTitleIsHeadingAsync(page, error: true);
        await page.GetByLabel("User ID").FillAsync(TestUsers.NewUserId("titles"));
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/check$"));
        await ExpectTitleIsHeadingAsync(page, error: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create online account" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/done$"));
        await ExpectTitleIsHeadingAsync(page, error: false);

        // Activation: the card is active already, which the confirmation says.
        await page.GotoAsync("/activate");
        await page.GetByLabel("Card number").FillAsync(card.Number);
        await page.GetByLabel("Card ID").FillAsync(card.CardId!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate card" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/activate/done$"));
        await ExpectTitleIsHeadingAsync(page, error: false);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task Given_a_failed_post_Then_the_error_summary_has_the_focus_even_after_the_skip_link(bool javaScript, bool skipLinkFirst)
    {
        var page = await browser.NewPageAsync(javaScript);
        foreach (var (path, button) in new[] { ("/activate", "Activate card"), ("/enroll", "Continue"), ("/sign-in", "Sign in") })
        {
            await page.GotoAsync(path);
            if (skipLinkFirst)
            {
                await page.Keyboard.PressAsync("Tab");
                await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page).ToHaveURLAsync(new Regex("#main-content$"));
            }

            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

            await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
            await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
            await browser.AssertAccessibleAsync(page);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_failed_card_check_on_each_page_Then_the_fields_are_empty_and_the_summary_leads_to_the_message_at_the_card_number(bool javaScript)
    {
        await browser.StartAsync();
        var card = await browser.OpenAccountAsync(Product.Green);
        var corporate = await browser.OpenAccountAsync(Product.CorporatePurchasing);
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/activate");
        await page.GetByLabel("Card number").FillAsync(card.Number);
        await page.GetByLabel("Card ID").FillAsync(TestCards.WrongCardId(card.CardId!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate card" }).ClickAsync();
        await ExpectFailedCheckAsync(page, "Card ID");

        await page.GotoAsync("/enroll");
        await page.GetByLabel("A card with a 4-digit card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Card number").FillAsync(card.Number);
        await page.GetByLabel("Card ID").FillAsync(TestCards.WrongCardId(card.CardId!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectFailedCheckAsync(page, "Card ID");

        await page.GotoAsync("/enroll");
        await page.GetByLabel("An account without a card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Card number").FillAsync(corporate.Number);
        await page.GetByLabel("Billing street address").FillAsync("1 Other Road");
        await page.GetByLabel("ZIP code").FillAsync("80202");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectFailedCheckAsync(page, "Billing street address");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_valid_password_and_a_taken_user_ID_Then_the_password_is_kept_and_need_not_be_typed_again(bool javaScript)
    {
        await browser.StartAsync();
        var card = await browser.OpenAccountAsync(Product.Green);
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/enroll");
        await page.GetByLabel("A card with a 4-digit card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Card number").FillAsync(card.Number);
        await page.GetByLabel("Card ID").FillAsync(card.CardId!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await page.Locator("#Data_Code").FillAsync(SecurityCodes.In(Assert.Single(await browser.MailToAsync(card.Email, 1))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/credentials$"));

        await page.GetByLabel("User ID").FillAsync(DemoData.CardholderUserId);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That user ID is taken");
        var password = page.GetByLabel("Password (optional)");
        await Assertions.Expect(password).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.GetByText("We kept the password you chose. Enter a new one only to change it.")).ToBeVisibleAsync();
        Assert.DoesNotContain(Password, await page.ContentAsync(), StringComparison.Ordinal);
        await browser.AssertAccessibleAsync(page);

        var userId = TestUsers.NewUserId("kept");
        await page.GetByLabel("User ID").FillAsync(userId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/check$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create online account" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/done$"));

        var signIn = await browser.NewPageAsync(javaScript);
        await signIn.GotoAsync("/sign-in");
        await signIn.GetByLabel("User ID").FillAsync(userId);
        await signIn.GetByLabel("Password").FillAsync(Password);
        await signIn.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(signIn).ToHaveURLAsync(new Regex("/accounts$"));
    }

    /// <summary>The page has exactly one h1, and its title is that h1 then " – BillCenter" (after "Error: " when the form has errors).</summary>
    private static async Task ExpectTitleIsHeadingAsync(IPage page, bool error)
    {
        var h1 = page.Locator("h1");
        await Assertions.Expect(h1).ToHaveCountAsync(1);
        var heading = Regex.Replace(await h1.InnerTextAsync(), "\\s+", " ").Trim();
        await Assertions.Expect(page).ToHaveTitleAsync($"{(error ? "Error: " : string.Empty)}{heading} – BillCenter");
    }

    /// <summary>
    /// After a failed card check: the summary says what more failures do and whom to call, never how many tries are
    /// left; its link leads to the card number, which shows the same message; no field keeps what was typed.
    /// </summary>
    private async Task ExpectFailedCheckAsync(IPage page, string secondField)
    {
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("After several failed tries, online checks for this card are paused for up to 24 hours.");
        await Assertions.Expect(summary).ToContainTextAsync("If you need help, call the number on the back of your card.");
        await Assertions.Expect(summary).Not.ToContainTextAsync(new Regex("[0-9]+ (more )?(tries|try|attempts?)|remaining|left"));
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var message = (await summary.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();
        var number = page.GetByLabel("Card number");
        await Assertions.Expect(number).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.GetByLabel(secondField)).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.Locator("#Data_CardNumber-error")).ToContainTextAsync(message);
        await browser.AssertAccessibleAsync(page);

        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(number).ToBeVisibleAsync();
        await Assertions.Expect(number).ToBeFocusedAsync();
    }
}
