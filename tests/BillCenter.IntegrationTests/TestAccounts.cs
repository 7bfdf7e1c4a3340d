using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;

namespace BillCenter.IntegrationTests;

/// <summary>A card account opened through the Accounts contracts, with the card numbers and card IDs in clear for the test.</summary>
internal sealed record TestAccount(
    Guid CardAccountId, IReadOnlyList<Guid> CardIds, IReadOnlyList<string> CardNumbers, IReadOnlyList<string?> CardIdDigits, string Street, string Zip, string? Email, string? Mobile);

internal static class TestAccounts
{
    public static async Task<TestAccount> OpenAsync(
        this BillCenterApp app, Product product = Product.Gold, int cards = 1, CardStatus status = CardStatus.Active, int transactionsPerCard = 0,
        string? mobile = "+14045550100", bool email = true)
    {
        var hasCardIds = product is not (Product.CorporatePurchasing or Product.LineOfCredit or Product.Consolidator);
        var numbers = Enumerable.Range(0, cards).Select(_ => TestCards.NewCardNumber()).ToList();
        var cids = numbers.Select(_ => hasCardIds ? TestCards.NewCardId() : null).ToList();
        var street = $"{Random.Shared.Next(1, 9999)} Test Avenue";
        const string zip = "30301";
        var emailAddress = $"holder.{Guid.NewGuid():N}@example.com";
        var opened = await app.SendAsync(new OpenCardAccount(
            product, "Test Holder", Money.FromDecimal(5_000m), 10,
            new BillingAddress(street, "Apartment 2", "Atlanta", "GA", TestCards.Zip(zip)),
            email ? emailAddress : null, mobile,
            numbers.Select((n, i) => new NewCard(TestCards.Parse(n), cids[i] is null ? null : TestCards.ParseCardId(cids[i]!), "TEST HOLDER", status, i == 0, new DateOnly(2030, 1, 31))).ToList(),
            DateTime.UtcNow.AddYears(-1)));

        foreach (var cardId in opened.CardIds)
        {
            for (var i = 0; i < transactionsPerCard; i++)
            {
                await app.SendAsync(new PostCardTransaction(opened.CardAccountId, cardId, DateTime.UtcNow.AddDays(-i), $"Merchant {i}", TransactionKind.Purchase, Money.FromDecimal(10m + i)));
            }
        }

        return new TestAccount(opened.CardAccountId, opened.CardIds, numbers, cids, street, zip, email ? emailAddress : null, mobile);
    }

    public static async Task<(string UserName, string UserId)> NewCardholderAsync(this BillCenterApp app, string password, params TestAccount[] accounts)
    {
        var userName = TestUsers.NewUserId("holder");
        var created = await app.SendAsync(new CreateUser(userName, password));
        Assert.True(created.Succeeded);
        foreach (var account in accounts)
        {
            Assert.Equal(LinkOutcome.Linked, await app.SendAsync(new LinkAccountToUser(account.CardAccountId, created.UserId!)));
        }

        return (userName, created.UserId!);
    }
}
