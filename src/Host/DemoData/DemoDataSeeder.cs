using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Payments.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Host.DemoData;

/// <summary>
/// Seeds the demo cardholders through the modules' contracts only, exactly as the issuer's back office would:
/// open accounts, post three months of activity, close the statements, create the online users and link them.
/// </summary>
internal sealed class DemoDataSeeder(IMediator mediator, TimeProvider time, ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindCard(Card(DemoData.GoldCardNumber)), cancellationToken) is not null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var expires = new DateOnly(today.Year + 3, today.Month, 1).AddMonths(1).AddDays(-1);
        var home = new BillingAddress("48 Maple Street", "Apt 3B", "Brooklyn", "NY", Zip("11201"));

        // The demo cardholder proved the mobile number long ago, so alerts may be texted there; the others' numbers are unconfirmed.
        var gold = await Open(Product.Gold, "Alex Morgan", 15_000m, 12, home, "alex.morgan@example.com", "+12125550148",
            [new NewCard(Card(DemoData.GoldCardNumber), Cid(DemoData.GoldCardId), "ALEX MORGAN", CardStatus.Active, true, expires)], now.AddYears(-4), cancellationToken, mobileVerified: true);
        var blueCash = await Open(Product.BlueCash, "Alex Morgan", 6_000m, 20, home, "alex.morgan@example.com", "+12125550148",
            [new NewCard(Card(DemoData.BlueCashCardNumber), Cid(DemoData.BlueCashCardId), "ALEX MORGAN", CardStatus.Active, true, expires)], now.AddYears(-2), cancellationToken, mobileVerified: true);
        await Open(Product.Green, "Jordan Lee", 8_000m, 5, new BillingAddress("7 Harbor Road", null, "Seattle", "WA", Zip("98101")), "jordan.lee@example.com", "+12065550199",
            [new NewCard(Card(DemoData.UnenrolledCardNumber), Cid(DemoData.UnenrolledCardId), "JORDAN LEE", CardStatus.Active, true, expires)], now.AddYears(-1), cancellationToken);
        await Open(Product.CorporatePurchasing, "Northwind Traders Inc.", 50_000m, 1, new BillingAddress(DemoData.CorporateStreet, "Suite 400", "New York", "NY", Zip(DemoData.CorporateZip)), "ap@northwind.example.com", null,
            [new NewCard(Card(DemoData.CorporateCardNumber), null, "NORTHWIND TRADERS", CardStatus.Active, true, expires)], now.AddYears(-3), cancellationToken);
        var platinum = await Open(Product.Platinum, "Sam Rivera", 25_000m, 15, new BillingAddress(DemoData.CancelledStreet, null, "Springfield", "IL", Zip(DemoData.CancelledZip)), "sam.rivera@example.com", "+12175550123",
            [new NewCard(Card(DemoData.CancelledCardNumber), Cid(DemoData.CancelledCardId), "SAM RIVERA", CardStatus.Cancelled, true, expires)], now.AddYears(-5), cancellationToken);
        await Open(Product.Gold, "Taylor Kim", 10_000m, 25, new BillingAddress("910 Sunset Boulevard", null, "Los Angeles", "CA", Zip("90028")), "taylor.kim@example.com", "+13105550177",
            [new NewCard(Card(DemoData.NewCardNumber), Cid(DemoData.NewCardId), "TAYLOR KIM", CardStatus.Issued, true, expires)], now.AddDays(-3), cancellationToken);

        // The Gold Card's replacement, waiting to be activated (activation makes the card ending 0013 Replaced).
        await mediator.Send(new IssueReplacementCard(gold.CardAccountId, gold.CardIds[0],
            new NewCard(Card(DemoData.ReplacementCardNumber), Cid(DemoData.ReplacementCardId), "ALEX MORGAN", CardStatus.Issued, true, expires.AddYears(1))), cancellationToken);

        await PostHistory(gold, 12, today, ["Blue Bottle Coffee", "Delta Air Lines", "Whole Foods Market", "Uber Trip", "The Modern Restaurant", "Apple.com/Bill", "Shell Oil", "Barnes & Noble"], 1, cancellationToken);
        await PostHistory(blueCash, 20, today, ["Trader Joe's", "MTA NYC Transit", "Safeway", "Lyft Ride", "Costco Wholesale", "CVS Pharmacy"], 2, cancellationToken);

        var cardholder = await mediator.Send(new CreateUser(DemoData.CardholderUserId, DemoData.CardholderPassword, "alex.morgan@example.com"), cancellationToken);
        var admin = await mediator.Send(new CreateUser(DemoData.AdminUserId, DemoData.AdminPassword, "admin@billcenter.example.com", IsAdmin: true), cancellationToken);
        var platinumHolder = await mediator.Send(new CreateUser(DemoData.PlatinumUserId, DemoData.PlatinumPassword, "sam.rivera@example.com"), cancellationToken);
        if (!cardholder.Succeeded || !admin.Succeeded || !platinumHolder.Succeeded)
        {
            throw new InvalidOperationException("Demo users could not be created: " +
                string.Join("; ", cardholder.Errors.Concat(admin.Errors).Concat(platinumHolder.Errors).Select(e => e.Message)));
        }

        await mediator.Send(new LinkAccountToUser(gold.CardAccountId, cardholder.UserId!), cancellationToken);
        await mediator.Send(new LinkAccountToUser(blueCash.CardAccountId, cardholder.UserId!), cancellationToken);
        await mediator.Send(new LinkAccountToUser(platinum.CardAccountId, platinumHolder.UserId!), cancellationToken);
        await mediator.Send(new AddBankAccount(cardholder.UserId!, IsSavings: false, "Alex Morgan", DemoData.BankRoutingNumber, DemoData.BankAccountNumber), cancellationToken);
        await mediator.Send(new AddBankAccount(cardholder.UserId!, IsSavings: true, "Alex Morgan", DemoData.ReturningRoutingNumber, DemoData.ReturningAccountNumber, "Returns test"), cancellationToken);
        logger.LogInformation("Seeded demo card accounts and users");
    }

    private Task<OpenedCardAccount> Open(Product product, string holder, decimal limit, int cycleDay, BillingAddress address, string? email, string? mobile,
        NewCard[] cards, DateTime openedAt, CancellationToken cancellationToken, bool mobileVerified = false) =>
        mediator.Send(new OpenCardAccount(product, holder, Money.FromDecimal(limit), cycleDay, address, email, mobile, cards, openedAt, mobileVerified), cancellationToken);

    /// <summary>Three closed cycles of purchases and a payment each, then some activity in the open cycle.</summary>
    private async Task PostHistory(OpenedCardAccount account, int cycleDay, DateOnly today, string[] merchants, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed); // fixed seed: the same demo every time
        var cardId = account.CardIds[0];
        var lastClose = new DateOnly(today.Year, today.Month, cycleDay);
        if (lastClose >= today)
        {
            lastClose = lastClose.AddMonths(-1);
        }

        var closes = new[] { lastClose.AddMonths(-2), lastClose.AddMonths(-1), lastClose };
        var cycleStart = closes[0].AddMonths(-1).AddDays(1);
        foreach (var close in closes.Append(today))
        {
            var days = close.DayNumber - cycleStart.DayNumber;
            for (var i = 0; i < 6; i++)
            {
                var day = cycleStart.AddDays(random.Next(0, Math.Max(days, 1)));
                var amount = Money.FromDecimal(Math.Round((decimal)(random.NextDouble() * 240 + 8), 2));
                await mediator.Send(new PostCardTransaction(account.CardAccountId, cardId, At(day, random), merchants[random.Next(merchants.Length)], TransactionKind.Purchase, amount), cancellationToken);
            }

            if (close != today)
            {
                await mediator.Send(new PostCardTransaction(account.CardAccountId, cardId, At(cycleStart.AddDays(3), random), "Payment — thank you", TransactionKind.Payment, -Money.FromDecimal(400m)), cancellationToken);
                await mediator.Send(new CloseStatement(account.CardAccountId, close), cancellationToken);
            }

            cycleStart = close.AddDays(1);
        }
    }

    private static DateTime At(DateOnly day, Random random) => day.ToDateTime(new TimeOnly(random.Next(8, 21), random.Next(0, 60)), DateTimeKind.Utc);

    private static CardNumber Card(string number) => CardNumber.Parse(number).Value ?? throw new InvalidOperationException("Bad demo card number");

    private static CardId Cid(string cid) => CardId.TryParse(cid, out var id) ? id : throw new InvalidOperationException("Bad demo card ID");

    private static ZipCode Zip(string zip) => ZipCode.TryParse(zip, out var z) ? z : throw new InvalidOperationException("Bad demo ZIP");
}
