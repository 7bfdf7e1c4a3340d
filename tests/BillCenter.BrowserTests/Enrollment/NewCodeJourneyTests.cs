using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.BrowserTests;

/// <summary>"Send a new code" on the code step comes back to the code step, whose form then checks the new code.</summary>
public sealed class NewCodeJourneyTests(JobsBrowserFixture browser) : IClassFixture<JobsBrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_new_code_asked_for_Then_the_page_is_the_code_step_again_and_the_new_code_continues_the_journey(bool javaScript)
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
        var codeStep = page.GetByRole(AriaRole.Heading, new() { Name = "Enter your one-time code", Level = 1 });
        await Assertions.Expect(codeStep).ToBeVisibleAsync();
        var first = SecurityCodes.In(Assert.Single(await browser.MailToAsync(card.Email, 1)));
        await AsIfTheCodeWasSentAMinuteAgoAsync(card.Email);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send a new code" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We sent a new code to");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enroll/code$"));
        await Assertions.Expect(codeStep).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        var second = (await browser.MailToAsync(card.Email, 2)).Select(SecurityCodes.In).Single(c => c != first);
        await page.GetByLabel("One-time code").FillAsync(second);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a user ID and password" })).ToBeVisibleAsync();
    }

    /// <summary>A new code is refused within 30 seconds of the last one: move the last sending back instead of waiting.</summary>
    private Task AsIfTheCodeWasSentAMinuteAgoAsync(string email) =>
        browser.App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var code = await db.OneTimeCodes.SingleAsync(c => c.Destination == email, TestContext.Current.CancellationToken);
            code.LastSentAt -= TimeSpan.FromMinutes(1);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
}
