using System.Text.RegularExpressions;
using BillCenter.Modules.Preferences.Domain;

namespace BillCenter.BrowserTests;

/// <summary>Statement delivery and card benefits in Chromium, with JavaScript on and off and an axe scan of every page and error.</summary>
public sealed class StatementDeliveryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "cobalt prairie lantern 39";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_signed_in_cardholder_When_going_paperless_Then_consent_is_asked_first_and_the_overview_shows_the_choice(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript);

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Preferences" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByTestId($"statements-{holder.CardAccountId:N}")).ToContainTextAsync("Online (paperless)");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Change how you get statements for Gold Card ending {holder.Last4}" }).ClickAsync();

        await browser.ExpectPageAsync(page, "How you get your statements");
        await Assertions.Expect(page.GetByTestId("current")).ToContainTextAsync("You have not chosen yet");
        await page.GetByLabel("Paper by mail").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save statement choice" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("statements will come on paper by mail");
        await Assertions.Expect(page.GetByTestId($"statements-{holder.CardAccountId:N}")).ToContainTextAsync("Paper by mail");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Change how you get statements for Gold Card ending {holder.Last4}" }).ClickAsync();
        await browser.ExpectPageAsync(page, "How you get your statements");
        await page.GetByLabel("Online (paperless)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save statement choice" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: How you get your statements"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check the box to agree to online statements, or choose paper by mail" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await Assertions.Expect(page.GetByTestId("current")).ToContainTextAsync("paper by mail"); // nothing was saved

        await page.GetByLabel("Online (paperless)").CheckAsync();
        await page.GetByLabel(PaperlessConsent.Agreement).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save statement choice" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("statements will be online");
        await Assertions.Expect(page.GetByTestId($"statements-{holder.CardAccountId:N}")).ToContainTextAsync("Online (paperless)");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_signed_in_cardholder_When_following_see_all_benefits_Then_every_benefit_is_described(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript);
        await page.GotoAsync("/preferences");
        await Assertions.Expect(page.GetByTestId($"benefits-{holder.CardAccountId:N}")).ToContainTextAsync("Baggage insurance");

        await page.GetByRole(AriaRole.Link, new() { Name = "See all benefits of your Gold Card" }).ClickAsync();

        await browser.ExpectPageAsync(page, "Benefits of your Gold Card");
        await Assertions.Expect(page.GetByTestId("benefits")).ToContainTextAsync("Lost, damaged or stolen checked baggage covered up to $1,250");
        await Assertions.Expect(page.GetByTestId("benefits")).ToContainTextAsync("Earn 4 points per dollar at restaurants worldwide.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your preferences");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_the_setup_after_enrollment_Then_each_step_can_be_skipped_to_the_overview(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript);
        await page.GotoAsync("/preferences/security-questions?setup=true");
        await browser.ExpectPageAsync(page, "Your security questions");

        await page.GetByRole(AriaRole.Link, new() { Name = "Skip this step" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Alerts");
        await Assertions.Expect(page.GetByText("Set up your account")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("account")).ToContainTextAsync($"Gold Card ending {holder.Last4}");
        await page.GetByTestId("alert-StatementReady").GetByLabel("Email").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save alerts" }).ClickAsync(); // saved, and on to the next step

        await browser.ExpectPageAsync(page, "How you get your statements");
        await Assertions.Expect(page.GetByText("Set up your account")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("current")).ToContainTextAsync($"Gold Card ending {holder.Last4}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save statement choice" }).ClickAsync(); // paperless is checked, consent is not
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: How you get your statements"));
        await browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Skip this step" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByTestId($"statements-{holder.CardAccountId:N}")).ToContainTextAsync("Online (paperless)");
        await Assertions.Expect(page.GetByTestId($"alerts-{holder.CardAccountId:N}")).Not.ToContainTextAsync("Statement ready");
    }
}
