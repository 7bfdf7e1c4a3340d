using System.Text.RegularExpressions;

namespace BillCenter.BrowserTests.Payments;

/// <summary>
/// Adding a bank account (a mistake first) from the AutoPay page, turning AutoPay on and off, then removing the bank
/// account, in Chromium with JavaScript on and off and an axe scan of every page on the way.
/// </summary>
public sealed class BankAccountAndAutoPayJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "maple harbor signal 36";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_no_bank_account_When_the_cardholder_adds_one_sets_up_AutoPay_and_turns_it_off_Then_each_page_says_what_happened(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var page = await browser.SignedInPageAsync(holder, javaScript);
        var accountNumber = Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bank = $"Checking ending {accountNumber[^4..]}";

        await page.GotoAsync($"/payments/autopay/{holder.CardAccountId}");
        await browser.ExpectPageAsync(page, "AutoPay");
        await Assertions.Expect(page.GetByTestId("autopay-status")).ToContainTextAsync("AutoPay is off.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a bank account", Exact = true }).ClickAsync();

        // A routing number with a wrong check digit first: the field says so, and the account numbers are not written back.
        await browser.ExpectPageAsync(page, "Add a bank account");
        await FillBankAccountAsync(page, "011000016", accountNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save bank account" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Add a bank account – BillCenter");
        var summaryLink = page.GetByRole(AriaRole.Link, new() { Name = "Enter a valid routing number: it is the 9 digits at the bottom left of a check" });
        await Assertions.Expect(summaryLink).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Account number", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.GetByLabel("Confirm account number")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.GetByLabel("Name on the account")).ToHaveValueAsync("Ada Moreno");
        await browser.AssertAccessibleAsync(page);

        await FillBankAccountAsync(page, "011000015", accountNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save bank account" }).ClickAsync();

        // Back on AutoPay, where it started: the new bank account is the one to pay from.
        await browser.ExpectPageAsync(page, "AutoPay");
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync($"{bank} is saved.");
        await Assertions.Expect(page.GetByLabel("Pay from")).ToHaveValueAsync(new Regex("^[0-9a-f-]{36}$"));
        await page.GetByLabel("Minimum payment due").CheckAsync();
        await page.GetByLabel("When should AutoPay pay?").SelectOptionAsync(new SelectOptionValue { Label = "3 days before the due date" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on AutoPay" }).ClickAsync();

        await browser.ExpectPageAsync(page, "AutoPay");
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("AutoPay is on for the Gold Card");
        await Assertions.Expect(page.GetByTestId("autopay-status")).ToContainTextAsync($"It pays the minimum payment due, from {bank}, 3 days before the due date.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off AutoPay" }).ClickAsync();

        await browser.ExpectPageAsync(page, "AutoPay");
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("AutoPay is off for the Gold Card");
        await Assertions.Expect(page.GetByTestId("autopay-status")).ToContainTextAsync("AutoPay is off.");

        // Nothing uses the bank account any more: it can be removed.
        await page.GotoAsync("/payments/bank-accounts");
        await browser.ExpectPageAsync(page, "Your bank accounts");
        await Assertions.Expect(page.GetByTestId("bank-account")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {bank}" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Your bank accounts");
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync($"{bank} is removed.");
        await Assertions.Expect(page.GetByTestId("no-bank-accounts")).ToBeVisibleAsync();
    }

    private static async Task FillBankAccountAsync(IPage page, string routingNumber, string accountNumber)
    {
        await page.GetByLabel("Checking").CheckAsync();
        await page.GetByLabel("Name on the account").FillAsync("Ada Moreno");
        await page.GetByLabel("Routing number").FillAsync(routingNumber);
        await page.GetByLabel("Account number", new() { Exact = true }).FillAsync(accountNumber);
        await page.GetByLabel("Confirm account number").FillAsync(accountNumber);
    }
}
