using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Payments.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Calendar;
using BillCenter.SharedKernel.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BillCenter.BrowserTests;

/// <summary>
/// No demo data, and a clock stopped two hours before the 8 pm Eastern cut-off of a business day, so "today" can be
/// paid whenever the suite runs.
/// </summary>
public sealed class PayBrowserFixture : BrowserFixture
{
    public PayBrowserFixture()
    {
        var day = PaymentCalendar.Today(DateTimeOffset.UtcNow);
        while (!BusinessDays.IsBusinessDay(day) || PaymentCalendar.CutOffOn(day).AddHours(-2) <= DateTimeOffset.UtcNow)
        {
            day = day.AddDays(1);
        }

        Today = day;
        FakeClock = new FakeTimeProvider(PaymentCalendar.CutOffOn(day).AddHours(-2));
    }

    public DateOnly Today { get; }

    public FakeTimeProvider FakeClock { get; }

    protected override TimeProvider? Clock => FakeClock;

    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" };
}

/// <summary>Paying in Chromium, with JavaScript on and off and an axe scan of every page: pay the minimum today, schedule, cancel, history; a double-clicked Pay pays once.</summary>
public sealed class PayJourneyTests(PayBrowserFixture browser) : IClassFixture<PayBrowserFixture>
{
    private const string Password = "orchard signal marble 27";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_statement_When_the_cardholder_pays_the_minimum_today_schedules_a_payment_and_cancels_it_Then_history_shows_both(bool javaScript)
    {
        var holder = await HolderAsync();
        var page = await browser.SignedInPageAsync(holder, javaScript);
        await page.GotoAsync("/payments");
        await browser.ExpectPageAsync(page, "Payments");

        await page.GetByRole(AriaRole.Link, new() { Name = "Make a payment to Gold Card" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Make a payment");
        await page.GetByLabel(new Regex("^Minimum payment due")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Check your payment");
        await Assertions.Expect(page.GetByTestId("review-bank")).ToHaveTextAsync("Checking ending 6789");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay \\$") }).ClickAsync();
        await browser.ExpectPageAsync(page, "Payment scheduled");
        var first = await page.GetByTestId("confirmation-number").InnerTextAsync();
        Assert.Matches("^PMT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", first);
        await Assertions.Expect(page.GetByTestId("pay-on")).ToHaveTextAsync(PaymentCalendar.Long(browser.Today));

        // A payment a week ahead, for another amount: entered with an error first.
        var later = BusinessDays.OnOrAfter(browser.Today.AddDays(7));
        await page.GotoAsync($"/payments/pay/{holder.CardAccountId}");
        await page.GetByLabel("Another amount", new() { Exact = true }).CheckAsync();
        await page.GetByLabel(new Regex("^Another amount, in dollars")).FillAsync("75.001");
        await page.GetByLabel("Payment date").FillAsync(later.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Make a payment – BillCenter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Amount must be a number of dollars and cents, like 125.50" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByLabel(new Regex("^Another amount, in dollars")).FillAsync("75.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Check your payment");
        await Assertions.Expect(page.GetByTestId("review-amount")).ToHaveTextAsync("$75.00 (another amount)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay $75.00" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Payment scheduled");
        var second = await page.GetByTestId("confirmation-number").InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel payment" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Cancel this payment?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel payment" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Payment canceled");
        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("Your payment is canceled.");

        await page.GetByRole(AriaRole.Link, new() { Name = "See all your payments" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Payment history");
        var rows = page.GetByTestId("payment-row");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = second }).GetByTestId("payment-status")).ToHaveTextAsync("Canceled");
        await Assertions.Expect(rows.Filter(new() { HasText = first }).GetByTestId("payment-status")).ToHaveTextAsync("Scheduled");

        await page.GotoAsync("/accounts");
        await Assertions.Expect(page.GetByTestId("upcoming-payment")).ToContainTextAsync(first);
        await Assertions.Expect(page.GetByTestId("upcoming-payment")).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_the_check_page_When_Pay_is_double_clicked_Then_one_payment_is_made(bool javaScript)
    {
        var holder = await HolderAsync();
        var page = await browser.SignedInPageAsync(holder, javaScript);
        await page.GotoAsync($"/payments/pay/{holder.CardAccountId}");
        await page.GetByLabel("Another amount", new() { Exact = true }).CheckAsync();
        await page.GetByLabel(new Regex("^Another amount, in dollars")).FillAsync("12.34");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Check your payment");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pay $12.34" }).DblClickAsync();

        await browser.ExpectPageAsync(page, "Payment scheduled");
        var payments = await PaymentsAsync(holder);
        var payment = Assert.Single(payments);
        Assert.Equal(Money.FromDecimal(12.34m), payment.Amount);
        await Assertions.Expect(page.GetByTestId("confirmation-number")).ToHaveTextAsync(payment.ConfirmationNumber);
    }

    private async Task<LinkedHolder> HolderAsync()
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var at = browser.FakeClock.GetUtcNow().UtcDateTime;
        await browser.App.SendAsync(new PostCardTransaction(holder.CardAccountId, holder.CardId, at.AddDays(-20), "Harbor Outfitters", TransactionKind.Purchase, Money.FromDecimal(1_250m)));
        await browser.App.SendAsync(new CloseStatement(holder.CardAccountId, browser.Today.AddDays(-3)));
        var userId = await UserIdAsync(holder);
        await browser.App.SendAsync(new AddBankAccount(userId, IsSavings: false, "Ada Moreno", "011000015", "556789"));
        return holder;
    }

    private async Task<string> UserIdAsync(LinkedHolder holder)
    {
        var accounts = await browser.App.SendAsync(new FindLinkedUser(holder.CardAccountId));
        return accounts ?? throw new InvalidOperationException("The holder has no online user.");
    }

    private async Task<List<Payment>> PaymentsAsync(LinkedHolder holder)
    {
        var payments = new List<Payment>();
        await browser.App.WithScopeAsync(async services =>
            payments = await services.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking().Where(p => p.CardAccountId == holder.CardAccountId).ToListAsync(TestContext.Current.CancellationToken));
        return payments;
    }
}
