using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Users.Contracts;

namespace BillCenter.BrowserTests;

public sealed class AlreadyEnrolledJourneyTests(JobsBrowserFixture browser) : IClassFixture<JobsBrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_card_that_already_has_an_online_account_Then_the_cardholder_learns_it_after_the_code_and_is_sent_to_recovery(bool javaScript)
    {
        await browser.StartAsync();
        var card = await browser.OpenAccountAsync(Product.Platinum);
        var found = await browser.App.SendAsync(new FindCard(TestCards.Parse(card.Number)));
        var owner = await browser.App.SendAsync(new CreateUser(TestUsers.NewUserId("owner"), "owner passphrase of old"));
        Assert.Equal(LinkOutcome.Linked, await browser.App.SendAsync(new LinkAccountToUser(found!.CardAccountId, owner.UserId!)));
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/enroll");
        await page.GetByLabel("A card with a 4-digit card ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Card number").FillAsync(card.Number);
        await page.GetByLabel("Card ID").FillAsync(card.CardId!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Nothing yet says the card is enrolled: the same code step as for any card.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get a one-time code" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        var mail = Assert.Single(await browser.MailToAsync(card.Email, 1));
        await page.GetByLabel("One-time code").FillAsync(SecurityCodes.In(mail));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This card already has an online account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToHaveAttributeAsync("href", "/sign-in");
        await browser.AssertAccessibleAsync(page);
    }
}
