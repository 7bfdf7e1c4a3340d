using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Activation.Pages.Activate;

namespace BillCenter.BrowserTests;

/// <summary>
/// Card activation in the browser. Each JavaScript setting gets an app of its own (a class fixture per subclass),
/// because activating the demo cards changes them for good.
/// </summary>
public abstract class ActivationJourneyTests(BrowserFixture browser, bool javaScript)
{
    [Fact]
    public async Task Given_the_new_demo_card_When_activated_signed_out_Then_the_confirmation_says_it_is_active()
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Activate a card" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/activate$"));
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Activate your card"));
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true })).ToHaveAttributeAsync("href", "/");
        await browser.AssertAccessibleAsync(page);

        await FillAndSubmitAsync(page, DemoData.NewCardNumber, DemoData.NewCardId);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/activate/done$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your card ending 3333 is active", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Given_the_demo_cardholder_signed_in_When_activating_the_replacement_card_Then_the_summary_shows_it_instead_of_the_old_card()
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(DemoData.CardholderUserId);
        await page.GetByLabel("Password").FillAsync(DemoData.CardholderPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));
        await Assertions.Expect(page.GetByTestId("card-0047")).ToContainTextAsync("Not yet activated");

        await page.GotoAsync("/activate");
        await browser.AssertAccessibleAsync(page);
        await FillAndSubmitAsync(page, DemoData.ReplacementCardNumber, DemoData.ReplacementCardId);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your card ending 0047 is active", Level = 1 })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to your accounts" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Card ending 0047" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("card-0047")).ToContainTextAsync("· Active ·");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Card ending 0013" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Card ending 0021" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Given_an_active_card_Then_it_is_told_it_is_already_active_only_after_the_right_card_ID()
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/activate");

        await FillAndSubmitAsync(page, DemoData.UnenrolledCardNumber, WrongCardId(DemoData.UnenrolledCardId));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(IndexModel.UniformFailure);
        await Assertions.Expect(page.GetByText("already active")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Card number")).ToHaveValueAsync(string.Empty); // never written back
        await Assertions.Expect(page.GetByLabel("Card ID")).ToHaveValueAsync(string.Empty);

        await FillAndSubmitAsync(page, DemoData.UnenrolledCardNumber, DemoData.UnenrolledCardId);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your card ending 0010 is already active", Level = 1 })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Given_a_wrong_card_ID_or_missing_details_Then_the_errors_are_in_the_error_summary_and_the_title_starts_with_Error()
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/activate");

        await page.GetByRole(AriaRole.Button, new() { Name = "Activate card" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Activate your card"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter your card number" })).ToHaveAttributeAsync("href", "#Data_CardNumber");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter the 4-digit card ID" })).ToHaveAttributeAsync("href", "#Data_CardId");
        await browser.AssertAccessibleAsync(page);

        await FillAndSubmitAsync(page, DemoData.BlueCashCardNumber, WrongCardId(DemoData.BlueCashCardId));

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Activate your card"));
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Assertions.Expect(summary).ToContainTextAsync(IndexModel.UniformFailure);
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = IndexModel.UniformFailure })).ToHaveAttributeAsync("href", "#Data_CardNumber");
        if (javaScript)
        {
            await Assertions.Expect(summary).ToBeFocusedAsync();
        }

        await browser.AssertAccessibleAsync(page);
    }

    private static async Task FillAndSubmitAsync(IPage page, string cardNumber, string cardId)
    {
        await page.GetByLabel("Card number").FillAsync(cardNumber);
        await page.GetByLabel("Card ID").FillAsync(cardId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate card" }).ClickAsync();
    }

    private static string WrongCardId(string cardId) =>
        ((int.Parse(cardId, System.Globalization.CultureInfo.InvariantCulture) + 1) % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ActivationJourneyTestsWithJavaScript(BrowserFixture browser) : ActivationJourneyTests(browser, javaScript: true), IClassFixture<BrowserFixture>;

public sealed class ActivationJourneyTestsWithoutJavaScript(BrowserFixture browser) : ActivationJourneyTests(browser, javaScript: false), IClassFixture<BrowserFixture>;
