using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.BrowserTests;

/// <summary>Recovering a user ID or password in Chromium, with JavaScript on and off, and an axe scan of every page.</summary>
public sealed class RecoveryJourneyTests(JobsBrowserFixture browser) : IClassFixture<JobsBrowserFixture>
{
    private const string OldPassword = "violet harbour compass 64";
    private const string NewPassword = "amber lighthouse thistle 38";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_forgotten_user_ID_When_recovering_from_the_sign_in_page_by_card_ID_Then_it_is_shown_after_the_code(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync(Product.Gold, CardStatus.Active);
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Forgot your user ID or password?" }).ClickAsync();
        await ExpectStepAsync(page, "What do you need help with?", backTo: "/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: What do you need help with\\?"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Select what you need help with" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("I forgot my user ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await ExpectStepAsync(page, "Enter your card details", backTo: "/recover");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Enter your card details"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter your card number" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await EnterCardAsync(page, holder);

        await ExpectStepAsync(page, "Get a one-time code", backTo: "/recover/card");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(holder.UserName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();

        await ExpectStepAsync(page, "Enter your one-time code", backTo: "/recover/send-code");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(holder.UserName);
        await EnterCodeAsync(page, "12ab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter the 6-digit one-time code we sent you, using numbers only" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await EnterCodeAsync(page, await CodeAsync(holder.Email, 1));

        await ExpectStepAsync(page, "Your user ID", backTo: null);
        await Assertions.Expect(page.GetByTestId("user-id")).ToHaveTextAsync(holder.UserName);
        var notice = await browser.MailToAsync(holder.Email, 2);
        Assert.Single(notice, m => m.Subject == "Your BillCenter user ID");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_forgotten_password_When_reset_by_card_ID_Then_the_rules_apply_the_old_sessions_end_the_alert_goes_and_the_reset_cannot_be_replayed(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync(Product.Gold, CardStatus.Active);
        var first = await SignedInPageAsync(holder, javaScript);
        var second = await SignedInPageAsync(holder, javaScript);
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Forgot user ID or password" }).ClickAsync();
        await page.GetByLabel("I forgot my password").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await EnterCardAsync(page, holder);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await EnterCodeAsync(page, await CodeAsync(holder.Email, 3)); // after the two new sign-in alerts

        await ExpectStepAsync(page, "Choose a new password", backTo: null);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Use at least 8 characters");
        await page.GetByLabel("New password").FillAsync("password123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Choose a new password"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Add another word or two");
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();

        await ExpectStepAsync(page, "Your password has been changed", backTo: null);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("You are not signed in");
        var alerts = await browser.MailToAsync(holder.Email, 4);
        Assert.Single(alerts, m => m.Subject == "Security alert: your password was changed");

        // Both browsers that were signed in are signed out on their next request.
        foreach (var old in new[] { first, second })
        {
            await old.GotoAsync("/accounts");
            await Assertions.Expect(old.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        }

        // The reset page played again (history) starts the journey again and changes nothing.
        await page.GotoAsync("/recover/password");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/recover\\?expired=True$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your progress was not kept");

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(holder.UserName);
        await page.GetByLabel("Password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_both_forgotten_Then_the_user_ID_shows_and_a_new_password_is_chosen(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync(Product.Green, CardStatus.Active);
        var page = await browser.NewPageAsync(javaScript);

        await ReachCodeAsync(page, holder, "I forgot both my user ID and my password");
        await EnterCodeAsync(page, await CodeAsync(holder.Email, 1));

        await ExpectStepAsync(page, "Your user ID", backTo: null);
        await Assertions.Expect(page.GetByTestId("user-id")).ToHaveTextAsync(holder.UserName);
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose a new password" }).ClickAsync();
        await ExpectStepAsync(page, "Choose a new password", backTo: null);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await ExpectStepAsync(page, "Your password has been changed", backTo: null);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_cancelled_card_When_recovering_by_billing_address_and_ZIP_Then_its_online_account_is_found(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync(Product.Platinum, CardStatus.Cancelled);
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/recover");
        await page.GetByLabel("I forgot my user ID").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Use your billing address instead" }).ClickAsync();

        await ExpectStepAsync(page, "Enter your billing address", backTo: "/recover/card");
        await page.GetByLabel("Card number").FillAsync(holder.Number);
        await page.GetByLabel("Billing street address").FillAsync(holder.Street);
        await page.GetByLabel("ZIP code").FillAsync("8020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Enter your billing address"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter a ZIP code like 10001 or 10001-1234" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Card number").FillAsync(holder.Number);
        await page.GetByLabel("ZIP code").FillAsync("80202");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await ExpectStepAsync(page, "Get a one-time code", backTo: "/recover/address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await EnterCodeAsync(page, await CodeAsync(holder.Email, 1));
        await ExpectStepAsync(page, "Your user ID", backTo: null);
        await Assertions.Expect(page.GetByTestId("user-id")).ToHaveTextAsync(holder.UserName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_corporate_account_When_the_password_is_reset_by_billing_address_Then_it_is_done(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync(Product.CorporatePurchasing, CardStatus.Active);
        var page = await browser.NewPageAsync(javaScript);

        await page.GotoAsync("/recover");
        await page.GetByLabel("I forgot my password").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Use your billing address instead" }).ClickAsync();
        await page.GetByLabel("Card number").FillAsync(holder.Number);
        await page.GetByLabel("Billing street address").FillAsync(holder.Street.ToUpperInvariant().Replace("LANE", "LN.", StringComparison.Ordinal));
        await page.GetByLabel("ZIP code").FillAsync("80202");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await EnterCodeAsync(page, await CodeAsync(holder.Email, 1));
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();

        await ExpectStepAsync(page, "Your password has been changed", backTo: null);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_card_without_an_online_account_Then_after_the_code_enrollment_is_offered(bool javaScript)
    {
        var holder = await OpenAccountAsync(Product.Gold, CardStatus.Active);
        var page = await browser.NewPageAsync(javaScript);

        await ReachCodeAsync(page, holder, "I forgot my user ID");
        await EnterCodeAsync(page, await CodeAsync(holder.Email, 1));

        await ExpectStepAsync(page, "This card has no online account", backTo: null);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create an online account" }).Last).ToHaveAttributeAsync("href", "/enroll");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_wrong_card_details_five_times_Then_the_card_is_locked_the_right_ones_refused_and_the_cardholder_alerted(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync(Product.Green, CardStatus.Active);
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/recover");
        await page.GetByLabel("I forgot my password").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        foreach (var cardId in Enumerable.Range(0, 5).Select(_ => TestCards.WrongCardId(holder.CardId!)).Append(holder.CardId!))
        {
            await page.GetByLabel("Card number").FillAsync(holder.Number);
            await page.GetByLabel("Card ID").FillAsync(cardId);
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("We could not find a card with those details");
            await Assertions.Expect(page.GetByLabel("Card number")).ToHaveValueAsync(string.Empty);
        }

        await browser.AssertAccessibleAsync(page);
        var alert = Assert.Single(await browser.MailToAsync(holder.Email, 1));
        Assert.Equal("Security alert: online checks for your card are paused", alert.Subject);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_an_expired_code_Then_the_field_says_so_and_a_new_code_moves_on(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync(Product.Gold, CardStatus.Active);
        var page = await browser.NewPageAsync(javaScript);
        await ReachCodeAsync(page, holder, "I forgot my user ID");
        var expired = await CodeAsync(holder.Email, 1);
        await browser.App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var sent = Assert.Single(await db.OneTimeCodes.Where(c => c.CardAccountId == holder.CardAccountId).ToListAsync(TestContext.Current.CancellationToken));
            // As if the code had been sent 11 minutes ago: expired, and long past the wait before another may be sent.
            sent.LastSentAt = DateTime.UtcNow.AddMinutes(-11);
            sent.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        await EnterCodeAsync(page, expired);

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Enter your one-time code"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "The code has expired. Ask for a new code" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(holder.UserName);
        await browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send a new code" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/recover/code$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The previous code no longer works");
        await EnterCodeAsync(page, await CodeAsync(holder.Email, 2));
        await ExpectStepAsync(page, "Your user ID", backTo: null);
        await Assertions.Expect(page.GetByTestId("user-id")).ToHaveTextAsync(holder.UserName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_code_already_used_When_a_copy_of_the_browser_taken_before_enters_it_again_Then_it_is_refused(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync(Product.Gold, CardStatus.Active);
        var page = await browser.NewPageAsync(javaScript);
        await ReachCodeAsync(page, holder, "I forgot my user ID");
        var copy = await browser.NewPageAsync(javaScript);
        await copy.Context.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Secure = c.Secure, HttpOnly = c.HttpOnly }));
        var code = await CodeAsync(holder.Email, 1);
        await EnterCodeAsync(page, code);
        await ExpectStepAsync(page, "Your user ID", backTo: null);

        await copy.GotoAsync("/recover/code");
        await EnterCodeAsync(copy, code);

        await Assertions.Expect(copy).ToHaveTitleAsync(new Regex("^Error: Enter your one-time code"));
        await Assertions.Expect(copy.GetByRole(AriaRole.Link, new() { Name = "That code has already been used. Ask for a new code" })).ToBeVisibleAsync();
        await Assertions.Expect(copy.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(holder.UserName);
        await browser.AssertAccessibleAsync(copy);
    }

    private sealed record Holder(string Number, string? CardId, string Email, string Street, Guid CardAccountId, string UserName);

    private async Task<Holder> OpenAccountAsync(Product product, CardStatus status)
    {
        await browser.StartAsync();
        var number = TestCards.NewCardNumber();
        var cardId = product == Product.CorporatePurchasing ? null : TestCards.NewCardId();
        var email = $"{TestUsers.NewUserId("holder")}@example.com";
        var street = $"{Random.Shared.Next(1, 999)} Orchard Lane";
        var opened = await browser.App.SendAsync(new OpenCardAccount(product, "Robin Park", Money.FromDecimal(9000m), 8,
            new BillCenter.SharedKernel.Cards.BillingAddress(street, null, "Denver", "CO", TestCards.Zip("80202")), email, null,
            [new NewCard(TestCards.Parse(number), cardId is null ? null : TestCards.ParseCardId(cardId), "ROBIN PARK", status, true, new DateOnly(2031, 5, 31))],
            DateTime.UtcNow.AddYears(-1)));
        return new Holder(number, cardId, email, street, opened.CardAccountId, string.Empty);
    }

    private async Task<Holder> OpenLinkedAccountAsync(Product product, CardStatus status)
    {
        var account = await OpenAccountAsync(product, status);
        var userName = TestUsers.NewUserId("recover");
        var created = await browser.App.SendAsync(new CreateUser(userName, OldPassword));
        Assert.True(created.Succeeded);
        Assert.Equal(LinkOutcome.Linked, await browser.App.SendAsync(new LinkAccountToUser(account.CardAccountId, created.UserId!)));
        return account with { UserName = userName };
    }

    private async Task<IPage> SignedInPageAsync(Holder holder, bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(holder.UserName);
        await page.GetByLabel("Password").FillAsync(OldPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));
        return page;
    }

    /// <summary>From the start page to the code step by card ID, the code sent by email.</summary>
    private static async Task ReachCodeAsync(IPage page, Holder holder, string need)
    {
        await page.GotoAsync("/recover");
        await page.GetByLabel(need).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await EnterCardAsync(page, holder);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your one-time code", Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task EnterCardAsync(IPage page, Holder holder)
    {
        await page.GetByLabel("Card number").FillAsync(holder.Number);
        await page.GetByLabel("Card ID").FillAsync(holder.CardId!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    private static async Task EnterCodeAsync(IPage page, string code)
    {
        await page.GetByLabel("One-time code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    private async Task<string> CodeAsync(string email, int count) =>
        SecurityCodes.In((await browser.MailToAsync(email, count)).Last(SecurityCodes.IsIn));

    /// <summary>The step's heading and title agree, its Back link (if any) leads to <paramref name="backTo"/>, and axe finds nothing.</summary>
    private async Task ExpectStepAsync(IPage page, string heading, string? backTo)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync($"{heading} – BillCenter");
        var back = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true });
        if (backTo is null)
        {
            await Assertions.Expect(back).ToHaveCountAsync(0);
        }
        else
        {
            await Assertions.Expect(back).ToHaveAttributeAsync("href", backTo);
        }

        await browser.AssertAccessibleAsync(page);
    }
}
