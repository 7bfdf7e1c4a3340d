using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Money;

namespace BillCenter.BrowserTests;

/// <summary>A cardholder with a Gold Card account linked to a new online user, as the preferences journeys start from.</summary>
/// <param name="Last4">The last four digits of the account's one card.</param>
public sealed record LinkedHolder(Guid CardAccountId, string Last4, string UserName, string Password, string Email, string? Mobile)
{
    /// <summary>The id of the account's one card, to post transactions on it.</summary>
    public Guid CardId { get; init; }
}

/// <summary>What the preferences journeys share: a linked cardholder, signing in, and checking the page arrived on.</summary>
public static class LinkedHolders
{
    public static async Task<LinkedHolder> OpenLinkedHolderAsync(this BrowserFixture browser, string password, string? mobile = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        await browser.StartAsync();
        var number = TestCards.NewCardNumber();
        var email = $"{TestUsers.NewUserId("holder")}@example.com";
        var opened = await browser.App.SendAsync(new OpenCardAccount(Product.Gold, "Ada Moreno", Money.FromDecimal(6000m), 15,
            new BillCenter.SharedKernel.Cards.BillingAddress("8 Birch Lane", null, "Madison", "WI", TestCards.Zip("53703")), email, mobile,
            [new NewCard(TestCards.Parse(number), TestCards.ParseCardId(TestCards.NewCardId()), "ADA MORENO", CardStatus.Active, true, new DateOnly(2031, 8, 31))],
            DateTime.UtcNow.AddYears(-1)));
        var userName = TestUsers.NewUserId("holder");
        var created = await browser.App.SendAsync(new CreateUser(userName, password));
        Assert.True(created.Succeeded);
        Assert.Equal(LinkOutcome.Linked, await browser.App.SendAsync(new LinkAccountToUser(opened.CardAccountId, created.UserId!)));
        return new LinkedHolder(opened.CardAccountId, number[^4..], userName, password, email, mobile) { CardId = opened.CardIds[0] };
    }

    /// <summary>A fresh browser context with the holder signed in (with or without JavaScript).</summary>
    public static async Task<IPage> SignedInPageAsync(this BrowserFixture browser, LinkedHolder holder, bool javaScript)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(holder);
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(holder.UserName);
        await page.GetByLabel("Password").FillAsync(holder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Sign in");
        return page;
    }

    /// <summary>The page's heading and title agree, and axe finds nothing.</summary>
    public static async Task ExpectPageAsync(this BrowserFixture browser, IPage page, string heading)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync($"{heading} – BillCenter");
        await browser.AssertAccessibleAsync(page);
    }
}
