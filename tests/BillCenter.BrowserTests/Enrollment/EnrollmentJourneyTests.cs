using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;

namespace BillCenter.BrowserTests;

public sealed class EnrollmentJourneyTests(JobsBrowserFixture browser) : IClassFixture<JobsBrowserFixture>
{
    private const string Password = "violet harbour compass 64";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_card_with_its_card_ID_When_enrolling_Then_the_cardholder_ends_signed_in_with_benefits_shown(bool javaScript)
    {
        await browser.StartAsync();
        var card = await browser.OpenAccountAsync(Product.Gold);
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create an online account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What kind of account do you have?" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("A card with a 4-digit card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your card details" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Card number").FillAsync(card.Number[..4] + " " + card.Number[4..10] + " " + card.Number[10..]);
        await page.GetByLabel("Card ID").FillAsync(card.CardId!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get a one-time code" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your one-time code" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        var code = SecurityCodes.In(Assert.Single(await browser.MailToAsync(card.Email, 1)));
        await page.GetByLabel("One-time code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a user ID and password" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        var userId = TestUsers.NewUserId("browser");
        await page.GetByLabel("User ID").FillAsync(userId);
        await page.GetByLabel("Password").FillAsync("password123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "This is similar to a commonly used password. Add another word or two: uncommon words are better" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before creating your online account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-id")).ToHaveTextAsync(userId);
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create online account" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your online account is ready" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("benefits")).ToContainTextAsync("Dining rewards");
        await browser.AssertAccessibleAsync(page);
        // "Set up your account": security questions, the alerts, then statement delivery of the new account, each skippable, ending on the overview.
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up your account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your security questions", Level = 1 })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip this step" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alerts", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("account")).ToContainTextAsync($"Gold Card ending {card.Number[^4..]}");
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip this step" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How you get your statements", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("current")).ToContainTextAsync($"Gold Card ending {card.Number[^4..]}");
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip this step" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your preferences", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("security-questions")).ToContainTextAsync("Not set");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Your accounts" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Card ending {card.Number[^4..]}" })).ToBeVisibleAsync();
        await browser.MailToAsync(card.Email, 3); // the code, the welcome email and the security alert
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_corporate_account_When_enrolling_by_billing_address_Then_it_reaches_the_code_step(bool javaScript)
    {
        await browser.StartAsync();
        var account = await browser.OpenAccountAsync(Product.CorporatePurchasing);
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/enroll");
        await page.GetByLabel("An account without a card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your account details" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Card number").FillAsync(account.Number);
        await page.GetByLabel("Billing street address").FillAsync(account.Street.ToUpperInvariant().Replace("LANE", "LN.", StringComparison.Ordinal));
        await page.GetByLabel("ZIP code").FillAsync("80202-1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get a one-time code" })).ToBeVisibleAsync();
        await ExpectBackLinkAsync(page, "/enroll/account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await page.GetByLabel("One-time code").FillAsync(SecurityCodes.In(Assert.Single(await browser.MailToAsync(account.Email, 1))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a user ID and password" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_each_step_Then_a_Back_link_before_the_content_leads_to_the_step_before_and_one_contact_needs_no_choice(bool javaScript)
    {
        await browser.StartAsync();
        var card = await browser.OpenAccountAsync(Product.Green);
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/enroll");
        await ExpectBackLinkAsync(page, "/");
        await page.GetByLabel("A card with a 4-digit card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your card details" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await ExpectBackLinkAsync(page, "/enroll");
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Card number").FillAsync(card.Number);
        await page.GetByLabel("Card ID").FillAsync(card.CardId!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get a one-time code" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("We will send a code to your email ");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await ExpectBackLinkAsync(page, "/enroll/card");
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your card details" })).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get a one-time code" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your one-time code" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Send the code somewhere else" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await ExpectBackLinkAsync(page, "/enroll/send-code");
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("One-time code").FillAsync(SecurityCodes.In(Assert.Single(await browser.MailToAsync(card.Email, 1))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // The code is spent: no way back to it.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a user ID and password" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back" })).ToHaveCountAsync(0);
        await page.GetByLabel("User ID").FillAsync(TestUsers.NewUserId("back"));
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before creating your online account" })).ToBeVisibleAsync();
        await ExpectBackLinkAsync(page, "/enroll/credentials");
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a user ID and password" })).ToBeVisibleAsync();
    }

    /// <summary>The page's single Back link goes to <paramref name="href"/> and comes before the error summary and the heading.</summary>
    private static async Task ExpectBackLinkAsync(IPage page, string href)
    {
        var back = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true });
        await Assertions.Expect(back).ToHaveAttributeAsync("href", href);
        await Assertions.Expect(back).ToHaveClassAsync("back-link");
        await Assertions.Expect(page.Locator(".column-two-thirds > .back-link:first-child")).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_five_wrong_card_IDs_Then_the_card_is_locked_the_cardholder_alerted_and_the_right_card_ID_refused(bool javaScript)
    {
        await browser.StartAsync();
        var card = await browser.OpenAccountAsync(Product.Green);
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/enroll");
        await page.GetByLabel("A card with a 4-digit card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        foreach (var cardId in Enumerable.Range(0, 5).Select(_ => TestCards.WrongCardId(card.CardId!)).Append(card.CardId!))
        {
            await page.GetByLabel("Card number").FillAsync(card.Number);
            await page.GetByLabel("Card ID").FillAsync(cardId);
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("We could not find a card with those details");
            await Assertions.Expect(page.GetByLabel("Card number")).ToHaveValueAsync(string.Empty);
        }

        await browser.AssertAccessibleAsync(page);
        var alert = Assert.Single(await browser.MailToAsync(card.Email, 1));
        Assert.Equal("Security alert: online checks for your card are paused", alert.Subject);
    }
}
