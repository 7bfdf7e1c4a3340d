namespace BillCenter.Host.DemoData;

/// <summary>The demo values the README lists. Seeded into an empty database (Development by default).</summary>
public static class DemoData
{
    public const string CardholderUserId = "demo.cardholder";
    public const string CardholderPassword = "paper lantern river 42";
    public const string AdminUserId = "demo.admin";
    public const string AdminPassword = "quiet harbor ledger 77";

    /// <summary>The online account of the cancelled Platinum Card's holder (recovery by billing street + ZIP).</summary>
    public const string PlatinumUserId = "demo.platinum";
    public const string PlatinumPassword = "copper willow harbor 58";

    /// <summary>Enrolled: the demo cardholder's Gold Card.</summary>
    /// <summary>The demo cardholder's saved bank account ("Checking ending 6789"): payments from it post.</summary>
    public const string BankRoutingNumber = "011000015";
    public const string BankAccountNumber = "123456789";

    /// <summary>A second saved account ("Savings ending 4321") on the demo return routing number: payments from it post, then come back returned.</summary>
    public const string ReturningRoutingNumber = "999999992";
    public const string ReturningAccountNumber = "987654321";

    public const string GoldCardNumber = "3712 345678 90013";
    public const string GoldCardId = "4821";

    /// <summary>Enrolled: the demo cardholder's Blue Cash Card.</summary>
    public const string BlueCashCardNumber = "3712 345678 90021";
    public const string BlueCashCardId = "7315";

    /// <summary>Not enrolled yet: a Green Card to enroll with card number + card ID.</summary>
    public const string UnenrolledCardNumber = "3498 765432 10010";
    public const string UnenrolledCardId = "2468";

    /// <summary>Corporate purchasing account: no card ID; enroll with number + billing street + ZIP.</summary>
    public const string CorporateCardNumber = "3755 500011 12227";
    public const string CorporateStreet = "100 Commerce Street";
    public const string CorporateZip = "10005";

    /// <summary>A cancelled Platinum Card (recovery by billing street + ZIP).</summary>
    public const string CancelledCardNumber = "3740 001234 56780";
    public const string CancelledCardId = "1357";
    public const string CancelledStreet = "22 Elm Avenue";
    public const string CancelledZip = "62704";

    /// <summary>A newly issued Gold Card awaiting activation.</summary>
    public const string NewCardNumber = "3411 112222 33333";
    public const string NewCardId = "9090";

    /// <summary>Issued, not yet active: the replacement for the demo cardholder's Gold Card ending 0013.</summary>
    public const string ReplacementCardNumber = "3712 345678 90047";
    public const string ReplacementCardId = "5826";
}
