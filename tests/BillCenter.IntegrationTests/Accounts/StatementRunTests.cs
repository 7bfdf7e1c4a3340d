using System.Net;
using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.PaymentReminders;
using BillCenter.Modules.Accounts.Jobs;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using BillCenter.SharedKernel.Messaging;
using BillCenter.SharedKernel.Money;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// The statement run and the payment-due reminders against the real database and SMTP server: each cycle closes once
/// however the runs race or stop, entries are stamped once, paperless accounts get one email and paper accounts one
/// paper-mail record, unpaid balances bring interest and a late fee, and each statement's reminder goes once.
/// </summary>
public abstract class StatementRunTests(NotificationAppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Given_a_paperless_account_whose_cycle_ended_When_the_run_closes_it_Then_one_statement_of_its_entries_and_one_email_from_the_real_smtp_server()
    {
        var account = await App.OpenAsync(mobile: null);
        var close = (await AccountAsync(account.CardAccountId)).NextCycleClose!.Value;
        await PostAsync(account, close.AddDays(-5), 120.50m);
        await PostAsync(account, close, 80.25m);
        await PostAsync(account, close.AddDays(-2), -50m, TransactionKind.Credit);
        var late = await PostAsync(account, close.AddDays(1), 999m); // the next cycle

        await RunAsync();

        var statement = Assert.Single(await StatementsAsync(account.CardAccountId));
        Assert.Equal(close, statement.PeriodEnd);
        Assert.Equal(Dollars(200.75m), statement.Purchases);
        Assert.Equal(Dollars(-50m), statement.PaymentsAndCredits);
        Assert.Equal(Dollars(150.75m), statement.ClosingBalance);
        Assert.Equal(Dollars(35m), statement.MinimumDue);
        Assert.Equal(StatementCycle.DueDate(close), statement.DueDate);
        Assert.Equal(StatementCycle.Number(account.CardAccountId, close), statement.Number);
        Assert.Equal(3, await StampedAsync(statement.Id));
        Assert.Null(await StatementOfAsync(late));
        Assert.Equal(StatementCycle.NextClose(close, 10), (await AccountAsync(account.CardAccountId)).NextCycleClose);
        Assert.Equal(0, await PaperMailAsync(account.CardAccountId));

        await PublishOutboxAsync();
        var email = await MailDrop.WaitForSubjectAsync(account.Email!, "Your statement is ready");
        Assert.Contains("Your minimum payment of $35.00 is due on", email.TextBody, StringComparison.Ordinal);
        await Dispatcher.DrainAsync(App);
        Assert.Single(await MailDrop.MessagesToAsync(account.Email!), m => m.Subject == "Your statement is ready");
    }

    [Fact]
    public async Task Given_a_paper_account_When_the_run_closes_it_Then_one_paper_mail_record_to_the_billing_address_and_no_email()
    {
        var account = await App.OpenAsync(mobile: null);
        await ChoosePaperAsync(account.CardAccountId);
        var close = (await AccountAsync(account.CardAccountId)).NextCycleClose!.Value;
        await PostAsync(account, close.AddDays(-3), 64m);

        await RunAsync();
        await RunAsync();

        var statement = Assert.Single(await StatementsAsync(account.CardAccountId));
        await App.WithScopeAsync(async services =>
        {
            var mail = await services.GetRequiredService<AccountsDbContext>().PaperMail.AsNoTracking().SingleAsync(m => m.CardAccountId == account.CardAccountId, Cancel);
            Assert.Equal(statement.Id, mail.StatementId);
            Assert.Equal(account.Street, mail.Address.Line1);
            Assert.Equal("Test Holder", mail.HolderName);
            Assert.Null(mail.ExportedAt);
        });
        Assert.Equal(0, await StatementReadyRequestsAsync(account.CardAccountId));
    }

    [Fact]
    public async Task Given_paper_statements_Then_an_admin_export_takes_each_once_and_its_csv_holds_the_mailing_details_and_never_a_card_number()
    {
        var account = await App.OpenAsync(mobile: null);
        await ChoosePaperAsync(account.CardAccountId);
        await PostAsync(account, (await AccountAsync(account.CardAccountId)).NextCycleClose!.Value, 64m);
        await RunAsync();
        var statement = Assert.Single(await StatementsAsync(account.CardAccountId));
        var admin = App.CreateBrowserLikeClient();
        await admin.SignInAsAdminOrFailAsync(App, "/admin/paper-mail");
        Assert.NotEqual("0", Regex.Match(await admin.GetStringAsync("/admin/paper-mail", Cancel), "data-testid=\"waiting\">([^<]+)<").Groups[1].Value);

        var before = await admin.GetStringAsync("/admin/paper-mail", Cancel);
        var form = before[before.IndexOf("<button type=\"submit\" class=\"button\">Export", StringComparison.Ordinal)..];
        Assert.Contains("__RequestVerificationToken", form[..form.IndexOf("</form>", StringComparison.Ordinal)], StringComparison.Ordinal); // the export form's own token

        var exported = await admin.SubmitFormAsync("/admin/paper-mail", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, exported.StatusCode);
        var page = await admin.GetStringAsync(exported.Headers.Location!.OriginalString, Cancel);
        Assert.Contains("data-testid=\"none-waiting\"", page, StringComparison.Ordinal);
        var link = System.Net.WebUtility.HtmlDecode(Regex.Match(page, "href=\"(/admin/paper-mail\\?handler=Csv&amp;export=\\d+)\"").Groups[1].Value);
        var csv = await admin.GetAsync(link, Cancel);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', BillCenter.Modules.Accounts.Pages.Admin.PaperMail.IndexModel.Columns), lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(statement.Number + ",", StringComparison.Ordinal));
        Assert.Equal(
            $"{statement.Number},{statement.PeriodEnd:yyyy-MM-dd},Test Holder,{account.Street},Apartment 2,Atlanta,GA,30301,64.00,35.00,{statement.DueDate:yyyy-MM-dd}",
            row);
        Assert.DoesNotContain(account.CardNumbers[0], string.Join('\n', lines), StringComparison.Ordinal);

        var again = await admin.SubmitFormAsync("/admin/paper-mail", new Dictionary<string, string>());
        Assert.Equal("/admin/paper-mail", again.Headers.Location?.OriginalString); // nothing left to export
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/paper-mail?handler=Csv&export=42", Cancel)).StatusCode);
        var holder = App.CreateBrowserLikeClient();
        var (userName, _) = await App.NewCardholderAsync("cedar window lantern 17", await App.OpenAsync(mobile: null));
        await holder.SignInOrFailAsync(userName, "cedar window lantern 17");
        Assert.NotEqual(HttpStatusCode.OK, (await holder.GetAsync(link, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_two_runs_at_once_Then_every_account_has_its_statement_once_and_every_entry_is_stamped_once()
    {
        var accounts = new List<TestAccount>();
        for (var i = 0; i < 12; i++)
        {
            var account = await App.OpenAsync(mobile: null);
            var close = (await AccountAsync(account.CardAccountId)).NextCycleClose!.Value;
            for (var j = 0; j < 5; j++)
            {
                await PostAsync(account, close.AddDays(-j), 10m + j);
            }

            accounts.Add(account);
        }

        await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());

        foreach (var account in accounts)
        {
            var statement = Assert.Single(await StatementsAsync(account.CardAccountId));
            Assert.Equal(Dollars(60m), statement.Purchases);
            Assert.Equal(5, await StampedAsync(statement.Id));
        }

        foreach (var account in accounts)
        {
            Assert.Equal(1, await StatementReadyRequestsAsync(account.CardAccountId));
        }
    }

    [Fact]
    public async Task Given_a_run_stopped_after_part_of_its_chunks_When_it_runs_again_Then_every_account_is_closed_once_and_what_was_closed_stands()
    {
        var accounts = new List<TestAccount>();
        for (var i = 0; i < 16; i++)
        {
            var account = await App.OpenAsync(mobile: null);
            await PostAsync(account, (await AccountAsync(account.CardAccountId)).NextCycleClose!.Value, 25m);
            accounts.Add(account);
        }

        var partitions = accounts.Select(a => StatementCycle.PartitionOf(a.CardAccountId)).Order().ToList();
        var split = partitions[partitions.Count / 2];
        await App.WithScopeAsync(services => services.GetRequiredService<StatementRun>().CloseChunkAsync(0, split, Today.ToString("yyyy-MM-dd"), Cancel));
        var closedFirst = new Dictionary<Guid, Guid>();
        foreach (var account in accounts)
        {
            if ((await StatementsAsync(account.CardAccountId)).SingleOrDefault() is { } statement)
            {
                closedFirst[account.CardAccountId] = statement.Id;
            }
        }

        Assert.InRange(closedFirst.Count, 1, accounts.Count - 1);

        // The recurring job again: it hands out chunks for what is still due, and the app's job server runs them.
        await App.WithScopeAsync(services => services.GetRequiredService<StatementRun>().RunAsync(Cancel));
        foreach (var account in accounts)
        {
            await Eventually.TrueAsync(async () => (await StatementsAsync(account.CardAccountId)).Count == 1, "every account closed by the chunk jobs");
        }

        foreach (var account in accounts)
        {
            var statement = Assert.Single(await StatementsAsync(account.CardAccountId));
            if (closedFirst.TryGetValue(account.CardAccountId, out var first))
            {
                Assert.Equal(first, statement.Id);
            }
        }

        // The chunks also close the other tests' accounts (every account opened a year back is due): let the job server
        // finish every chunk before the next test opens an account the same chunk would otherwise close under it.
        var monitoring = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(
            () => Task.FromResult(
                !monitoring.EnqueuedJobs("default", 0, 1_000).Any(j => IsChunk(j.Value.Job))
                && !monitoring.ProcessingJobs(0, 1_000).Any(j => IsChunk(j.Value.Job))
                && !monitoring.ScheduledJobs(0, 1_000).Any(j => IsChunk(j.Value.Job))),
            "every statement-run chunk job finished");
    }

    private static bool IsChunk(Hangfire.Common.Job? job) => job?.Method.Name == nameof(StatementRun.CloseChunkAsync);

    [Fact]
    public async Task Given_a_statement_not_paid_by_its_due_date_Then_the_next_one_carries_interest_on_the_unpaid_balance_and_a_late_fee()
    {
        var account = await App.OpenAsync(mobile: null);
        var first = Today.AddMonths(-3);
        first = new DateOnly(first.Year, first.Month, 10);
        await PostAsync(account, first.AddDays(-4), 1000m);
        await App.SendAsync(new CloseStatement(account.CardAccountId, first));
        var second = first.AddMonths(1);
        await PostAsync(account, StatementCycle.DueDate(first).AddDays(1), -100m, TransactionKind.Payment); // after the due date: late

        await App.SendAsync(new CloseStatement(account.CardAccountId, second));

        var statements = await StatementsAsync(account.CardAccountId);
        Assert.Equal(2, statements.Count);
        var previous = statements[0];
        var statement = statements[1];
        var expectedInterest = FinanceCharges.Interest(previous, Money.Zero, ProductCatalog.PurchaseApr(Product.Gold), second.DayNumber - first.DayNumber);
        Assert.True(expectedInterest > Money.Zero);
        Assert.Equal(expectedInterest, statement.Interest);
        Assert.Equal(Dollars(35m), statement.Fees);
        Assert.Equal(Dollars(1000m) - Dollars(100m) + Dollars(35m) + expectedInterest, statement.ClosingBalance);
        Assert.Equal(statement.ClosingBalance, (await AccountAsync(account.CardAccountId)).Balance);
        Assert.Equal(Statement.MinimumPaymentFor(statement.ClosingBalance, Dollars(35m) + expectedInterest), statement.MinimumDue);
        Assert.Equal(3, await StampedAsync(statement.Id)); // the payment, the late fee and the interest
    }

    [Fact]
    public async Task Given_statements_coming_due_Then_one_reminder_each_within_the_chosen_days_even_from_runs_at_once_and_none_when_paid_or_too_early()
    {
        var soon = CloseDueWithin(0, ReminderQueue.DefaultDaysBefore);
        var later = CloseDueWithin(ReminderQueue.DefaultDaysBefore + 1, 10);
        var unpaid = await StatementDueAsync(soon, payment: 0m);
        var paid = await StatementDueAsync(soon, payment: 35m);
        var tooEarly = await StatementDueAsync(later, payment: 0m); // the default: 3 days before
        var tenDays = await StatementDueAsync(later, payment: 0m);
        await ChooseDaysBeforeAsync(tenDays.CardAccountId, 10);

        await Task.WhenAll(RemindAsync(), RemindAsync());

        Assert.Equal(1, await RemindersRequestedAsync(unpaid.CardAccountId));
        Assert.Equal(0, await RemindersRequestedAsync(paid.CardAccountId));
        Assert.Equal(0, await RemindersRequestedAsync(tooEarly.CardAccountId));
        Assert.Equal(1, await RemindersRequestedAsync(tenDays.CardAccountId));
        await RemindAsync();
        Assert.Equal(1, await RemindersRequestedAsync(unpaid.CardAccountId));

        await PublishOutboxAsync();
        var email = await MailDrop.WaitForSubjectAsync(unpaid.Email!, "Your payment is due soon");
        Assert.Contains("Your minimum payment of $35.00", email.TextBody, StringComparison.Ordinal);
    }

    /// <summary>A cycle close whose due date is from <paramref name="fromDays"/> to <paramref name="toDays"/> days from today.</summary>
    private static DateOnly CloseDueWithin(int fromDays, int toDays)
    {
        for (var close = Today.AddDays(-StatementCycle.GraceDays - 10); close < Today; close = close.AddDays(1))
        {
            var until = StatementCycle.DueDate(close).DayNumber - Today.DayNumber;
            if (until >= fromDays && until <= toDays)
            {
                return close;
            }
        }

        throw new InvalidOperationException($"No business day {fromDays} to {toDays} days from {Today}.");
    }

    private async Task<TestAccount> StatementDueAsync(DateOnly close, decimal payment)
    {
        var account = await App.OpenAsync(mobile: null);
        await PostAsync(account, close.AddDays(-1), 500m);
        await App.SendAsync(new CloseStatement(account.CardAccountId, close));
        if (payment > 0)
        {
            await PostAsync(account, close.AddDays(1), -payment, TransactionKind.Payment);
        }

        return account;
    }

    private Task<int> RemindAsync() => InScopeAsync(services => services.GetRequiredService<ReminderQueue>().QueueDueAsync(Cancel));

    private Task<int> RunAsync() =>
        InScopeAsync(services => services.GetRequiredService<StatementRun>().CloseChunkAsync(0, StatementCycle.Partitions, Today.ToString("yyyy-MM-dd"), Cancel));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        var result = default(T)!;
        await App.WithScopeAsync(async services => result = await action(services));
        return result;
    }

    private Task<Guid> PostAsync(TestAccount account, DateOnly day, decimal amount, TransactionKind? kind = null) =>
        App.SendAsync(new PostCardTransaction(
            account.CardAccountId, amount > 0 ? account.CardIds[0] : null, day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            amount > 0 ? "Corner Bakery" : "Payment — thank you", kind ?? TransactionKind.Purchase, Dollars(amount)));

    private static Money Dollars(decimal amount) => Money.FromDecimal(amount);

    private Task<CardAccount> AccountAsync(Guid id) =>
        InScopeAsync(services => services.GetRequiredService<AccountsDbContext>().CardAccounts.AsNoTracking().SingleAsync(a => a.Id == id, Cancel));

    private Task<List<Statement>> StatementsAsync(Guid id) =>
        InScopeAsync(services => services.GetRequiredService<AccountsDbContext>().Statements.AsNoTracking()
            .Where(s => s.CardAccountId == id).OrderBy(s => s.PeriodEnd).ToListAsync(Cancel));

    private Task<int> StampedAsync(Guid statementId) =>
        InScopeAsync(services => services.GetRequiredService<AccountsDbContext>().Transactions.CountAsync(t => t.StatementId == statementId, Cancel));

    private Task<Guid?> StatementOfAsync(Guid transactionId) =>
        InScopeAsync(services => services.GetRequiredService<AccountsDbContext>().Transactions.Where(t => t.Id == transactionId).Select(t => t.StatementId).SingleAsync(Cancel));

    private Task<int> PaperMailAsync(Guid id) =>
        InScopeAsync(services => services.GetRequiredService<AccountsDbContext>().PaperMail.CountAsync(m => m.CardAccountId == id, Cancel));

    private Task<int> StatementReadyRequestsAsync(Guid id) => AlertRequestsAsync(id, AlertType.StatementReady);

    private Task<int> RemindersRequestedAsync(Guid id) => AlertRequestsAsync(id, AlertType.PaymentDueReminder);

    /// <summary>Alerts of one type requested for one account through the Accounts outbox (published or not).</summary>
    private Task<int> AlertRequestsAsync(Guid id, AlertType type) =>
        InScopeAsync(async services =>
        {
            var messages = await services.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync(Cancel);
            return messages.Select(m => m.ToEvent()).OfType<AlertRequested>().Count(a => a.CardAccountId == id && a.Type == type);
        });

    private Task PublishOutboxAsync() =>
        App.WithScopeAsync(services => services.GetRequiredService<OutboxPublisher<AccountsDbContext>>().PublishPendingAsync(Cancel));

    private Task ChoosePaperAsync(Guid id) =>
        App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PreferencesDbContext>();
            db.Add(new StatementDelivery { CardAccountId = id, Method = StatementDeliveryMethod.Paper, ChosenAt = DateTime.UtcNow, ChosenBy = "test" });
            await db.SaveChangesAsync(Cancel);
        });

    private Task ChooseDaysBeforeAsync(Guid id, int days) =>
        App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PreferencesDbContext>();
            db.Add(new AlertSetting { CardAccountId = id, Type = AlertType.PaymentDueReminder, ByEmail = true, DaysBefore = days, ChosenAt = DateTime.UtcNow, ChosenBy = "test" });
            await db.SaveChangesAsync(Cancel);
        });
}

public sealed class StatementRunTestsOnSqlite(SqliteNotificationFixture fixture) : StatementRunTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class StatementRunTestsOnPostgres(PostgresNotificationFixture fixture) : StatementRunTests(fixture), IClassFixture<PostgresNotificationFixture>;
