using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Audit.Data;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace BillCenter.IntegrationTests.Payments;

/// <summary>What the Payments page tests share: a signed-in cardholder, a bank account added through the page, rows read back.</summary>
internal static class PaymentsTestData
{
    public const string Password = "copper meadow lantern 71";

    /// <summary>A routing number whose check digit is right (the Federal Reserve Bank of Boston's).</summary>
    public const string RoutingNumber = "011000015";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A fresh 11-digit account number, so no two tests (or log lines) share one.</summary>
    public static string NewAccountNumber() => Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<(HttpClient Client, string UserId, TestAccount Account)> SignedInHolderAsync(this BillCenterApp app, int accounts = 1)
    {
        var opened = new List<TestAccount>();
        for (var i = 0; i < accounts; i++)
        {
            opened.Add(await app.OpenAsync(mobile: null));
        }

        var (userName, userId) = await app.NewCardholderAsync(Password, [.. opened]);
        var client = app.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        return (client, userId, opened[0]);
    }

    public static Dictionary<string, string> BankAccountForm(string accountNumber, string kind = "Checking", string? confirm = null, string routing = RoutingNumber, string holder = "Test Holder", string nickname = "") => new()
    {
        ["Data.Kind"] = kind,
        ["Data.HolderName"] = holder,
        ["Data.RoutingNumber"] = routing,
        ["Data.AccountNumber"] = accountNumber,
        ["Data.ConfirmAccountNumber"] = confirm ?? accountNumber,
        ["Data.Nickname"] = nickname,
    };

    /// <summary>Adds a checking account through the page; answers its id and account number.</summary>
    public static async Task<(Guid Id, string AccountNumber)> AddBankAccountAsync(this BillCenterApp app, HttpClient client, string userId)
    {
        var number = NewAccountNumber();
        var response = await client.SubmitFormAsync("/payments/bank-accounts/add", BankAccountForm(number));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.BankAccountsAsync(userId);
        return (saved.Single(b => b.Last4 == number[^4..]).Id, number);
    }

    public static async Task<List<BankAccount>> BankAccountsAsync(this BillCenterApp app, string userId)
    {
        var rows = new List<BankAccount>();
        await app.WithScopeAsync(async services =>
        {
            rows = await services.GetRequiredService<PaymentsDbContext>().BankAccounts.AsNoTracking().Where(b => b.UserId == userId).ToListAsync(Cancel);
        });
        return rows;
    }

    public static async Task<AutoPayPlan?> PlanAsync(this BillCenterApp app, Guid cardAccountId)
    {
        AutoPayPlan? plan = null;
        await app.WithScopeAsync(async services =>
        {
            plan = await services.GetRequiredService<PaymentsDbContext>().AutoPayPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CardAccountId == cardAccountId, Cancel);
        });
        return plan;
    }

    /// <summary>A payment as the jobs or the pay page would have made it; <paramref name="autoPay"/> names a statement.</summary>
    public static async Task<Guid> AddPaymentAsync(this BillCenterApp app, string userId, Guid cardAccountId, Guid bankAccountId, PaymentStatus status, bool autoPay)
    {
        var payment = new Payment
        {
            UserId = userId,
            CardAccountId = cardAccountId,
            BankAccountId = bankAccountId,
            Amount = Money.FromDecimal(25m),
            PayOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5),
            Status = status,
            ConfirmationNumber = ConfirmationNumbers.New(),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            StatementId = autoPay ? Guid.NewGuid() : null,
            CreatedAt = DateTime.UtcNow,
        };
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PaymentsDbContext>();
            db.Payments.Add(payment);
            await db.SaveChangesAsync(Cancel);
        });
        return payment.Id;
    }

    public static async Task<Payment> PaymentAsync(this BillCenterApp app, Guid id)
    {
        Payment? payment = null;
        await app.WithScopeAsync(async services =>
        {
            payment = await services.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking().SingleAsync(p => p.Id == id, Cancel);
        });
        return payment!;
    }

    public static async Task SetPaymentStatusAsync(this BillCenterApp app, Guid id, PaymentStatus status)
    {
        await app.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<PaymentsDbContext>().Payments.Where(p => p.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, status), Cancel);
        });
    }

    public static async Task<List<(Guid? CardAccountId, string? Detail)>> SecurityEventsAsync(this BillCenterApp app, string userId, SecurityEventKind kind)
    {
        var events = new List<(Guid?, string?)>();
        await app.WithScopeAsync(async services =>
        {
            events = [.. (await services.GetRequiredService<AuditDbContext>().SecurityEvents.AsNoTracking()
                .Where(e => e.UserId == userId && e.Kind == kind)
                .OrderBy(e => e.OccurredAt)
                .ToListAsync(Cancel)).Select(e => (e.CardAccountId, e.Detail))];
        });
        return events;
    }

    /// <summary>Waits until <paramref name="count"/> messages with <paramref name="subject"/> reached <paramref name="recipient"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(string recipient, string subject, int count)
    {
        var messages = await Eventually.MatchAsync(
            () => MailDrop.MessagesToAsync(recipient),
            all => all.Count(m => m.Subject == subject) >= count,
            all => $"expected {count} \"{subject}\" to {recipient}, got: {string.Join("; ", all.Select(m => m.Subject))}");
        return [.. messages.Where(m => m.Subject == subject).OrderBy(m => m.Date)];
    }

    /// <summary>The page's field error, as the error summary links it.</summary>
    public static void AssertFieldError(string html, string field, string message)
    {
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains($"href=\"#{field.Replace('.', '_')}\">{message}</a>", decoded, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field.Replace('.', '_')}-error\"", decoded, StringComparison.Ordinal);
    }
}
