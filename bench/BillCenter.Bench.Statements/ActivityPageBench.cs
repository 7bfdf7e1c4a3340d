using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Bench.Statements;

internal sealed record ActivityPageResult(TestDatabase Database, int Entries, double FirstPageMs, double Page500Ms, int PagesWalked)
{
    public double Ratio => Page500Ms / FirstPageMs;
}

/// <summary>
/// The activity page of one card with many entries: after a warm-up of at least 60 s, the median time of page 1 and
/// of page 500 (reached by following the "Older transactions" links, as a cardholder would), signed in, through the
/// whole HTTP pipeline. Page 1 is the reference: keyset paging should make page 500 cost the same.
/// </summary>
internal static partial class ActivityPageBench
{
    private const string Password = "bench lantern river 42";

    private const int Samples = 25;

    public static async Task<ActivityPageResult> RunAsync(BillCenterApp app, TestDatabase database, int entries, Action<string> log)
    {
        var account = await app.SendAsync(new OpenCardAccount(Product.Gold, "Activity Bench", BillCenter.SharedKernel.Money.Money.FromDecimal(50_000m), 10,
            new BillCenter.SharedKernel.Cards.BillingAddress("1 Bench Way", null, "Chicago", "IL", TestCards.Zip("60601")),
            "activity.bench@example.com", null,
            [new NewCard(TestCards.Parse(TestCards.NewCardNumber()), TestCards.ParseCardId(TestCards.NewCardId()), "ACTIVITY BENCH", CardStatus.Active, true, new DateOnly(2030, 1, 31))],
            DateTime.UtcNow.AddYears(-5)));
        await app.WithScopeAsync(services =>
        {
            var db = services.GetRequiredService<AccountsDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var start = DateTime.UtcNow.Date.AddDays(-entries / 50);
            return database == TestDatabase.Sqlite
                ? db.Database.ExecuteSqlRawAsync(
                    """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {0} - 1)
                    INSERT INTO transactions ("Id", "CardAccountId", "CardId", "PostedAt", "Description", "Kind", "Amount")
                    SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
                           c."CardAccountId", c."Id", strftime('%Y-%m-%d %H:%M:%S', {1}, '+' || (n.i * 1700) || ' seconds'),
                           'Merchant ' || (n.i % 500), 'Purchase', 500 + abs(random()) % 20000
                    FROM cards c CROSS JOIN n WHERE c."CardAccountId" = {2}
                    """, entries, start.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), account.CardAccountId.ToString().ToUpperInvariant())
                : db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO accounts.transactions ("Id", "CardAccountId", "CardId", "PostedAt", "Description", "Kind", "Amount")
                    SELECT gen_random_uuid(), c."CardAccountId", c."Id", {1} + i * interval '1700 seconds',
                           'Merchant ' || (i % 500), 'Purchase', 500 + floor(random() * 20000)::bigint
                    FROM accounts.cards c CROSS JOIN generate_series(0, {0} - 1) AS i WHERE c."CardAccountId" = {2}
                    """, entries, start, account.CardAccountId);
        });
        var userName = $"activity.bench.{Guid.NewGuid():N}"[..30];
        var user = await app.SendAsync(new CreateUser(userName, Password));
        await app.SendAsync(new LinkAccountToUser(account.CardAccountId, user.UserId!));
        var client = app.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);

        var first = $"/accounts/{account.CardAccountId}/activity";
        log($"{database}: activity page warm-up (60 s)");
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(60))
        {
            await GetAsync(client, first);
        }

        var firstPage = await MedianAsync(client, first);
        var url = first;
        var walked = 1;
        while (walked < 500)
        {
            var html = await GetAsync(client, url);
            var next = OlderLink().Match(html);
            if (!next.Success)
            {
                break;
            }

            url = WebUtility.HtmlDecode(next.Groups[1].Value);
            walked++;
        }

        var page500 = await MedianAsync(client, url);
        log($"{database}: activity page 1 {firstPage:0.0} ms, page {walked} {page500:0.0} ms");
        return new ActivityPageResult(database, entries, firstPage, page500, walked);
    }

    private static async Task<double> MedianAsync(HttpClient client, string url)
    {
        var times = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(client, url);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<a [^>]*rel=\"next\"[^>]*href=\"([^\"]+)\"")]
    private static partial Regex OlderLink();
}
