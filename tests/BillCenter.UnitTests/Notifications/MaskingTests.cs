using BillCenter.Modules.Notifications.Domain;

namespace BillCenter.UnitTests.Notifications;

/// <summary>How a code's destination is shown: never the whole address or number.</summary>
public class MaskingTests
{
    [Theory]
    [InlineData("holder@example.com", "h•••@example.com")]
    [InlineData("j@example.com", "j•••@example.com")]
    [InlineData("@example.com", "your email address")]
    [InlineData("not-an-address", "your email address")]
    public void Given_an_email_address_Then_only_its_first_letter_and_domain_show(string email, string masked) =>
        Assert.Equal(masked, Masking.Email(email));

    [Theory]
    [InlineData("+14045551234", "phone ending 1234")]
    [InlineData("1234", "phone ending 1234")]
    [InlineData("123", "your phone")]
    public void Given_a_phone_number_Then_only_its_last_four_digits_show(string phone, string masked) =>
        Assert.Equal(masked, Masking.Phone(phone));
}
