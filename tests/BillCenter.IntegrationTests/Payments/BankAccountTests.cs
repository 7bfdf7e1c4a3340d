using System.Data.Common;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests.Payments;

/// <summary>
/// Saving and removing the bank accounts a cardholder pays from, through the real HTTP pipeline: the account number kept
/// only encrypted and never echoed, logged or alerted, the security alert read back from the real SMTP server.
/// </summary>
public abstract class BankAccountTests(NotificationAppFixture fixture)
{
    private const string AddedSubject = "Security alert: a bank account was added";
    private const string RemovedSubject = "Security alert: a bank account was removed";
    private const string AddPath = "/payments/bank-accounts/add";
    private const string ListPath = "/payments/bank-accounts";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_bank_account_When_added_Then_it_is_kept_encrypted_listed_by_its_last_4_digits_alerted_and_audited()
    {
        var (client, userId, account) = await App.SignedInHolderAsync();
        Assert.Contains("You have no bank accounts saved", await client.GetStringAsync(ListPath, Cancel), StringComparison.Ordinal);
        var number = PaymentsTestData.NewAccountNumber();
        var typed = $"{number[..3]} {number[3..7]}-{number[7..]}"; // spaces and dashes as people type them

        var response = await client.SubmitFormAsync(AddPath, PaymentsTestData.BankAccountForm(typed, holder: "Ana María O'Neil-Smith", nickname: "Household bills"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ListPath, response.Headers.Location?.OriginalString);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(ListPath, Cancel));
        Assert.Contains($"Household bills (Checking ending {number[^4..]}) is saved. We sent a security alert", list, StringComparison.Ordinal);
        Assert.Contains("Ana María O'Neil-Smith", list, StringComparison.Ordinal);
        Assert.Contains(PaymentsTestData.RoutingNumber, list, StringComparison.Ordinal);
        Assert.DoesNotContain(number[..^4], list, StringComparison.Ordinal);

        var stored = Assert.Single(await App.BankAccountsAsync(userId));
        Assert.Equal(BankAccountKind.Checking, stored.Kind);
        Assert.Equal(number[^4..], stored.Last4);
        Assert.Equal("Household bills", stored.Nickname);
        Assert.Equal(PaymentsTestData.RoutingNumber, stored.RoutingNumber);
        var raw = await RawRowAsync(stored.Id);
        Assert.DoesNotContain(number[..^4], raw, StringComparison.Ordinal); // no digit of it beyond the last 4, in any column
        await App.WithScopeAsync(services =>
        {
            var numbers = services.GetRequiredService<BankAccountNumbers>();
            Assert.Equal(number, numbers.Unprotect(stored.ProtectedAccountNumber));
            Assert.Equal(numbers.Fingerprint(PaymentsTestData.RoutingNumber, number), stored.Fingerprint);
            return Task.CompletedTask;
        });

        var alert = await MailDrop.WaitForSubjectAsync(account.Email!, AddedSubject);
        Assert.Contains($"A bank account (Checking ending {number[^4..]}) was added", alert.TextBody, StringComparison.Ordinal);
        AssertNoAccountNumber(alert, number);
        Assert.Equal([(null, $"Checking ending {number[^4..]}")], await App.SecurityEventsAsync(userId, SecurityEventKind.BankAccountAdded));
        Assert.DoesNotContain(number[..^4], App.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Test Holder", "011000015", "12345678", "12345678", "", "Data.Kind", "Select if it is a checking or savings account")]
    [InlineData("Brokerage", "Test Holder", "011000015", "12345678", "12345678", "", "Data.Kind", "Select checking or savings")]
    [InlineData("Savings", " ", "011000015", "12345678", "12345678", "", "Data.HolderName", "Enter the name on the account")]
    [InlineData("Savings", "Test Holder 2", "011000015", "12345678", "12345678", "", "Data.HolderName", "Name on the account must only include letters, spaces, periods, apostrophes and hyphens")]
    [InlineData("Savings", "Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij", "011000015", "12345678", "12345678", "", "Data.HolderName", "Name on the account must be 70 characters or fewer")]
    [InlineData("Savings", "Test Holder", "", "12345678", "12345678", "", "Data.RoutingNumber", "Enter the routing number")]
    [InlineData("Savings", "Test Holder", "011000016", "12345678", "12345678", "", "Data.RoutingNumber", "Enter a valid routing number: it is the 9 digits at the bottom left of a check")]
    [InlineData("Savings", "Test Holder", "01100001A", "12345678", "12345678", "", "Data.RoutingNumber", "Routing number must only include numbers 0 to 9")]
    [InlineData("Savings", "Test Holder", "01100001", "12345678", "12345678", "", "Data.RoutingNumber", "Routing number must be 9 digits")]
    [InlineData("Savings", "Test Holder", "0110000150", "12345678", "12345678", "", "Data.RoutingNumber", "Routing number must be 9 digits")]
    [InlineData("Savings", "Test Holder", "011000015", "", "", "", "Data.AccountNumber", "Enter the account number")]
    [InlineData("Savings", "Test Holder", "011000015", "1234567O", "1234567O", "", "Data.AccountNumber", "Account number must only include numbers 0 to 9")]
    [InlineData("Savings", "Test Holder", "011000015", "123", "123", "", "Data.AccountNumber", "Account number must be between 4 and 17 digits")]
    [InlineData("Savings", "Test Holder", "011000015", "123456789012345678", "123456789012345678", "", "Data.AccountNumber", "Account number must be between 4 and 17 digits")]
    [InlineData("Savings", "Test Holder", "011000015", "12345678", "", "", "Data.ConfirmAccountNumber", "Enter the account number again")]
    [InlineData("Savings", "Test Holder", "011000015", "12345678", "12345679", "", "Data.ConfirmAccountNumber", "Account numbers do not match: enter the same account number twice")]
    [InlineData("Savings", "Test Holder", "011000015", "12345678", "12345678", "A nickname far too long for this", "Data.Nickname", "Nickname must be 30 characters or fewer")]
    public async Task Given_a_missing_or_bad_field_Then_the_field_says_why_nothing_is_saved_and_no_account_number_is_echoed(
        string kind, string holder, string routing, string accountNumber, string confirm, string nickname, string field, string message)
    {
        var (client, userId, _) = await App.SignedInHolderAsync();

        var response = await client.SubmitFormAsync(AddPath, PaymentsTestData.BankAccountForm(accountNumber, kind, confirm, routing, holder, nickname));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: Add a bank account – BillCenter</title>", html, StringComparison.Ordinal);
        PaymentsTestData.AssertFieldError(html, field, message);
        if (accountNumber.Length > 0)
        {
            Assert.DoesNotContain($"value=\"{accountNumber}\"", html, StringComparison.Ordinal);
        }

        if (confirm.Length > 0)
        {
            Assert.DoesNotContain($"value=\"{confirm}\"", html, StringComparison.Ordinal);
        }

        Assert.Empty(await App.BankAccountsAsync(userId));
        Assert.Empty(await App.SecurityEventsAsync(userId, SecurityEventKind.BankAccountAdded));
    }

    [Fact]
    public async Task Given_the_same_account_saved_When_added_again_Then_the_account_number_says_so_and_only_one_is_kept()
    {
        var (client, userId, _) = await App.SignedInHolderAsync();
        var (_, number) = await App.AddBankAccountAsync(client, userId);

        var again = await client.SubmitFormAsync(AddPath, PaymentsTestData.BankAccountForm($"{number[..5]}-{number[5..]}", kind: "Savings", nickname: "Again"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync(Cancel);
        PaymentsTestData.AssertFieldError(html, "Data.AccountNumber", "You have already saved this bank account");
        Assert.DoesNotContain(number, html, StringComparison.Ordinal);
        Assert.Single(await App.BankAccountsAsync(userId));
        Assert.Single(await App.SecurityEventsAsync(userId, SecurityEventKind.BankAccountAdded));

        // Another cardholder may save the same account: the fingerprint is per user.
        var (otherClient, otherUserId, _) = await App.SignedInHolderAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await otherClient.SubmitFormAsync(AddPath, PaymentsTestData.BankAccountForm(number))).StatusCode);
        Assert.Single(await App.BankAccountsAsync(otherUserId));
    }

    [Theory]
    [InlineData("/payments/autopay/{0}", "/payments/autopay/{0}")]
    [InlineData("https://evil.example/payments", ListPath)]
    [InlineData("//evil.example/payments", ListPath)]
    [InlineData("/payments/\\evil.example", ListPath)]
    [InlineData("/preferences", ListPath)]
    [InlineData("/paymentsevil", ListPath)]
    public async Task Given_a_return_address_When_saved_Then_only_a_page_under_payments_is_followed(string returnUrl, string expected)
    {
        var (client, _, account) = await App.SignedInHolderAsync();
        var path = $"{AddPath}?returnUrl={Uri.EscapeDataString(string.Format(System.Globalization.CultureInfo.InvariantCulture, returnUrl, account.CardAccountId))}";

        var response = await client.SubmitFormAsync(path, PaymentsTestData.BankAccountForm(PaymentsTestData.NewAccountNumber()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, account.CardAccountId), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Given_a_bank_account_in_use_Then_removing_it_is_refused_until_nothing_uses_it_and_then_it_is_removed_alerted_and_audited()
    {
        var (client, userId, account) = await App.SignedInHolderAsync();
        var (bankAccountId, number) = await App.AddBankAccountAsync(client, userId);
        var name = $"Checking ending {number[^4..]}";

        // AutoPay pays from it.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/payments/autopay/{account.CardAccountId}", new Dictionary<string, string>
        {
            ["Data.Rule"] = "MinimumDue",
            ["Data.BankAccountId"] = bankAccountId.ToString(),
            ["Data.DaysBefore"] = "2",
        })).StatusCode);
        var refused = await RemoveAsync(client, bankAccountId);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: Your bank accounts – BillCenter</title>", html, StringComparison.Ordinal);
        PaymentsTestData.AssertFieldError(html, "Data.BankAccountId", $"You cannot remove {name} while AutoPay pays from it. Choose another bank account for AutoPay, or turn AutoPay off, first");
        Assert.Null(Assert.Single(await App.BankAccountsAsync(userId)).RemovedAt);

        // A scheduled, then a processing payment from it.
        await client.SubmitFormAsync($"/payments/autopay/{account.CardAccountId}", $"/payments/autopay/{account.CardAccountId}?handler=TurnOff", new Dictionary<string, string>());
        Assert.Null(await App.PlanAsync(account.CardAccountId));
        var payment = await App.AddPaymentAsync(userId, account.CardAccountId, bankAccountId, PaymentStatus.Scheduled, autoPay: false);
        foreach (var status in new[] { PaymentStatus.Scheduled, PaymentStatus.Processing })
        {
            await App.SetPaymentStatusAsync(payment, status);
            var refusedForPayment = await RemoveAsync(client, bankAccountId);
            Assert.Equal(HttpStatusCode.OK, refusedForPayment.StatusCode);
            PaymentsTestData.AssertFieldError(await refusedForPayment.Content.ReadAsStringAsync(Cancel), "Data.BankAccountId",
                $"You cannot remove {name} while a payment from it is scheduled or processing. Cancel the payment, or wait until it has posted, first");
            Assert.Null(Assert.Single(await App.BankAccountsAsync(userId)).RemovedAt);
        }

        Assert.Empty(await App.SecurityEventsAsync(userId, SecurityEventKind.BankAccountRemoved));

        // Posted: nothing uses it any more.
        await App.SetPaymentStatusAsync(payment, PaymentStatus.Posted);
        var removed = await RemoveAsync(client, bankAccountId);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var list = await client.GetStringAsync(ListPath, Cancel);
        Assert.Contains($"{name} is removed. We sent a security alert", list, StringComparison.Ordinal);
        Assert.Contains("You have no bank accounts saved", list, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await App.BankAccountsAsync(userId)).RemovedAt); // the row stays for the payments made from it
        var alert = await MailDrop.WaitForSubjectAsync(account.Email!, RemovedSubject);
        Assert.Contains($"A bank account ({name}) was removed", alert.TextBody, StringComparison.Ordinal);
        AssertNoAccountNumber(alert, number);
        Assert.Equal([(null, name)], await App.SecurityEventsAsync(userId, SecurityEventKind.BankAccountRemoved));

        // Removed, it can be added again.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(AddPath, PaymentsTestData.BankAccountForm(number))).StatusCode);
        Assert.Equal(2, (await App.BankAccountsAsync(userId)).Count);
    }

    [Fact]
    public async Task Given_another_users_or_a_removed_or_an_unknown_bank_account_When_removed_Then_not_found_and_nothing_changes()
    {
        var (client, userId, _) = await App.SignedInHolderAsync();
        var (otherClient, otherUserId, _) = await App.SignedInHolderAsync();
        var (theirs, _) = await App.AddBankAccountAsync(otherClient, otherUserId);
        var (mine, _) = await App.AddBankAccountAsync(client, userId);
        Assert.Equal(HttpStatusCode.Redirect, (await RemoveAsync(client, mine)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await RemoveAsync(client, theirs)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RemoveAsync(client, mine)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RemoveAsync(client, Guid.NewGuid())).StatusCode);

        Assert.Null(Assert.Single(await App.BankAccountsAsync(otherUserId)).RemovedAt);
        Assert.Single(await App.SecurityEventsAsync(userId, SecurityEventKind.BankAccountRemoved));
        Assert.Empty(await App.SecurityEventsAsync(otherUserId, SecurityEventKind.BankAccountRemoved));
        Assert.DoesNotContain(theirs.ToString(), await client.GetStringAsync(ListPath, Cancel), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> RemoveAsync(HttpClient client, Guid bankAccountId) =>
        client.SubmitFormAsync(ListPath, new Dictionary<string, string> { ["Data.BankAccountId"] = bankAccountId.ToString() });

    private static void AssertNoAccountNumber(MimeKit.MimeMessage message, string number)
    {
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        Assert.DoesNotContain(number[..^4], System.Text.Encoding.UTF8.GetString(raw.ToArray()), StringComparison.Ordinal);
    }

    /// <summary>Every column of the bank account's row as the database holds it, read without the model's conversions.</summary>
    private async Task<string> RawRowAsync(Guid id)
    {
        var text = string.Empty;
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PaymentsDbContext>();
            var entity = db.Model.FindEntityType(typeof(BankAccount))!;
            var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(Cancel);
            try
            {
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {table}";
                await using var reader = await command.ExecuteReaderAsync(Cancel);
                var rows = new List<string>();
                while (await reader.ReadAsync(Cancel))
                {
                    var values = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToList();
                    if (values.Any(v => string.Equals(v, id.ToString(), StringComparison.OrdinalIgnoreCase)))
                    {
                        rows.Add(string.Join('|', values));
                    }
                }

                text = Assert.Single(rows);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        return text;
    }
}

public sealed class BankAccountTestsOnSqlite(SqliteNotificationFixture fixture) : BankAccountTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class BankAccountTestsOnPostgres(PostgresNotificationFixture fixture) : BankAccountTests(fixture), IClassFixture<PostgresNotificationFixture>;
