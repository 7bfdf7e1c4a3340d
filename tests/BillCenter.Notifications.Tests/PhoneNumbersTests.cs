// The library's namespace is also called PhoneNumbers, so outside the Sms namespace our helper needs an alias.
using SmsPhoneNumbers = BillCenter.Modules.Notifications.Sms.PhoneNumbers;

namespace BillCenter.Notifications.Tests;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("(212) 555-0148", "+12125550148")]
    [InlineData("212-555-0148", "+12125550148")]
    [InlineData("212.555.0148", "+12125550148")]
    [InlineData("1 212 555 0148", "+12125550148")]
    [InlineData("+1 (212) 555-0148", "+12125550148")]
    [InlineData("+12125550148", "+12125550148")]
    [InlineData(" +44 20 7946 0958 ", "+442079460958")]
    public void Given_a_number_as_a_cardholder_types_it_Then_it_becomes_E164(string typed, string expected)
    {
        Assert.True(SmsPhoneNumbers.TryNormalize(typed, out var e164));
        Assert.Equal(expected, e164);
    }

    [Fact]
    public void Given_a_national_number_and_another_default_region_Then_that_region_s_code_is_used()
    {
        Assert.True(SmsPhoneNumbers.TryNormalize("020 7946 0958", out var e164, "GB"));
        Assert.Equal("+442079460958", e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("555-0148")]
    [InlineData("12345")]
    [InlineData("(012) 555-0148")]
    [InlineData("not a phone")]
    [InlineData("+1 212 555 01489999")]
    public void Given_something_that_is_not_a_valid_number_Then_it_is_refused(string typed)
    {
        Assert.False(SmsPhoneNumbers.TryNormalize(typed, out var e164));
        Assert.Equal(string.Empty, e164);
    }

    [Theory]
    [InlineData("+12125550148", "phone ending 0148")]
    [InlineData("+442079460958", "phone ending 0958")]
    [InlineData("+1", "phone number")]
    [InlineData("", "phone number")]
    public void Given_an_E164_number_Then_only_its_last_four_digits_are_shown(string e164, string expected) =>
        Assert.Equal(expected, SmsPhoneNumbers.Mask(e164));
}
