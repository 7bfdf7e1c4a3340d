using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Money;
using MimeKit;

namespace BillCenter.BrowserTests;

/// <summary>The embedded default with its job server on: codes arrive as .eml files in the pickup folder.</summary>
public sealed class JobsBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" };

    /// <summary>Waits until <paramref name="count"/> whole messages to <paramref name="address"/> are in the pickup folder.</summary>
    public Task<IReadOnlyList<MimeMessage>> MailToAsync(string address, int count) => PickupFolder.WaitForAsync(PickupFolder.Of(App), address, count);

    public async Task<(string Number, string? CardId, string Email, string Street)> OpenAccountAsync(Product product)
    {
        var number = TestCards.NewCardNumber();
        var cardId = product == Product.CorporatePurchasing ? null : TestCards.NewCardId();
        var email = $"{TestUsers.NewUserId("holder")}@example.com";
        var street = $"{Random.Shared.Next(1, 999)} Orchard Lane";
        await App.SendAsync(new OpenCardAccount(product, "Robin Park", Money.FromDecimal(9000m), 8,
            new BillCenter.SharedKernel.Cards.BillingAddress(street, null, "Denver", "CO", TestCards.Zip("80202")), email, null,
            [new NewCard(TestCards.Parse(number), cardId is null ? null : TestCards.ParseCardId(cardId), "ROBIN PARK", CardStatus.Active, true, new DateOnly(2031, 5, 31))],
            DateTime.UtcNow.AddYears(-1)));
        return (number, cardId, email, street);
    }
}
