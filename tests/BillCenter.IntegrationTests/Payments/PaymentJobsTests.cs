using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.Modules.Payments.Features.PostDuePayments;
using BillCenter.Modules.Payments.Features.ScheduleAutoPay;
using BillCenter.SharedKernel.Messaging;
using BillCenter.SharedKernel.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BillCenter.IntegrationTests;

/// <summary>
/// The payment jobs against the real database and SMTP server, on clocks the tests choose: the posting run posts each
/// payment due by the last cut-off once (however runs race) with one "payment received" alert, leaves the rest
/// scheduled, and reverses a payment the bank returns once with one "payment returned" alert; AutoPay schedules each
/// statement's payment once, for what its rule leaves owing, on its day and not before.
/// </summary>
public abstract class PaymentJobsTests(NotificationAppFixture fixture)
{
    private const string Password = "maple river compass 42";
    private const string GoodRouting = "011000015";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Today on US Eastern time (the payments' calendar).</summary>
    private static DateOnly Today => PaymentCalendar.Today(DateTimeOffset.UtcNow);

    private static DateTimeOffset AfterCutOff => PaymentCalendar.CutOffOn(Today).AddMinutes(1);

    [Fact]
    public async Task Given_payments_due_today_When_two_posting_runs_race_Then_each_posts_to_the_ledger_once_with_one_alert_and_tomorrow_s_stays_scheduled()
    {
        var first = await CardholderAsync(purchase: 900m);
        var second = await CardholderAsync(purchase: 900m);
        var online = await PaymentAsync(first, 120.50m, Today);
        var autoPay = await PaymentAsync(first, 35m, Today.AddDays(-1), statementId: Guid.NewGuid()); // a day late: still due
        var other = await PaymentAsync(second, 250m, Today);
        var tomorrow = await PaymentAsync(second, 75m, Today.AddDays(1));
        var balances = (await BalanceAsync(first.Account.CardAccountId), await BalanceAsync(second.Account.CardAccountId));

        await Task.WhenAll(PostAsync(AfterCutOff), PostAsync(AfterCutOff));
        await PostAsync(AfterCutOff.AddMinutes(5));

        Assert.Equal(balances.Item1 - Dollars(155.50m), await BalanceAsync(first.Account.CardAccountId));
        Assert.Equal(balances.Item2 - Dollars(250m), await BalanceAsync(second.Account.CardAccountId));
        var entries = await LedgerPaymentsAsync(first.Account.CardAccountId);
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.Amount == Dollars(-120.50m) && e.Description == DuePaymentPoster.OnlineDescription);
        Assert.Contains(entries, e => e.Amount == Dollars(-35m) && e.Description == DuePaymentPoster.AutoPayDescription);
        Assert.Single(await LedgerPaymentsAsync(second.Account.CardAccountId));
        foreach (var id in new[] { online, autoPay, other })
        {
            var payment = await PaymentByIdAsync(id);
            Assert.Equal(PaymentStatus.Posted, payment.Status);
            Assert.Equal(AfterCutOff.UtcDateTime, payment.PostedAt);
            Assert.Equal(1, await AlertsAsync(id, AlertType.PaymentReceived, "payment-received"));
        }

        Assert.Equal(PaymentStatus.Scheduled, (await PaymentByIdAsync(tomorrow)).Status);
        Assert.Equal(0, await AlertsAsync(tomorrow, AlertType.PaymentReceived, "payment-received"));
    }

    [Fact]
    public async Task Given_a_payment_due_today_Then_before_the_8_pm_Eastern_cut_off_it_stays_scheduled_and_from_it_it_posts()
    {
        var holder = await CardholderAsync(purchase: 300m);
        var id = await PaymentAsync(holder, 60m, Today);
        var before = await BalanceAsync(holder.Account.CardAccountId);

        await PostAsync(PaymentCalendar.CutOffOn(Today).AddMinutes(-1));

        Assert.Equal(PaymentStatus.Scheduled, (await PaymentByIdAsync(id)).Status);
        Assert.Empty(await LedgerPaymentsAsync(holder.Account.CardAccountId));
        Assert.Equal(before, await BalanceAsync(holder.Account.CardAccountId));

        await PostAsync(PaymentCalendar.CutOffOn(Today));

        Assert.Equal(PaymentStatus.Posted, (await PaymentByIdAsync(id)).Status);
        Assert.Equal(before - Dollars(60m), await BalanceAsync(holder.Account.CardAccountId));
    }

    [Fact]
    public async Task Given_a_posted_payment_Then_the_payment_received_email_from_the_real_smtp_server_names_the_amount_and_the_card()
    {
        var holder = await CardholderAsync(purchase: 400m);
        await PaymentAsync(holder, 123.45m, Today);

        await PostAsync(AfterCutOff);
        await PublishOutboxAsync();

        var email = await MailDrop.WaitForSubjectAsync(holder.Account.Email!, "We received your payment");
        Assert.Contains("$123.45", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"ending {holder.Account.CardNumbers[0][^4..]}", email.TextBody, StringComparison.Ordinal);
        await Dispatcher.DrainAsync(App);
        Assert.Single(await MailDrop.MessagesToAsync(holder.Account.Email!), m => m.Subject == "We received your payment");
    }

    [Fact]
    public async Task Given_a_payment_from_the_returning_routing_number_Then_it_posts_then_is_returned_once_balance_restored_with_one_returned_email()
    {
        var holder = await CardholderAsync(purchase: 700m, routing: new PaymentsOptions().ReturnRoutingNumber);
        var id = await PaymentAsync(holder, 200m, Today);
        var before = await BalanceAsync(holder.Account.CardAccountId);

        await Task.WhenAll(PostAsync(AfterCutOff), PostAsync(AfterCutOff));
        await PostAsync(AfterCutOff.AddMinutes(5));

        var payment = await PaymentByIdAsync(id);
        Assert.Equal(PaymentStatus.Returned, payment.Status);
        Assert.Equal(AfterCutOff.UtcDateTime, payment.ReturnedAt);
        Assert.Equal(before, await BalanceAsync(holder.Account.CardAccountId));
        var entries = await LedgerPaymentsAsync(holder.Account.CardAccountId);
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.Amount == Dollars(-200m));
        Assert.Contains(entries, e => e.Amount == Dollars(200m) && e.Description == DuePaymentPoster.ReturnedDescription);
        Assert.Equal(1, await AlertsAsync(id, AlertType.Security, "payment-returned"));

        await PublishOutboxAsync();
        var email = await MailDrop.WaitForSubjectAsync(holder.Account.Email!, "Your payment was returned");
        Assert.Contains("$200.00", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(payment.ConfirmationNumber, email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"ending {holder.Account.CardNumbers[0][^4..]}", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_recurring_jobs_as_the_app_builds_them_Then_posting_runs_on_the_app_s_clock_and_AutoPay_finds_nothing_due_yet()
    {
        var holder = await CardholderAsync(purchase: 200m);
        var id = await PaymentAsync(holder, 45m, Today.AddDays(-1)); // yesterday's cut-off has passed whatever the hour
        var planned = await StatementAsync(CloseDay(), 300m);
        await PlanAsync(planned, AutoPayRule.StatementBalance); // due weeks from now

        await App.WithScopeAsync(services => services.GetRequiredService<Modules.Payments.Jobs.PostPayments>().RunAsync(Cancel));
        await App.WithScopeAsync(services => services.GetRequiredService<Modules.Payments.Jobs.ScheduleAutoPay>().RunAsync(Cancel));

        Assert.Equal(PaymentStatus.Posted, (await PaymentByIdAsync(id)).Status);
        Assert.Empty(await PaymentsOfAsync(planned));
    }

    [Fact]
    public async Task Given_AutoPay_plans_on_their_day_Then_each_schedules_what_its_rule_leaves_owing_capped_at_the_balance()
    {
        var close = CloseDay();
        var minimum = await StatementAsync(close, 500m);
        var full = await StatementAsync(close, 500m);
        var fixedAmount = await StatementAsync(close, 500m);
        var capped = await StatementAsync(close, 500m);
        var partlyPaid = await StatementAsync(close, 500m, paidSinceClose: 100m);
        var partlyScheduled = await StatementAsync(close, 500m);
        await PaymentAsync(partlyScheduled, 50m, Today.AddDays(3));
        await PlanAsync(minimum, AutoPayRule.MinimumDue);
        await PlanAsync(full, AutoPayRule.StatementBalance);
        await PlanAsync(fixedAmount, AutoPayRule.FixedAmount, fixedAmount: 120m);
        await PlanAsync(capped, AutoPayRule.FixedAmount, fixedAmount: 800m);
        await PlanAsync(partlyPaid, AutoPayRule.StatementBalance);
        await PlanAsync(partlyScheduled, AutoPayRule.StatementBalance);
        var statement = (await LastStatementAsync(minimum))!;
        var day = PaymentCalendar.OnOrBefore(statement.DueDate);

        await ScheduleAsync(MorningOf(day));

        var scheduled = await AutoPayPaymentAsync(minimum);
        Assert.Equal(statement.MinimumDue, scheduled.Amount);
        Assert.Equal(day, scheduled.PayOn);
        Assert.Equal(statement.StatementId, scheduled.StatementId);
        Assert.Equal($"autopay:{statement.StatementId:N}", scheduled.IdempotencyKey);
        Assert.Equal(PaymentStatus.Scheduled, scheduled.Status);
        Assert.True(ConfirmationNumbers.IsWellFormed(scheduled.ConfirmationNumber), scheduled.ConfirmationNumber);
        Assert.Equal(minimum.UserId, scheduled.UserId);
        Assert.Equal(minimum.BankAccountId, scheduled.BankAccountId);
        Assert.Equal(Dollars(500m), (await AutoPayPaymentAsync(full)).Amount);
        Assert.Equal(Dollars(120m), (await AutoPayPaymentAsync(fixedAmount)).Amount);
        Assert.Equal(Dollars(500m), (await AutoPayPaymentAsync(capped)).Amount);
        Assert.Equal(Dollars(400m), (await AutoPayPaymentAsync(partlyPaid)).Amount);
        Assert.Equal(Dollars(450m), (await AutoPayPaymentAsync(partlyScheduled)).Amount);
    }

    [Fact]
    public async Task Given_two_AutoPay_runs_at_once_Then_each_statement_is_scheduled_once()
    {
        var close = CloseDay();
        var holders = new List<Holder>();
        for (var i = 0; i < 6; i++)
        {
            var holder = await StatementAsync(close, 200m + i);
            await PlanAsync(holder, AutoPayRule.StatementBalance);
            holders.Add(holder);
        }

        var day = PaymentCalendar.OnOrBefore((await LastStatementAsync(holders[0]))!.DueDate);

        await Task.WhenAll(ScheduleAsync(MorningOf(day)), ScheduleAsync(MorningOf(day)));
        await ScheduleAsync(MorningOf(day).AddHours(2));

        for (var i = 0; i < holders.Count; i++)
        {
            var payments = await PaymentsOfAsync(holders[i]);
            Assert.Equal(Dollars(200m + i), Assert.Single(payments).Amount);
        }
    }

    [Fact]
    public async Task Given_a_statement_paid_in_full_or_covered_by_a_scheduled_payment_Then_AutoPay_schedules_nothing()
    {
        var close = CloseDay();
        var paid = await StatementAsync(close, 300m, paidSinceClose: 300m);
        var covered = await StatementAsync(close, 300m);
        await PaymentAsync(covered, 300m, Today.AddDays(2));
        var minimumPaid = await StatementAsync(close, 300m, paidSinceClose: 40m);
        var owing = await StatementAsync(close, 300m);
        await PlanAsync(paid, AutoPayRule.StatementBalance);
        await PlanAsync(covered, AutoPayRule.FixedAmount, fixedAmount: 50m);
        await PlanAsync(minimumPaid, AutoPayRule.MinimumDue);
        await PlanAsync(owing, AutoPayRule.MinimumDue);
        var day = PaymentCalendar.OnOrBefore((await LastStatementAsync(paid))!.DueDate);

        await ScheduleAsync(MorningOf(day));

        Assert.Empty(await PaymentsOfAsync(paid));
        Assert.Single(await PaymentsOfAsync(covered)); // only the cardholder's own
        Assert.Empty(await PaymentsOfAsync(minimumPaid));
        Assert.Single(await PaymentsOfAsync(owing)); // the same run does schedule an unpaid one
    }

    [Fact]
    public async Task Given_AutoPay_days_before_the_due_date_Then_nothing_is_scheduled_before_that_day_and_on_it_the_payment_is_dated_that_day()
    {
        var holder = await StatementAsync(CloseDay(), 500m);
        await PlanAsync(holder, AutoPayRule.StatementBalance, daysBefore: 3);
        var due = (await LastStatementAsync(holder))!.DueDate;
        var day = PaymentCalendar.OnOrBefore(due.AddDays(-3));
        var dayBefore = PaymentCalendar.OnOrBefore(day.AddDays(-1));

        await ScheduleAsync(PaymentCalendar.CutOffOn(dayBefore).AddMinutes(-1)); // the last minute before the day before's cut-off
        Assert.Empty(await PaymentsOfAsync(holder));

        await ScheduleAsync(MorningOf(day));
        var payment = Assert.Single(await PaymentsOfAsync(holder));
        Assert.Equal(day, payment.PayOn);
        Assert.Equal(Dollars(500m), payment.Amount);
    }

    /// <summary>A cardholder online with a card account (a purchase on it) and a bank account to pay from.</summary>
    private sealed record Holder(TestAccount Account, string UserId, Guid BankAccountId);

    private async Task<Holder> CardholderAsync(decimal purchase, string routing = GoodRouting)
    {
        var (account, userId) = await OnlineAccountAsync();
        await App.SendAsync(new PostCardTransaction(
            account.CardAccountId, account.CardIds[0], DateTime.UtcNow.AddDays(-20), "Corner Bakery", TransactionKind.Purchase, Dollars(purchase)));
        return new Holder(account, userId, await BankAccountAsync(userId, routing));
    }

    /// <summary>A cardholder whose statement closing on <paramref name="close"/> owes <paramref name="purchase"/>, with <paramref name="paidSinceClose"/> posted since.</summary>
    private async Task<Holder> StatementAsync(DateOnly close, decimal purchase, decimal paidSinceClose = 0m)
    {
        var (account, userId) = await OnlineAccountAsync();
        await App.SendAsync(new PostCardTransaction(
            account.CardAccountId, account.CardIds[0], close.AddDays(-1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), "Corner Bakery", TransactionKind.Purchase, Dollars(purchase)));
        await App.SendAsync(new CloseStatement(account.CardAccountId, close));
        if (paidSinceClose > 0)
        {
            await App.SendAsync(new PostCardTransaction(
                account.CardAccountId, null, close.AddDays(1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), "Payment — thank you", TransactionKind.Payment, Dollars(-paidSinceClose)));
        }

        return new Holder(account, userId, await BankAccountAsync(userId, GoodRouting));
    }

    /// <summary>A card account linked to a new online user, as enrollment leaves it.</summary>
    private async Task<(TestAccount Account, string UserId)> OnlineAccountAsync()
    {
        var account = await App.OpenAsync(mobile: null);
        var (_, userId) = await App.NewCardholderAsync(Password, account);
        return (account, userId);
    }

    private async Task<Guid> BankAccountAsync(string userId, string routing)
    {
        var bank = new BankAccount
        {
            UserId = userId,
            Kind = BankAccountKind.Checking,
            HolderName = "Test Holder",
            RoutingNumber = routing,
            ProtectedAccountNumber = "protected",
            Fingerprint = Guid.NewGuid().ToString("N"),
            Last4 = "6789",
            AddedAt = DateTime.UtcNow,
        };
        await WithPaymentsAsync(db => db.BankAccounts.Add(bank));
        return bank.Id;
    }

    /// <summary>A statement close a few days back: its due date is weeks ahead.</summary>
    private static DateOnly CloseDay() => Today.AddDays(-3);

    /// <summary>8 am Eastern on <paramref name="day"/>: the earliest pay date is that day when it is a business day.</summary>
    private static DateTimeOffset MorningOf(DateOnly day) => PaymentCalendar.CutOffOn(day).AddHours(-12);

    private async Task<Guid> PaymentAsync(Holder holder, decimal amount, DateOnly payOn, Guid? statementId = null)
    {
        var payment = new Payment
        {
            UserId = holder.UserId,
            CardAccountId = holder.Account.CardAccountId,
            BankAccountId = holder.BankAccountId,
            Amount = Dollars(amount),
            PayOn = payOn,
            ConfirmationNumber = ConfirmationNumbers.New(),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            StatementId = statementId,
            CreatedAt = DateTime.UtcNow,
        };
        await WithPaymentsAsync(db => db.Payments.Add(payment));
        return payment.Id;
    }

    private Task PlanAsync(Holder holder, AutoPayRule rule, decimal fixedAmount = 0m, int daysBefore = 0) =>
        WithPaymentsAsync(db => db.AutoPayPlans.Add(new AutoPayPlan
        {
            CardAccountId = holder.Account.CardAccountId,
            UserId = holder.UserId,
            BankAccountId = holder.BankAccountId,
            Rule = rule,
            FixedAmount = Dollars(fixedAmount),
            DaysBefore = daysBefore,
            EnrolledAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        }));

    private Task WithPaymentsAsync(Action<PaymentsDbContext> change) =>
        App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PaymentsDbContext>();
            change(db);
            await db.SaveChangesAsync(Cancel);
        });

    /// <summary>The posting job at <paramref name="now"/>, in a scope of its own as a Hangfire job would run.</summary>
    private Task PostAsync(DateTimeOffset now) =>
        App.WithScopeAsync(services => ActivatorUtilities.CreateInstance<DuePaymentPoster>(services, new FakeTimeProvider(now)).RunAsync(Cancel));

    private Task ScheduleAsync(DateTimeOffset now) =>
        App.WithScopeAsync(services => ActivatorUtilities.CreateInstance<AutoPayScheduler>(services, new FakeTimeProvider(now)).RunAsync(Cancel));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        var result = default(T)!;
        await App.WithScopeAsync(async services => result = await action(services));
        return result;
    }

    private Task<Payment> PaymentByIdAsync(Guid id) =>
        InScopeAsync(services => services.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking().SingleAsync(p => p.Id == id, Cancel));

    private Task<List<Payment>> PaymentsOfAsync(Holder holder) =>
        InScopeAsync(services => services.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking()
            .Where(p => p.CardAccountId == holder.Account.CardAccountId).ToListAsync(Cancel));

    private async Task<Payment> AutoPayPaymentAsync(Holder holder) => Assert.Single(await PaymentsOfAsync(holder), p => p.StatementId != null);

    private async Task<PaymentStatement?> LastStatementAsync(Holder holder) =>
        Assert.Single(await App.SendAsync(new GetPaymentAccountsById([holder.Account.CardAccountId]))).LastStatement;

    private Task<Money> BalanceAsync(Guid id) =>
        InScopeAsync(services => services.GetRequiredService<AccountsDbContext>().CardAccounts.AsNoTracking().Where(a => a.Id == id).Select(a => a.Balance).SingleAsync(Cancel));

    private async Task<List<(Money Amount, string Description)>> LedgerPaymentsAsync(Guid id) =>
        (await InScopeAsync(services => services.GetRequiredService<AccountsDbContext>().Transactions.AsNoTracking()
            .Where(t => t.CardAccountId == id && t.Kind == TransactionKind.Payment).Select(t => new { t.Amount, t.Description }).ToListAsync(Cancel)))
        .ConvertAll(t => (t.Amount, t.Description));

    /// <summary>Alerts requested through the Payments outbox (published or not) for the payment's account, amount and template.</summary>
    private async Task<int> AlertsAsync(Guid paymentId, AlertType type, string template)
    {
        var payment = await PaymentByIdAsync(paymentId);
        return await InScopeAsync(async services =>
        {
            var messages = await services.GetRequiredService<PaymentsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync(Cancel);
            return messages.Select(m => m.ToEvent()).OfType<AlertRequested>().Count(a =>
                a.CardAccountId == payment.CardAccountId && a.UserId == payment.UserId && a.Type == type && a.Template == template
                && a.Parameters["Amount"] == payment.Amount.ToString());
        });
    }

    private Task PublishOutboxAsync() =>
        App.WithScopeAsync(services => services.GetRequiredService<OutboxPublisher<PaymentsDbContext>>().PublishPendingAsync(Cancel));

    private static Money Dollars(decimal amount) => Money.FromDecimal(amount);
}

public sealed class PaymentJobsTestsOnSqlite(SqliteNotificationFixture fixture) : PaymentJobsTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class PaymentJobsTestsOnPostgres(PostgresNotificationFixture fixture) : PaymentJobsTests(fixture), IClassFixture<PostgresNotificationFixture>;
