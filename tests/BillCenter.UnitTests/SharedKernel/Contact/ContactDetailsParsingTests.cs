using BillCenter.SharedKernel.Contact;

namespace BillCenter.SharedKernel.Tests.Contact;

/// <summary>Mobile numbers as cardholders type them, kept in E.164 and shown nationally; email addresses checked and masked.</summary>
public class ContactDetailsParsingTests
{
    [Theory]
    [InlineData("(212) 555-0123", "+12125550123")]
    [InlineData("212.555.0123", "+12125550123")]
    [InlineData("212 555 0123", "+12125550123")]
    [InlineData("+1 212 555 0123", "+12125550123")]
    [InlineData("1-404-555-9876", "+14045559876")]
    [InlineData(" 4045551234 ", "+14045551234")]
    [InlineData("+44 7400 123456", "+447400123456")]
    public void Given_a_mobile_number_as_typed_Then_it_is_kept_in_E164(string typed, string e164)
    {
        Assert.True(MobileNumber.TryParse(typed, out var parsed, out var problem));
        Assert.Null(problem);
        Assert.Equal(e164, parsed);
    }

    [Theory]
    [InlineData(null, MobileNumber.EnterMessage)]
    [InlineData("   ", MobileNumber.EnterMessage)]
    [InlineData("12345", MobileNumber.FormatMessage)]
    [InlineData("555-01", MobileNumber.FormatMessage)]
    [InlineData("call me", MobileNumber.FormatMessage)]
    [InlineData("(012) 555-0123", MobileNumber.FormatMessage)]
    [InlineData("(800) 555-0199", MobileNumber.NotMobileMessage)]
    [InlineData("+44 20 7946 0958", MobileNumber.NotMobileMessage)]
    public void Given_something_that_is_not_a_mobile_number_Then_it_is_refused_with_the_reason(string? typed, string message)
    {
        Assert.False(MobileNumber.TryParse(typed, out var parsed, out var problem));
        Assert.Equal(message, problem);
        Assert.Equal(string.Empty, parsed);
    }

    [Theory]
    [InlineData("+12125550123", "(212) 555-0123")]
    [InlineData("+447400123456", "+44 7400 123456")]
    [InlineData(null, "")]
    public void Given_a_number_on_file_Then_it_is_shown_nationally_and_masked_to_its_last_four(string? e164, string shown)
    {
        Assert.Equal(shown, MobileNumber.Display(e164));
        Assert.Equal(e164 is null ? "your phone" : $"phone ending {e164[^4..]}", MobileNumber.Mask(e164));
    }

    [Theory]
    [InlineData("  jane.doe@example.com ", "jane.doe@example.com", null)]
    [InlineData("", "", Mailbox.EnterMessage)]
    [InlineData("jane.example.com", null, Mailbox.FormatMessage)]
    [InlineData("jane@@example.com", null, Mailbox.FormatMessage)]
    [InlineData("jane@localhost", null, Mailbox.FormatMessage)]
    [InlineData("jane doe@example.com", null, Mailbox.FormatMessage)]
    public void Given_an_email_as_typed_Then_it_is_trimmed_or_refused_with_the_reason(string typed, string? email, string? problem)
    {
        Assert.Equal(problem is null, Mailbox.TryParse(typed, out var parsed, out var message));
        Assert.Equal(problem, message);
        if (email is not null)
        {
            Assert.Equal(email, parsed);
        }

        Assert.Equal("j•••@example.com", Mailbox.Mask("jane.doe@example.com"));
    }
}
