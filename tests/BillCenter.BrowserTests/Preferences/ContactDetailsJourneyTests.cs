using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;

namespace BillCenter.BrowserTests;

/// <summary>The app with its job server, mail to the real SMTP server started by scripts/test.sh, and texts to a fake Twilio.</summary>
public sealed class ContactDetailsBrowserFixture : BrowserFixture, IAsyncDisposable
{
    private readonly Lazy<FakeTwilio> _twilio = new(() => FakeTwilio.StartAsync().GetAwaiter().GetResult());

    public FakeTwilio Twilio => _twilio.Value;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = MailDrop.SmtpSettings();
            settings["Jobs:RunServer"] = "true";
            settings["Notifications:Dispatch:RetryBaseDelay"] = "00:00:00";
            foreach (var (key, value) in Twilio.Settings())
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        if (_twilio.IsValueCreated)
        {
            await _twilio.Value.DisposeAsync();
        }
    }
}

/// <summary>
/// Changing the email address and the mobile number in Chromium, with JavaScript on and off and an axe scan of every page
/// and error state: the email's code read from the real SMTP server, the mobile's from the fake Twilio.
/// </summary>
public sealed class ContactDetailsJourneyTests(ContactDetailsBrowserFixture browser) : IClassFixture<ContactDetailsBrowserFixture>
{
    private const string Password = "meadow copper falcon 84";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_signed_in_cardholder_When_the_email_and_mobile_are_changed_with_codes_sent_to_them_Then_the_overview_shows_them(bool javaScript)
    {
        MailDrop.Require();
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript);

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Preferences" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your preferences");
        var contact = page.GetByTestId("contact-details");
        await Assertions.Expect(contact.GetByTestId("email")).ToHaveTextAsync(holder.Email);
        await Assertions.Expect(contact.GetByTestId("mobile")).ToContainTextAsync("None on file");

        // Email: an empty address, then a new one; the code from the real SMTP server, a wrong one first.
        await contact.GetByRole(AriaRole.Link, new() { Name = "Change email address" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Change your email address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a code to this address" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Change your email address"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter an email address" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        var newEmail = $"{TestUsers.NewUserId("moved")}@example.com";
        await page.GetByLabel("New email address").FillAsync(newEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a code to this address" }).ClickAsync();

        await browser.ExpectPageAsync(page, "Enter the code we sent you");
        await Assertions.Expect(page.GetByTestId("code-sent-to")).ToContainTextAsync(newEmail);
        var emailCode = SecurityCodes.In(Assert.Single(await MailDrop.WaitForAsync(newEmail)));
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(emailCode == "000000" ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Enter the code we sent you"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "The code is not correct. Check the code and try again" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(emailCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Your email address is changed to {newEmail}");
        await Assertions.Expect(contact.GetByTestId("email")).ToHaveTextAsync(newEmail);
        await MailDrop.WaitForSubjectAsync(holder.Email, "Security alert: your email address was changed");

        // Mobile: a number that is not one, then a real one typed as people do; the code from the fake Twilio.
        await contact.GetByRole(AriaRole.Link, new() { Name = "Add mobile number" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your mobile number");
        await page.GetByLabel("New mobile number").FillAsync("555-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a code to this number" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Your mobile number"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Enter a mobile number like \\(212\\) 555-0123") })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        var digits = $"{Random.Shared.Next(0, 10_000):D4}";
        await page.GetByLabel("New mobile number").FillAsync($"212 555 {digits}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a code to this number" }).ClickAsync();

        await browser.ExpectPageAsync(page, "Enter the code we sent you");
        await Assertions.Expect(page.GetByTestId("code-sent-to")).ToContainTextAsync($"(212) 555-{digits}");
        var text = Assert.Single(await browser.Twilio.WaitForTextsToAsync($"+1212555{digits}"));
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(SecurityCodes.In(text.Body));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Your mobile number is changed to (212) 555-{digits} and confirmed");
        await Assertions.Expect(contact.GetByTestId("mobile")).ToContainTextAsync($"(212) 555-{digits}");
        await Assertions.Expect(contact.GetByTestId("mobile")).ToContainTextAsync("Confirmed");
        var onFile = await browser.App.SendAsync(new GetContactOnFile(holder.CardAccountId));
        Assert.Equal($"+1212555{digits}", onFile!.MobilePhone);
        Assert.True(onFile.MobileVerified);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_an_unconfirmed_mobile_on_file_When_confirmed_with_the_texted_code_and_then_removed_Then_the_overview_says_so(bool javaScript)
    {
        MailDrop.Require();
        var number = $"+1404555{Random.Shared.Next(0, 10_000):D4}";
        var national = $"(404) 555-{number[^4..]}";
        var holder = await browser.OpenLinkedHolderAsync(Password, number);
        var page = await browser.SignedInPageAsync(holder, javaScript);
        await page.GotoAsync("/preferences");
        await browser.ExpectPageAsync(page, "Your preferences");
        var contact = page.GetByTestId("contact-details");
        await Assertions.Expect(contact.GetByTestId("mobile")).ToContainTextAsync(national);
        await Assertions.Expect(contact.GetByTestId("mobile")).ToContainTextAsync("Not confirmed yet");

        await contact.GetByRole(AriaRole.Link, new() { Name = "Confirm or change mobile number" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your mobile number");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm this number" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Enter the code we sent you");
        await Assertions.Expect(page.GetByTestId("code-sent-to")).ToContainTextAsync(national);
        var text = Assert.Single(await browser.Twilio.WaitForCodesToAsync(number)); // the number also gets the new-sign-in alert
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(SecurityCodes.In(text.Body));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Your mobile number {national} is confirmed");
        await Assertions.Expect(contact.GetByTestId("mobile")).ToContainTextAsync("Confirmed");

        await contact.GetByRole(AriaRole.Link, new() { Name = "Change mobile number" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your mobile number");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove mobile number" }).ClickAsync();

        await browser.ExpectPageAsync(page, "Your preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your mobile number is removed");
        await Assertions.Expect(contact.GetByTestId("mobile")).ToContainTextAsync("None on file");
        await MailDrop.WaitForSubjectAsync(holder.Email, "Security alert: your mobile number was removed");
        Assert.Null((await browser.App.SendAsync(new GetContactOnFile(holder.CardAccountId)))!.MobilePhone);
    }
}
