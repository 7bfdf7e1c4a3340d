using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Money;

namespace BillCenter.IntegrationTests.Payments;

/// <summary>
/// Turning AutoPay of a card account on, changing it and turning it off, through the real HTTP pipeline: the plan kept,
/// the scheduled AutoPay payments canceled with it, each change alerted (read back from the real SMTP server) and audited.
/// </summary>
public abstract class AutoPayTests(NotificationAppFixture fixture)
{
    private const string ChangedSubject = "Security alert: AutoPay was changed";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_bank_account_When_AutoPay_is_turned_on_changed_and_turned_off_Then_the_plan_follows_and_each_change_is_alerted_and_audited()
    {
        var (client, userId, account) = await App.SignedInHolderAsync();
        var (bankAccountId, number) = await App.AddBankAccountAsync(client, userId);
        var bank = $"Checking ending {number[^4..]}";
        var path = AutoPayPath(account.CardAccountId);
        var before = await client.GetStringAsync(path, Cancel);
        Assert.Contains("AutoPay is off.", before, StringComparison.Ordinal);
        Assert.Contains("never more than the statement balance", before, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{bankAccountId}\" selected>{bank}</option>", before, StringComparison.Ordinal); // the one bank account, chosen

        var on = await SaveAsync(client, path, Form("MinimumDue", null, bankAccountId, "3"));

        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal(path, on.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync(path, Cancel);
        Assert.Contains("AutoPay is on for the", page, StringComparison.Ordinal);
        Assert.Contains($"It pays the minimum payment due, from {bank}, 3 days before the due date.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"MinimumDue\" checked", page, StringComparison.Ordinal);
        var plan = await App.PlanAsync(account.CardAccountId);
        Assert.NotNull(plan);
        Assert.Equal((AutoPayRule.MinimumDue, Money.Zero, bankAccountId, 3, userId), (plan.Rule, plan.FixedAmount, plan.BankAccountId, plan.DaysBefore, plan.UserId));

        var changed = await SaveAsync(client, path, Form("FixedAmount", "$1,250.5", bankAccountId, "0"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("is changed.", await client.GetStringAsync(path, Cancel), StringComparison.Ordinal);
        var changedPlan = await App.PlanAsync(account.CardAccountId);
        Assert.Equal((AutoPayRule.FixedAmount, Money.FromDecimal(1_250.50m), 0), (changedPlan!.Rule, changedPlan.FixedAmount, changedPlan.DaysBefore));
        Assert.NotEqual(plan.Version, changedPlan.Version);
        Assert.Equal(plan.EnrolledAt, changedPlan.EnrolledAt);

        var off = await TurnOffAsync(client, account.CardAccountId);

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var after = await client.GetStringAsync(path, Cancel);
        Assert.Contains("AutoPay is off for the", after, StringComparison.Ordinal);
        Assert.Contains("AutoPay is off.", after, StringComparison.Ordinal);
        Assert.Null(await App.PlanAsync(account.CardAccountId));

        var alerts = await PaymentsTestData.WaitForMessagesAsync(account.Email!, ChangedSubject, 3);
        var last4 = account.CardNumbers[0][^4..];
        string[] expected =
        [
            $"turned on: the minimum payment due, from {bank}, 3 days before the due date",
            $"changed: a fixed amount of $1,250.50 (never more than the statement balance), from {bank}, on the due date",
            "turned off",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), alerts.Select(m => Change(m.TextBody ?? string.Empty, last4)).Order(StringComparer.Ordinal));
        var events = await App.SecurityEventsAsync(userId, SecurityEventKind.AutoPayChanged);
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(account.CardAccountId, e.CardAccountId));
        Assert.Equal("AutoPay turned off", events[2].Detail);
    }

    [Fact]
    public async Task Given_AutoPay_payments_When_AutoPay_is_turned_off_Then_only_its_scheduled_payments_of_that_account_are_canceled()
    {
        var (client, userId, account) = await App.SignedInHolderAsync(accounts: 2);
        var (bankAccountId, _) = await App.AddBankAccountAsync(client, userId);
        var other = (await App.SendAsync(new BillCenter.Modules.Accounts.Contracts.GetPaymentAccounts(userId))).Single(a => a.CardAccountId != account.CardAccountId).CardAccountId;
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, AutoPayPath(account.CardAccountId), Form("StatementBalance", null, bankAccountId, "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, AutoPayPath(other), Form("StatementBalance", null, bankAccountId, "1"))).StatusCode);
        var scheduled = await App.AddPaymentAsync(userId, account.CardAccountId, bankAccountId, PaymentStatus.Scheduled, autoPay: true);
        var secondScheduled = await App.AddPaymentAsync(userId, account.CardAccountId, bankAccountId, PaymentStatus.Scheduled, autoPay: true);
        var processing = await App.AddPaymentAsync(userId, account.CardAccountId, bankAccountId, PaymentStatus.Processing, autoPay: true);
        var posted = await App.AddPaymentAsync(userId, account.CardAccountId, bankAccountId, PaymentStatus.Posted, autoPay: true);
        var oneTime = await App.AddPaymentAsync(userId, account.CardAccountId, bankAccountId, PaymentStatus.Scheduled, autoPay: false);
        var otherAccounts = await App.AddPaymentAsync(userId, other, bankAccountId, PaymentStatus.Scheduled, autoPay: true);

        var off = await TurnOffAsync(client, account.CardAccountId);

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("we canceled the 2 AutoPay payments that were scheduled", await client.GetStringAsync(AutoPayPath(account.CardAccountId), Cancel), StringComparison.Ordinal);
        foreach (var id in new[] { scheduled, secondScheduled })
        {
            var payment = await App.PaymentAsync(id);
            Assert.Equal(PaymentStatus.Canceled, payment.Status);
            Assert.NotNull(payment.CanceledAt);
        }

        Assert.Equal(PaymentStatus.Processing, (await App.PaymentAsync(processing)).Status);
        Assert.Equal(PaymentStatus.Posted, (await App.PaymentAsync(posted)).Status);
        Assert.Equal(PaymentStatus.Scheduled, (await App.PaymentAsync(oneTime)).Status);
        Assert.Equal(PaymentStatus.Scheduled, (await App.PaymentAsync(otherAccounts)).Status);
        Assert.Null(await App.PlanAsync(account.CardAccountId));
        Assert.NotNull(await App.PlanAsync(other));

        // Off already: nothing more happens.
        Assert.Equal(HttpStatusCode.Redirect, (await TurnOffAsync(client, account.CardAccountId)).StatusCode);
        Assert.Contains("AutoPay is already off", await client.GetStringAsync(AutoPayPath(account.CardAccountId), Cancel), StringComparison.Ordinal);
        Assert.Equal(3, (await App.SecurityEventsAsync(userId, SecurityEventKind.AutoPayChanged)).Count);
    }

    [Theory]
    [InlineData("FixedAmount", "", "1", "Data.FixedAmount", "Enter the fixed amount AutoPay pays, for example 150.00")]
    [InlineData("FixedAmount", "twenty", "1", "Data.FixedAmount", "Fixed amount must only include numbers and a decimal point, for example 150.00")]
    [InlineData("FixedAmount", "12.5.0", "1", "Data.FixedAmount", "Fixed amount must be a number, for example 150.00")]
    [InlineData("FixedAmount", "150.255", "1", "Data.FixedAmount", "Fixed amount must not have more than 2 decimal places, for example 150.25")]
    [InlineData("FixedAmount", "0.99", "1", "Data.FixedAmount", "Fixed amount must be $1.00 or more")]
    [InlineData("FixedAmount", "-5", "1", "Data.FixedAmount", "Fixed amount must be $1.00 or more")]
    [InlineData("FixedAmount", "100,000", "1", "Data.FixedAmount", "Fixed amount must be $99,999.99 or less")]
    [InlineData("", "", "1", "Data.Rule", "Select what AutoPay pays")]
    [InlineData("Everything", "", "1", "Data.Rule", "Select what AutoPay pays from the list")]
    [InlineData("MinimumDue", "", "", "Data.DaysBefore", "Select when AutoPay pays")]
    [InlineData("MinimumDue", "", "11", "Data.DaysBefore", "Select when AutoPay pays from the list")]
    public async Task Given_a_missing_or_bad_choice_Then_the_field_says_why_and_AutoPay_stays_off(string rule, string amount, string days, string field, string message)
    {
        var (client, userId, account) = await App.SignedInHolderAsync();
        var (bankAccountId, _) = await App.AddBankAccountAsync(client, userId);

        var response = await SaveAsync(client, AutoPayPath(account.CardAccountId), Form(rule, amount, bankAccountId, days));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: AutoPay – BillCenter</title>", html, StringComparison.Ordinal);
        PaymentsTestData.AssertFieldError(html, field, message);
        Assert.Null(await App.PlanAsync(account.CardAccountId));
        Assert.Empty(await App.SecurityEventsAsync(userId, SecurityEventKind.AutoPayChanged));
    }

    [Fact]
    public async Task Given_no_bank_account_Then_the_page_links_to_adding_one_and_back()
    {
        var (client, _, account) = await App.SignedInHolderAsync();
        var path = AutoPayPath(account.CardAccountId);

        var page = await client.GetStringAsync(path, Cancel);

        var add = $"/payments/bank-accounts/add?returnUrl={Uri.EscapeDataString(path)}";
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(add)}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Data.Rule\"", page, StringComparison.Ordinal);
        var added = await client.SubmitFormAsync(add, PaymentsTestData.BankAccountForm(PaymentsTestData.NewAccountNumber()));
        Assert.Equal(path, added.Headers.Location?.OriginalString);
        var back = await client.GetStringAsync(path, Cancel);
        Assert.Contains("is saved. We sent a security alert", back, StringComparison.Ordinal);
        Assert.Contains("name=\"Data.Rule\"", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_another_users_card_account_or_bank_account_Then_not_found_and_nothing_changes()
    {
        var (client, userId, own) = await App.SignedInHolderAsync();
        var (otherClient, otherUserId, theirs) = await App.SignedInHolderAsync();
        var (mine, _) = await App.AddBankAccountAsync(client, userId);
        var (theirBank, _) = await App.AddBankAccountAsync(otherClient, otherUserId);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(otherClient, AutoPayPath(theirs.CardAccountId), Form("MinimumDue", null, theirBank, "2"))).StatusCode);
        var theirPlan = await App.PlanAsync(theirs.CardAccountId);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(AutoPayPath(theirs.CardAccountId), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(AutoPayPath(Guid.NewGuid()), Cancel)).StatusCode);
        var save = await client.SubmitFormAsync(AutoPayPath(own.CardAccountId), AutoPayPath(theirs.CardAccountId), Form("StatementBalance", null, mine, "5"));
        var badSave = await client.SubmitFormAsync(AutoPayPath(own.CardAccountId), AutoPayPath(theirs.CardAccountId), Form(string.Empty, null, mine, "5"));
        var off = await client.SubmitFormAsync(AutoPayPath(own.CardAccountId), $"{AutoPayPath(theirs.CardAccountId)}?handler=TurnOff", new Dictionary<string, string>());
        var theirBankOnMine = await SaveAsync(client, AutoPayPath(own.CardAccountId), Form("StatementBalance", null, theirBank, "5"));

        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badSave.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirBankOnMine.StatusCode);
        Assert.Equal(theirPlan!.Version, (await App.PlanAsync(theirs.CardAccountId))!.Version);
        Assert.Null(await App.PlanAsync(own.CardAccountId));
        Assert.Empty(await App.SecurityEventsAsync(userId, SecurityEventKind.AutoPayChanged));
    }

    [Fact]
    public async Task Given_AutoPay_changed_in_another_window_When_the_older_page_is_saved_Then_nothing_is_saved_and_the_page_says_why()
    {
        var (client, userId, account) = await App.SignedInHolderAsync();
        var (bankAccountId, _) = await App.AddBankAccountAsync(client, userId);
        var path = AutoPayPath(account.CardAccountId);
        var olderPage = await client.GetStringAsync(path, Cancel); // AutoPay off: the form carries no version
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, path, Form("MinimumDue", null, bankAccountId, "2"))).StatusCode);
        var plan = await App.PlanAsync(account.CardAccountId);

        var stale = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(Form("StatementBalance", null, bankAccountId, "4"))
        {
            ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(olderPage),
        }), Cancel);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        PaymentsTestData.AssertFieldError(await stale.Content.ReadAsStringAsync(Cancel), "Data.Rule",
            "AutoPay for this account was just changed in another window, so nothing was saved here. Check the details and save again");
        Assert.Equal(plan!.Version, (await App.PlanAsync(account.CardAccountId))!.Version);
    }

    private static string AutoPayPath(Guid cardAccountId) => $"/payments/autopay/{cardAccountId}";

    private static Task<HttpResponseMessage> TurnOffAsync(HttpClient client, Guid cardAccountId) =>
        client.SubmitFormAsync(AutoPayPath(cardAccountId), $"{AutoPayPath(cardAccountId)}?handler=TurnOff", new Dictionary<string, string>());

    /// <summary>Posts the AutoPay form as the page now shows it: with its antiforgery token and the plan's version, when AutoPay is on.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path, Cancel);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(page) };
        if (System.Text.RegularExpressions.Regex.Match(page, "name=\"Data.Version\" value=\"([^\"]+)\"") is { Success: true } version)
        {
            values["Data.Version"] = version.Groups[1].Value;
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(values), Cancel);
    }

    private static Dictionary<string, string> Form(string rule, string? amount, Guid bankAccountId, string days) => new()
    {
        ["Data.Rule"] = rule,
        ["Data.FixedAmount"] = amount ?? string.Empty,
        ["Data.BankAccountId"] = bankAccountId.ToString(),
        ["Data.DaysBefore"] = days,
    };

    /// <summary>The {Change} of an "autopay-changed" alert.</summary>
    private static string Change(string text, string last4)
    {
        var start = text.IndexOf($"ending {last4} was changed: ", StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        start += $"ending {last4} was changed: ".Length;
        return text[start..text.IndexOf(". If this was not you", start, StringComparison.Ordinal)];
    }
}

public sealed class AutoPayTestsOnSqlite(SqliteNotificationFixture fixture) : AutoPayTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class AutoPayTestsOnPostgres(PostgresNotificationFixture fixture) : AutoPayTests(fixture), IClassFixture<PostgresNotificationFixture>;
