using System.Text.RegularExpressions;
using BillCenter.Modules.Notifications.Contracts;
using AlertsPage = BillCenter.Modules.Preferences.Pages.Preferences.Alerts.IndexModel;

namespace BillCenter.BrowserTests;

/// <summary>The alerts page in Chromium, with JavaScript on and off and an axe scan of every page and error; mail read from the pickup folder.</summary>
public sealed class AlertsJourneyTests(JobsBrowserFixture browser) : IClassFixture<JobsBrowserFixture>
{
    private const string Password = "amber meadow signal 64";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_cardholder_who_turns_payment_received_off_Then_that_alert_is_not_sent_and_the_others_still_are(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript);
        await page.GotoAsync("/preferences");
        await Assertions.Expect(page.GetByTestId($"alerts-{holder.CardAccountId:N}")).ToContainTextAsync("Payment received (email)");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Change alerts for Gold Card ending {holder.Last4}" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Alerts");
        await Assertions.Expect(page.GetByTestId("text-not-offered")).ToBeVisibleAsync(); // no mobile on file

        await page.GetByTestId("alert-PaymentReceived").GetByLabel("Email").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save alerts" }).ClickAsync();

        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Your alerts for the Gold Card ending {holder.Last4} are saved.");
        await Assertions.Expect(page.GetByTestId($"alerts-{holder.CardAccountId:N}")).Not.ToContainTextAsync("Payment received");
        await Assertions.Expect(page.GetByTestId($"alerts-{holder.CardAccountId:N}")).ToContainTextAsync("Card activated (email)");

        var payment = await browser.App.SendAsync(new QueueAlert(AlertType.PaymentReceived, "payment-received", holder.CardAccountId, null,
            new Dictionary<string, string> { ["Amount"] = "$80.00", ["Last4"] = holder.Last4 }));
        var activated = await browser.App.SendAsync(new QueueAlert(AlertType.CardActivated, "card-activated", holder.CardAccountId, null,
            new Dictionary<string, string> { ["Last4"] = holder.Last4 }));
        Assert.Empty(payment);
        Assert.Single(activated);
        await browser.MailToAsync(holder.Email, 1);
        await Dispatcher.DrainAsync(browser.App);
        var subjects = (await PickupFolder.MessagesToAsync(PickupFolder.Of(browser.App), holder.Email)).Select(m => m.Subject).ToList();
        Assert.Contains($"Your card ending {holder.Last4} is active", subjects);
        Assert.DoesNotContain("We received your payment", subjects);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_cardholder_who_unchecks_security_alerts_or_sets_a_bad_amount_Then_the_page_refuses_at_the_field_and_saves_nothing(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript);
        await page.GotoAsync($"/preferences/alerts/{holder.CardAccountId}");
        await browser.ExpectPageAsync(page, "Alerts");

        await page.GetByTestId("alert-Security").GetByLabel("Email").UncheckAsync();
        await page.GetByTestId("alert-PurchaseOverAmount").GetByLabel("Email").CheckAsync();
        await page.GetByLabel("Alert me about each purchase over, in dollars").FillAsync("12.345");
        await page.GetByTestId("alert-PaymentReceived").GetByLabel("Email").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save alerts" }).ClickAsync();

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Alerts"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = AlertsPage.SecurityAlwaysOn })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter an amount in dollars, like 500 or 500.00, from $1 to $1,000,000" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("alert-Security")).ToContainTextAsync(AlertsPage.SecurityAlwaysOn);
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = AlertsPage.SecurityAlwaysOn }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("alert-Security").GetByLabel("Email")).ToBeFocusedAsync();

        await page.GotoAsync("/preferences");
        await Assertions.Expect(page.GetByTestId($"alerts-{holder.CardAccountId:N}")).ToContainTextAsync("Payment received (email)"); // nothing was saved

        // Turned on with a good amount, it is kept and shown again.
        await page.GotoAsync($"/preferences/alerts/{holder.CardAccountId}");
        await page.GetByTestId("alert-PurchaseOverAmount").GetByLabel("Email").CheckAsync();
        await page.GetByLabel("Alert me about each purchase over, in dollars").FillAsync("$1,250");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save alerts" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByTestId($"alerts-{holder.CardAccountId:N}")).ToContainTextAsync("Purchase over an amount (email)");
        await page.GotoAsync($"/preferences/alerts/{holder.CardAccountId}");
        await Assertions.Expect(page.GetByLabel("Alert me about each purchase over, in dollars")).ToHaveValueAsync("1250.00");
    }

    [Fact]
    public async Task Given_another_users_card_account_Then_its_alerts_page_is_not_found()
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var other = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript: true);

        var response = await page.GotoAsync($"/preferences/alerts/{other.CardAccountId}");

        Assert.Equal(404, response!.Status);
    }
}
