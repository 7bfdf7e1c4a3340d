using BillCenter.Modules.Notifications.Domain;

namespace BillCenter.UnitTests.Notifications;

/// <summary>The words of the alerts, rendered without the dispatcher.</summary>
public class AlertTemplatesTests
{
    [Fact]
    public void Given_a_template_with_parameters_Then_subject_text_html_and_sms_carry_them()
    {
        var message = AlertTemplates.Render("payment-due", new Dictionary<string, string>
        {
            ["Amount"] = "$35.00", ["Last4"] = "0013", ["DueDate"] = "June 1, 2031",
        });

        Assert.Equal("Your payment is due soon", message.Subject);
        Assert.Contains("Your minimum payment of $35.00 for the card account ending 0013 is due on June 1, 2031.", message.Text, StringComparison.Ordinal);
        Assert.StartsWith("Your payment is due soon\n\n", message.Text, StringComparison.Ordinal);
        Assert.Equal("BillCenter: Your minimum payment of $35.00 for the card account ending 0013 is due on June 1, 2031.", message.Sms);
        Assert.Contains("<h1 style=\"font-size: 24px;\">Your payment is due soon</h1>", message.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-US\">", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("{", message.Text, StringComparison.Ordinal);
        Assert.Equal("Your minimum payment of $35.00 for the card account ending 0013 is due on June 1, 2031.", message.Body); // what /notices shows
    }

    [Fact]
    public void Given_a_parameter_with_markup_Then_the_html_encodes_it()
    {
        var message = AlertTemplates.Render("test", new Dictionary<string, string> { ["Marker"] = "<b>&</b>" });

        Assert.Contains("This is a test alert &lt;b&gt;&amp;&lt;/b&gt;.", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.Html, StringComparison.Ordinal);
        Assert.Contains("This is a test alert <b>&</b>.", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_one_time_code_Then_it_is_in_every_part_with_its_validity()
    {
        var message = AlertTemplates.OneTimeCode("482913", 10);

        Assert.Equal("Your BillCenter one-time code", message.Subject);
        Assert.Contains("Your one-time code is 482913. It expires in 10 minutes.", message.Text, StringComparison.Ordinal);
        Assert.Contains("482913", message.Html, StringComparison.Ordinal);
        Assert.StartsWith("BillCenter: Your one-time code is 482913.", message.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_sms_turned_into_an_email_Then_the_BillCenter_prefix_is_dropped_from_the_body_only()
    {
        var message = AlertTemplates.FromSms("Your BillCenter one-time code", "BillCenter: Your one-time code is 111222.");

        Assert.Contains("\n\nYour one-time code is 111222.\n\n", message.Text, StringComparison.Ordinal);
        Assert.Equal("BillCenter: Your one-time code is 111222.", message.Sms);
    }

    [Theory]
    [InlineData("card-locked")]
    [InlineData("online-account-created")]
    [InlineData("card-activated")]
    [InlineData("statement-ready")]
    public void Given_a_card_template_Then_it_shows_only_the_last_four_digits_given(string template)
    {
        var message = AlertTemplates.Render(template, new Dictionary<string, string> { ["Last4"] = "0013" });

        Assert.Contains("ending 0013", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{Last4}", message.Text + message.Html + message.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unknown_template_Then_rendering_it_is_refused()
    {
        Assert.False(AlertTemplates.Exists("no-such-template"));
        Assert.Throws<ArgumentException>(() => AlertTemplates.Render("no-such-template", new Dictionary<string, string>()));
    }
}
