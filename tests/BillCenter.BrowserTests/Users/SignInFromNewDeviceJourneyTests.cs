using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.BrowserTests;

/// <summary>
/// The "new sign-in" security alert in Chromium, with JavaScript on and off: each browser (context) is new once; a
/// browser that signed in before signs in again without an alert.
/// </summary>
public sealed class SignInFromNewDeviceJourneyTests(JobsBrowserFixture browser) : IClassFixture<JobsBrowserFixture>
{
    private const string Password = "pepper lighthouse violet 64";
    private const string Subject = "Security alert: a new sign-in to your online account";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_second_browser_When_it_signs_in_Then_the_alert_is_emailed_and_the_first_browser_signing_in_again_sends_none(bool javaScript)
    {
        var (userName, userId, email) = await OpenLinkedAccountAsync();
        var first = await browser.NewPageAsync(javaScript);
        await SignInAsync(first, userName);
        await browser.AssertAccessibleAsync(first);
        Assert.Single(await browser.MailToAsync(email, 1), m => m.Subject == Subject);

        var second = await browser.NewPageAsync(javaScript);
        await SignInAsync(second, userName);

        var mail = (await browser.MailToAsync(email, 2)).Where(m => m.Subject == Subject).ToList();
        Assert.Equal(2, mail.Count);
        Assert.All(mail, m => Assert.Contains("from a device we did not recognize: Chrome on Linux, on ", m.TextBody, StringComparison.Ordinal));
        Assert.Equal(2, await AlertsAsync(userId));

        await first.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" })).ToBeVisibleAsync();
        await SignInAsync(first, userName);

        Assert.Equal(2, await AlertsAsync(userId)); // queued within the sign-in request, so none is on its way
        await Dispatcher.DrainAsync(browser.App);
        Assert.Equal(2, (await PickupFolder.MessagesToAsync(PickupFolder.Of(browser.App), email)).Count(m => m.Subject == Subject));
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));
    }

    private async Task<int> AlertsAsync(string userId)
    {
        var count = 0;
        await browser.App.WithScopeAsync(async services => count = await services.GetRequiredService<NotificationsDbContext>().Notifications
            .CountAsync(n => n.UserId == userId && n.Template == "new-sign-in", TestContext.Current.CancellationToken));
        return count;
    }

    private async Task<(string UserName, string UserId, string Email)> OpenLinkedAccountAsync()
    {
        await browser.StartAsync();
        var number = TestCards.NewCardNumber();
        var email = $"{TestUsers.NewUserId("holder")}@example.com";
        var opened = await browser.App.SendAsync(new OpenCardAccount(Product.Gold, "Sam Rivera", Money.FromDecimal(7000m), 12,
            new BillCenter.SharedKernel.Cards.BillingAddress("12 Aspen Court", null, "Boise", "ID", TestCards.Zip("83702")), email, null,
            [new NewCard(TestCards.Parse(number), TestCards.ParseCardId(TestCards.NewCardId()), "SAM RIVERA", CardStatus.Active, true, new DateOnly(2031, 5, 31))],
            DateTime.UtcNow.AddYears(-1)));
        var userName = TestUsers.NewUserId("device");
        var created = await browser.App.SendAsync(new CreateUser(userName, Password));
        Assert.True(created.Succeeded);
        Assert.Equal(LinkOutcome.Linked, await browser.App.SendAsync(new LinkAccountToUser(opened.CardAccountId, created.UserId!)));
        return (userName, created.UserId!, email);
    }
}
