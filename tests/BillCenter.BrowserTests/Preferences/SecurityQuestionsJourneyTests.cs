using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Money;

namespace BillCenter.BrowserTests;

/// <summary>Security questions in Chromium, with JavaScript on and off and an axe scan of every page: set them, then recovery asks one.</summary>
public sealed class SecurityQuestionsJourneyTests(JobsBrowserFixture browser) : IClassFixture<JobsBrowserFixture>
{
    private const string Password = "saffron meadow tinker 71";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_signed_in_cardholder_When_security_questions_are_set_Then_recovery_asks_one_before_the_new_password(bool javaScript)
    {
        var holder = await OpenLinkedAccountAsync();
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(holder.UserName);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Preferences" }).ClickAsync();
        await ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByTestId("security-questions")).ToContainTextAsync("Not set");
        await Assertions.Expect(page.GetByTestId($"benefits-{holder.CardAccountId:N}")).ToContainTextAsync("Dining rewards");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up security questions" }).ClickAsync();

        await ExpectPageAsync(page, "Your security questions");
        await page.GetByLabel("Question 1").SelectOptionAsync("What was the name of your first pet?");
        await page.GetByLabel("Answer 1").FillAsync("Biscuit");
        await page.GetByLabel("Question 2").SelectOptionAsync("What was the name of your first pet?");
        await page.GetByLabel("Answer 2").FillAsync("biscuit!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save security questions" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Your security questions"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Select a different question for question 2: you chose this one for question 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Answer 2 must be different from answer 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Select question 3" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Answer 1")).ToHaveValueAsync(string.Empty); // answers are never written back
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Question 1").SelectOptionAsync("What was the name of your first pet?");
        await page.GetByLabel("Answer 1").FillAsync("Biscuit");
        await page.GetByLabel("Question 2").SelectOptionAsync("What was the make and model of your first car?");
        await page.GetByLabel("Answer 2").FillAsync("Ford Escort");
        await page.GetByLabel("Question 3").SelectOptionAsync("What was the first concert you went to?");
        await page.GetByLabel("Answer 3").FillAsync("St. Mary's choir");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save security questions" }).ClickAsync();

        await ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your security questions are saved");
        await Assertions.Expect(page.GetByTestId("security-questions")).ToContainTextAsync("Set on");
        Assert.Single(await browser.MailToAsync(holder.Email, 2), m => m.Subject == "Security alert: your security questions were changed"); // after the new sign-in alert

        // Recovery now asks one of them after the code, and compares the answer loosely.
        var recover = await browser.NewPageAsync(javaScript);
        await recover.GotoAsync("/recover");
        await recover.GetByLabel("I forgot my password").CheckAsync();
        await recover.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await recover.GetByLabel("Card number").FillAsync(holder.Number);
        await recover.GetByLabel("Card ID").FillAsync(holder.CardId);
        await recover.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await recover.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        var mail = await browser.MailToAsync(holder.Email, 3);
        await recover.GetByLabel("One-time code").FillAsync(SecurityCodes.In(mail.Last(SecurityCodes.IsIn)));
        await recover.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await ExpectPageAsync(recover, "Answer your security question");
        var answers = new Dictionary<string, string>
        {
            ["What was the name of your first pet?"] = "BISCUIT",
            ["What was the make and model of your first car?"] = "ford escort.",
            ["What was the first concert you went to?"] = "st marys choir",
        };
        var question = await recover.Locator("label[for=Data_Answer]").InnerTextAsync();
        Assert.Contains(question, answers.Keys);
        await recover.GetByLabel(question).FillAsync("wrong answer");
        await recover.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(recover).ToHaveTitleAsync(new Regex("^Error: Answer your security question"));
        await Assertions.Expect(recover.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^That answer does not match the one you saved") })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(recover);
        await recover.GetByLabel(question).FillAsync(answers[question]);
        await recover.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await ExpectPageAsync(recover, "Choose a new password");
    }

    private sealed record Holder(string Number, string CardId, string Email, Guid CardAccountId, string UserName);

    private async Task<Holder> OpenLinkedAccountAsync()
    {
        await browser.StartAsync();
        var number = TestCards.NewCardNumber();
        var cardId = TestCards.NewCardId();
        var email = $"{TestUsers.NewUserId("holder")}@example.com";
        var opened = await browser.App.SendAsync(new OpenCardAccount(Product.Gold, "Sam Rivera", Money.FromDecimal(7000m), 12,
            new BillCenter.SharedKernel.Cards.BillingAddress("12 Aspen Court", null, "Boise", "ID", TestCards.Zip("83702")), email, null,
            [new NewCard(TestCards.Parse(number), TestCards.ParseCardId(cardId), "SAM RIVERA", CardStatus.Active, true, new DateOnly(2031, 5, 31))],
            DateTime.UtcNow.AddYears(-1)));
        var userName = TestUsers.NewUserId("questions");
        var created = await browser.App.SendAsync(new CreateUser(userName, Password));
        Assert.True(created.Succeeded);
        Assert.Equal(LinkOutcome.Linked, await browser.App.SendAsync(new LinkAccountToUser(opened.CardAccountId, created.UserId!)));
        return new Holder(number, cardId, email, opened.CardAccountId, userName);
    }

    /// <summary>The page's heading and title agree, and axe finds nothing.</summary>
    private async Task ExpectPageAsync(IPage page, string heading)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync($"{heading} – BillCenter");
        await browser.AssertAccessibleAsync(page);
    }
}
