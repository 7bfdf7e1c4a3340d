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

namespace BillCenter.IntegrationTests;

/// <summary>
/// Paying over the real HTTP pipeline on a clock the tests move: the form, check your answers and the payment, made
/// once per form key even when a thousand copies of the form arrive at once; the same-day duplicate question; change
/// and cancel before and after the 8 pm Eastern cut-off; bad input at the field; another user's ids not found.
/// </summary>
public abstract partial class PaymentPagesTests(ClockedAppFixture fixture)
{
    private const string Password = "meadow lantern copper 64";

    private BillCenterApp App => fixture.App;

    private FakeTimeProvider Clock => fixture.Clock;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_statement_When_the_minimum_is_paid_today_Then_one_scheduled_payment_is_confirmed_and_shown_everywhere()
    {
        MoveToBeforeCutOff();
        var holder = await HolderAsync(withStatement: true);
        var form = await FormAsync(holder);

        var check = await PostAsync(holder, form.With("minimum", payOn: form.PayOn), "review");
        var checkHtml = await check.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("<title>Check your payment – BillCenter</title>", checkHtml, StringComparison.Ordinal);
        Assert.Empty(await PaymentsAsync(holder.UserId)); // checking makes nothing

        var paid = await PostAsync(holder, form.With("minimum", payOn: form.PayOn), "pay");

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var payment = Assert.Single(await PaymentsAsync(holder.UserId));
        Assert.Equal($"/payments/payment/{payment.Id}", paid.Headers.Location?.OriginalString);
        Assert.Equal(PaymentStatus.Scheduled, payment.Status);
        var statement = (await App.SendAsync(new GetPaymentAccountsById([holder.Account.CardAccountId]))).Single().LastStatement!;
        Assert.Equal(statement.MinimumDue, payment.Amount);
        Assert.Equal(Today, payment.PayOn);
        Assert.True(ConfirmationNumbers.IsWellFormed(payment.ConfirmationNumber));
        var confirmation = await holder.Client.GetStringAsync($"/payments/payment/{payment.Id}", Cancel);
        Assert.Contains(payment.ConfirmationNumber, confirmation, StringComparison.Ordinal);
        Assert.Contains("Payment scheduled", confirmation, StringComparison.Ordinal);
        Assert.Contains(payment.ConfirmationNumber, await holder.Client.GetStringAsync("/accounts", Cancel), StringComparison.Ordinal);
        Assert.Contains(payment.ConfirmationNumber, await holder.Client.GetStringAsync("/payments", Cancel), StringComparison.Ordinal);
        Assert.Contains(payment.ConfirmationNumber, await holder.Client.GetStringAsync("/payments/history", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_one_form_When_a_thousand_copies_are_submitted_at_once_Then_one_payment_is_made_and_every_answer_shows_it()
    {
        MoveToBeforeCutOff();
        var holder = await HolderAsync();
        var form = await FormAsync(holder);
        var fields = form.With("other", "42.17", form.PayOn);
        fields["step"] = "pay";
        fields["__RequestVerificationToken"] = form.Token;

        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async _ =>
        {
            using var response = await holder.Client.PostAsync(form.Path, new FormUrlEncodedContent(fields), Cancel);
            return (response.StatusCode, Location: response.Headers.Location?.OriginalString);
        }));

        var failed = responses.Count(r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.True(failed == 0, $"{failed} of 1000 answered otherwise; the app's first error: {App.Logs.Lines.FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal))}");
        var payment = Assert.Single(await PaymentsAsync(holder.UserId));
        Assert.All(responses, r => Assert.Equal($"/payments/payment/{payment.Id}", r.Location));
        Assert.Equal(Money.FromDecimal(42.17m), payment.Amount);
        Assert.Contains(payment.ConfirmationNumber, await holder.Client.GetStringAsync($"/payments/payment/{payment.Id}", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_payment_When_another_form_pays_the_same_amount_on_the_same_day_Then_it_asks_first_and_pays_again_only_when_told()
    {
        MoveToBeforeCutOff();
        var holder = await HolderAsync();
        var first = await FormAsync(holder);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(holder, first.With("other", "50.00", first.PayOn), "pay")).StatusCode);

        var second = await FormAsync(holder);
        var asked = await PostAsync(holder, second.With("other", "50.00", second.PayOn), "pay");
        var askedHtml = await asked.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("You already scheduled a payment of $50.00", askedHtml, StringComparison.Ordinal);
        Assert.Single(await PaymentsAsync(holder.UserId));

        var unticked = second.With("other", "50.00", second.PayOn);
        unticked["Data.DuplicateShown"] = "true";
        var refused = await PostAsync(holder, unticked, "pay");
        Assert.Contains("href=\"#Data_ConfirmDuplicate\">Select yes to pay $50.00 again", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Single(await PaymentsAsync(holder.UserId));

        var ticked = second.With("other", "50.00", second.PayOn);
        ticked["Data.DuplicateShown"] = "true";
        ticked["Data.ConfirmDuplicate"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(holder, ticked, "pay")).StatusCode);
        Assert.Equal(2, (await PaymentsAsync(holder.UserId)).Count);
    }

    [Theory]
    [InlineData("-5", "Amount must be at least $1.00")]
    [InlineData("0", "Amount must be at least $1.00")]
    [InlineData("0.99", "Amount must be at least $1.00")]
    [InlineData("10.005", "Amount must be a number of dollars and cents, like 125.50")]
    [InlineData("ten dollars", "Amount must be a number of dollars and cents, like 125.50")]
    [InlineData("", "Enter an amount to pay")]
    [InlineData("100000", "Amount must be $")]
    public async Task Given_a_bad_amount_Then_the_amount_field_says_why_and_nothing_is_paid(string amount, string message)
    {
        MoveToBeforeCutOff();
        var holder = await HolderAsync();
        var form = await FormAsync(holder);

        var response = await PostAsync(holder, form.With("other", amount, form.PayOn), "pay");

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Make a payment – BillCenter</title>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#Data_OtherAmount\">{message}", html, StringComparison.Ordinal);
        Assert.Empty(await PaymentsAsync(holder.UserId));
    }

    [Theory]
    [InlineData("past", "Payment date must be today or in the future")]
    [InlineData("too-far", "Payment date must be within 60 days")]
    [InlineData("weekend", "Payment date must be a business day")]
    [InlineData("holiday", "Payment date must be a business day")]
    [InlineData("2026-02-30", "Payment date must be a real date")]
    [InlineData("soon", "Payment date must be a real date")]
    [InlineData("", "Enter a payment date")]
    public async Task Given_a_bad_date_Then_the_date_field_says_why_and_nothing_is_paid(string date, string message)
    {
        MoveToBeforeCutOff();
        var holder = await HolderAsync();
        var form = await FormAsync(holder);
        var payOn = date switch
        {
            "past" => Iso(Today.AddDays(-1)),
            "too-far" => Iso(NextBusinessDay(Today.AddDays(61))),
            "weekend" => Iso(NextDay(Today, d => d.DayOfWeek == DayOfWeek.Saturday)),
            "holiday" => Iso(NextDay(Today.AddDays(1), d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BusinessDays.IsBusinessDay(d), maxDays: 400)),
            _ => date,
        };

        var response = await PostAsync(holder, form.With("current", payOn: payOn), "pay");

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"#Data_PayOn\">{message}", html, StringComparison.Ordinal);
        Assert.Empty(await PaymentsAsync(holder.UserId));
    }

    [Fact]
    public async Task Given_no_amount_choice_or_bank_account_Then_each_field_says_why()
    {
        MoveToBeforeCutOff();
        var holder = await HolderAsync();
        var form = await FormAsync(holder);
        var fields = form.With(string.Empty, payOn: form.PayOn);
        fields["Data.BankAccountId"] = string.Empty;

        var html = await (await PostAsync(holder, fields, "review")).Content.ReadAsStringAsync(Cancel);

        Assert.Contains("href=\"#Data_AmountChoice\">Select how much to pay</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_BankAccountId\">Select the bank account to pay from</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_cut_off_has_passed_Then_today_is_refused_and_the_page_says_the_next_business_day()
    {
        MoveToBeforeCutOff();
        var day = Today;
        Clock.Advance(TimeSpan.FromMinutes(10)); // 8:05 pm Eastern
        var holder = await HolderAsync();
        var form = await FormAsync(holder);
        var next = BusinessDays.After(day);

        Assert.Equal(Iso(next), form.PayOn);
        Assert.Contains("Today&#x27;s 8 pm Eastern cut-off has passed", form.Html, StringComparison.Ordinal);
        var response = await PostAsync(holder, form.With("current", payOn: Iso(day)), "pay");
        Assert.Contains("cut-off of 8 pm Eastern has passed", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Empty(await PaymentsAsync(holder.UserId));
    }

    [Fact]
    public async Task Given_a_payment_due_today_When_canceled_before_the_cut_off_Then_it_is_canceled_and_after_the_cut_off_another_cannot_be()
    {
        MoveToBeforeCutOff();
        var holder = await HolderAsync();
        var before = await PayAsync(holder, "25.00");
        var after = await PayAsync(holder, "26.00");

        var canceled = await holder.Client.SubmitFormAsync($"/payments/cancel/{before}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, canceled.StatusCode);
        Assert.Equal(PaymentStatus.Canceled, (await PaymentAsync(before)).Status);
        Assert.Contains("Your payment is canceled.", await holder.Client.GetStringAsync($"/payments/payment/{before}", Cancel), StringComparison.Ordinal);

        var cancelForm = await holder.Client.GetStringAsync($"/payments/cancel/{after}", Cancel);
        Clock.Advance(TimeSpan.FromMinutes(6)); // 8:01 pm Eastern: past the cut-off
        var late = await holder.Client.PostAsync($"/payments/cancel/{after}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(cancelForm) }), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(PaymentStatus.Scheduled, (await PaymentAsync(after)).Status);
        var page = await holder.Client.GetStringAsync($"/payments/payment/{after}", Cancel);
        Assert.Contains("could not be canceled", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/payments/cancel/{after}", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await holder.Client.GetAsync($"/payments/change/{after}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_a_scheduled_payment_When_changed_Then_the_new_amount_and_date_are_kept_and_bad_ones_are_refused_at_the_field()
    {
        MoveToBeforeCutOff();
        var holder = await HolderAsync();
        var id = await PayAsync(holder, "30.00");
        var later = NextBusinessDay(Today.AddDays(7));
        var path = $"/payments/change/{id}";
        var bank = (await PaymentAsync(id)).BankAccountId.ToString();

        var bad = await holder.Client.SubmitFormAsync(path, new Dictionary<string, string> { ["Data.Amount"] = "3.5.0", ["Data.BankAccountId"] = bank, ["Data.PayOn"] = Iso(Today.AddDays(-3)) });
        var badHtml = System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("href=\"#Data_Amount\">Amount must be a number of dollars and cents", badHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_PayOn\">Payment date must be today or in the future", badHtml, StringComparison.Ordinal);
        Assert.Equal(Money.FromDecimal(30m), (await PaymentAsync(id)).Amount);

        var changed = await holder.Client.SubmitFormAsync(path, new Dictionary<string, string> { ["Data.Amount"] = "31.50", ["Data.BankAccountId"] = bank, ["Data.PayOn"] = Iso(later) });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var payment = await PaymentAsync(id);
        Assert.Equal(Money.FromDecimal(31.50m), payment.Amount);
        Assert.Equal(later, payment.PayOn);
        Assert.Equal(PaymentStatus.Scheduled, payment.Status);
    }

    [Fact]
    public async Task Given_another_users_ids_Then_every_payment_page_and_post_is_not_found_and_nothing_changes()
    {
        MoveToBeforeCutOff();
        var owner = await HolderAsync();
        var theirs = await PayAsync(owner, "20.00");
        var intruder = await HolderAsync();
        var form = await FormAsync(intruder);

        foreach (var path in new[] { $"/payments/pay/{owner.Account.CardAccountId}", $"/payments/payment/{theirs}", $"/payments/change/{theirs}", $"/payments/cancel/{theirs}", $"/payments/pay/{Guid.NewGuid()}", $"/payments/payment/{Guid.NewGuid()}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.GetAsync(path, Cancel)).StatusCode);
        }

        var token = new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Token };
        var payTheirs = form.With("current", payOn: form.PayOn);
        payTheirs["step"] = "pay";
        payTheirs["__RequestVerificationToken"] = form.Token;
        var ownerBank = (await PaymentAsync(theirs)).BankAccountId.ToString();
        var withTheirBank = form.With("current", payOn: form.PayOn);
        withTheirBank["Data.BankAccountId"] = ownerBank;
        withTheirBank["step"] = "pay";
        withTheirBank["__RequestVerificationToken"] = form.Token;
        var change = new Dictionary<string, string>(token) { ["Data.Amount"] = "1.00", ["Data.BankAccountId"] = form.BankAccountId, ["Data.PayOn"] = form.PayOn };

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.PostAsync($"/payments/pay/{owner.Account.CardAccountId}", new FormUrlEncodedContent(payTheirs), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.PostAsync(form.Path, new FormUrlEncodedContent(withTheirBank), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.PostAsync($"/payments/change/{theirs}", new FormUrlEncodedContent(change), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.PostAsync($"/payments/cancel/{theirs}", new FormUrlEncodedContent(token), Cancel)).StatusCode);

        var payment = await PaymentAsync(theirs);
        Assert.Equal(PaymentStatus.Scheduled, payment.Status);
        Assert.Equal(Money.FromDecimal(20m), payment.Amount);
        Assert.Empty(await PaymentsAsync(intruder.UserId));
        Assert.DoesNotContain(payment.ConfirmationNumber, await intruder.Client.GetStringAsync("/payments/history", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_more_payments_than_a_page_Then_history_shows_them_newest_first_twenty_a_page()
    {
        MoveToBeforeCutOff();
        var holder = await HolderAsync();
        for (var i = 1; i <= 23; i++)
        {
            await PayAsync(holder, $"{i}.00");
        }

        var first = await holder.Client.GetStringAsync("/payments/history", Cancel);
        var second = await holder.Client.GetStringAsync("/payments/history?p=2", Cancel);

        Assert.Equal(20, Regex.Count(first, "data-testid=\"payment-row\""));
        Assert.Equal(3, Regex.Count(second, "data-testid=\"payment-row\""));
        Assert.Contains("$23.00", first, StringComparison.Ordinal);
        Assert.Contains("$1.00", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\" href=\"/payments/history?p=2\"", first, StringComparison.Ordinal);
    }

    /// <summary>The business day the clock was moved to (Eastern).</summary>
    private DateOnly Today { get; set; }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly NextBusinessDay(DateOnly day) => BusinessDays.OnOrAfter(day);

    private static DateOnly NextDay(DateOnly from, Func<DateOnly, bool> match, int maxDays = 14)
    {
        for (var i = 0; i < maxDays; i++)
        {
            if (match(from.AddDays(i)))
            {
                return from.AddDays(i);
            }
        }

        throw new InvalidOperationException("No such day in range.");
    }

    /// <summary>Moves the app's clock forward to 7:55 pm Eastern on the next business day it has not passed yet.</summary>
    private void MoveToBeforeCutOff()
    {
        var day = PaymentCalendar.Today(Clock.GetUtcNow());
        while (!BusinessDays.IsBusinessDay(day) || PaymentCalendar.CutOffOn(day).AddMinutes(-5) <= Clock.GetUtcNow())
        {
            day = day.AddDays(1);
        }

        Clock.SetUtcNow(PaymentCalendar.CutOffOn(day).AddMinutes(-5));
        Today = day;
    }

    private async Task<Holder> HolderAsync(bool withStatement = false)
    {
        var account = await App.OpenAsync(transactionsPerCard: 5, mobile: null);
        await App.SendAsync(new PostCardTransaction(account.CardAccountId, account.CardIds[0], Clock.GetUtcNow().UtcDateTime.AddDays(-40), "Furniture store", TransactionKind.Purchase, Money.FromDecimal(3_000m)));
        if (withStatement)
        {
            await App.SendAsync(new CloseStatement(account.CardAccountId, Today.AddDays(-1)));
        }

        var (userName, userId) = await App.NewCardholderAsync(Password, account);
        var accountNumber = Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await App.SendAsync(new AddBankAccount(userId, IsSavings: false, "Test Holder", "011000015", accountNumber));
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        return new Holder(client, userId, account);
    }

    private async Task<PayForm> FormAsync(Holder holder)
    {
        var path = $"/payments/pay/{holder.Account.CardAccountId}";
        var html = await holder.Client.GetStringAsync(path, Cancel);
        return new PayForm(
            path,
            html,
            BillCenterApp.AntiforgeryToken(html),
            KeyPattern().Match(html).Groups[1].Value,
            BankPattern().Match(html).Groups[1].Value,
            PayOnPattern().Match(html).Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> PostAsync(Holder holder, Dictionary<string, string> fields, string step)
    {
        var form = await holder.Client.GetStringAsync($"/payments/pay/{holder.Account.CardAccountId}", Cancel);
        var values = new Dictionary<string, string>(fields) { ["step"] = step, ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(form) };
        return await holder.Client.PostAsync($"/payments/pay/{holder.Account.CardAccountId}", new FormUrlEncodedContent(values), Cancel);
    }

    private async Task<Guid> PayAsync(Holder holder, string amount)
    {
        var form = await FormAsync(holder);
        var fields = form.With("other", amount, form.PayOn);
        fields["Data.DuplicateShown"] = "true";
        fields["Data.ConfirmDuplicate"] = "true";
        var response = await PostAsync(holder, fields, "pay");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/payments/payment/".Length..]);
    }

    private async Task<List<Payment>> PaymentsAsync(string userId)
    {
        var payments = new List<Payment>();
        await App.WithScopeAsync(async services =>
            payments = await services.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(Cancel));
        return payments;
    }

    private async Task<Payment> PaymentAsync(Guid id)
    {
        Payment? payment = null;
        await App.WithScopeAsync(async services =>
            payment = await services.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking().SingleAsync(p => p.Id == id, Cancel));
        return payment!;
    }

    [GeneratedRegex("name=\"Data.IdempotencyKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"")]
    private static partial Regex BankPattern();

    [GeneratedRegex("name=\"Data.PayOn\"[^>]*value=\"([0-9-]{10})\"")]
    private static partial Regex PayOnPattern();

    private sealed record Holder(HttpClient Client, string UserId, TestAccount Account);

    private sealed record PayForm(string Path, string Html, string Token, string Key, string BankAccountId, string PayOn)
    {
        public Dictionary<string, string> With(string choice, string other = "", string payOn = "") => new()
        {
            ["Data.IdempotencyKey"] = Key,
            ["Data.AmountChoice"] = choice,
            ["Data.OtherAmount"] = other,
            ["Data.BankAccountId"] = BankAccountId,
            ["Data.PayOn"] = payOn,
        };
    }
}

public sealed class PaymentPagesTestsOnSqlite(ClockedSqliteFixture fixture) : PaymentPagesTests(fixture), IClassFixture<ClockedSqliteFixture>;

public sealed class PaymentPagesTestsOnPostgres(ClockedPostgresFixture fixture) : PaymentPagesTests(fixture), IClassFixture<ClockedPostgresFixture>;
