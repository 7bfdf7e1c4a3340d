using System.Text.RegularExpressions;
using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.BrowserTests;

/// <summary>The notice center in Chromium, with JavaScript on and off: the header's unread count, the list, an axe scan, the count cleared.</summary>
public sealed class NoticesJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "harbor violet compass 61";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_card_activated_alert_When_the_cardholder_opens_their_notices_Then_it_is_new_once_and_the_header_count_clears(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript); // a sign-in from a new browser is a security notice too
        await browser.App.SendAsync(new QueueAlert(AlertType.CardActivated, "card-activated", holder.CardAccountId, null,
            new Dictionary<string, string> { ["Last4"] = holder.Last4 }));

        await page.GotoAsync("/accounts");
        var banner = page.GetByRole(AriaRole.Banner);
        var unread = banner.GetByRole(AriaRole.Link, new() { Name = "Notices, 2 unread", Exact = true });
        await Assertions.Expect(unread).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("unread-notices")).ToHaveTextAsync("2");
        await browser.AssertAccessibleAsync(page);

        await unread.ClickAsync();

        await browser.ExpectPageAsync(page, "Notices");
        var notices = page.GetByTestId("notice");
        await Assertions.Expect(notices).ToHaveCountAsync(2);
        var activated = notices.First; // newest first
        await Assertions.Expect(activated.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(new Regex($@"^\s*New:\s*Your card ending {holder.Last4} is active\s*$"));
        await Assertions.Expect(activated).ToContainTextAsync($"Your card ending {holder.Last4} is now active and ready to use.");
        await Assertions.Expect(activated).ToContainTextAsync($"Gold Card ending {holder.Last4}");
        await Assertions.Expect(notices.Last).ToContainTextAsync("Security alert: a new sign-in to your online account");
        await Assertions.Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Notices", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("unread-notices")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await browser.ExpectPageAsync(page, "Notices");
        await Assertions.Expect(page.GetByTestId("notice-new")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveCountAsync(2);
    }
}
