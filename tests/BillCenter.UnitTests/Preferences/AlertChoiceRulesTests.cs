using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Preferences.Domain;
using AlertsPage = BillCenter.Modules.Preferences.Pages.Preferences.Alerts.IndexModel;

namespace BillCenter.UnitTests.Preferences;

/// <summary>The rules of the alerts page's form and the defaults of the alert catalog.</summary>
public sealed class AlertChoiceRulesTests
{
    private static readonly AlertsPage.Validator Validator = new();

    [Fact]
    public void Given_no_saved_row_Then_service_alerts_go_by_email_and_amount_alerts_are_off()
    {
        var choices = AlertCatalog.ChoicesFrom([]);

        Assert.Equal(AlertCatalog.Kinds.Select(k => k.Type), choices.Choices.Select(c => c.Type));
        Assert.All(choices.Choices.Where(c => c.Type is not (AlertType.PurchaseOverAmount or AlertType.BalanceOverAmount)), c => Assert.True(c.ByEmail && !c.ByText));
        Assert.True(choices.For(AlertType.PurchaseOverAmount)!.IsOff);
        Assert.True(choices.For(AlertType.BalanceOverAmount)!.IsOff);
        Assert.Equal(AlertCatalog.DefaultDaysBefore, choices.For(AlertType.PaymentDueReminder)!.DaysBefore);
        Assert.Null(choices.For(AlertType.Security)); // not a choice: always on
        Assert.DoesNotContain(AlertCatalog.Kinds, k => k.Type is AlertType.Security or AlertType.Welcome);
    }

    [Fact]
    public void Given_a_saved_row_Then_it_replaces_the_default_of_its_type_only()
    {
        var choices = AlertCatalog.ChoicesFrom([new AlertSetting { Type = AlertType.PaymentReceived, ByEmail = false, ByText = true }]);

        Assert.Equal((false, true), (choices.For(AlertType.PaymentReceived)!.ByEmail, choices.For(AlertType.PaymentReceived)!.ByText));
        Assert.True(choices.For(AlertType.StatementReady)!.ByEmail);
    }

    [Fact]
    public void Given_the_form_as_shown_Then_it_is_valid()
    {
        var result = Validator.Validate(Form(textOffered: true, mobileOnFile: true));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData(false, true, "SecurityEmail")]
    [InlineData(true, false, "SecurityText")]
    public void Given_a_security_alert_unchecked_Then_it_is_refused_at_its_box(bool email, bool text, string field)
    {
        var form = Form(textOffered: true, mobileOnFile: true);
        form.SecurityEmail = email;
        form.SecurityText = text;

        var error = Assert.Single(Validator.Validate(form).Errors);

        Assert.Equal((field, AlertsPage.SecurityAlwaysOn), (error.PropertyName, error.ErrorMessage));
    }

    [Fact]
    public void Given_no_mobile_on_file_Then_the_security_text_box_is_not_asked_for()
    {
        var form = Form(textOffered: false, mobileOnFile: false);
        form.SecurityText = false;

        Assert.True(Validator.Validate(form).IsValid);
    }

    [Fact]
    public void Given_text_chosen_without_a_confirmed_mobile_Then_it_is_refused_at_that_box()
    {
        var form = Form(textOffered: false, mobileOnFile: true);
        var row = Index(AlertType.PaymentReceived);
        form.Alerts[row].Text = true;

        var error = Assert.Single(Validator.Validate(form).Errors);

        Assert.Equal(($"Alerts[{row}].Text", AlertsPage.TextNeedsMobile), (error.PropertyName, error.ErrorMessage));
    }

    [Theory]
    [InlineData(true, "", "Enter the amount to be alerted above, for example 500")]
    [InlineData(true, "0.50", "Enter an amount in dollars, like 500 or 500.00, from $1 to $1,000,000")]
    [InlineData(true, "12.345", "Enter an amount in dollars, like 500 or 500.00, from $1 to $1,000,000")]
    [InlineData(true, "five hundred", "Enter an amount in dollars, like 500 or 500.00, from $1 to $1,000,000")]
    [InlineData(true, "1000000.01", "Enter an amount in dollars, like 500 or 500.00, from $1 to $1,000,000")]
    [InlineData(false, "-3", "Enter an amount in dollars, like 500 or 500.00, from $1 to $1,000,000")]
    [InlineData(true, "$1,250", null)]
    [InlineData(false, "", null)]
    public void Given_a_purchase_amount_Then_it_must_be_dollars_from_1_to_a_million_when_the_alert_is_on(bool on, string amount, string? message)
    {
        var form = Form(textOffered: true, mobileOnFile: true);
        var row = Index(AlertType.PurchaseOverAmount);
        form.Alerts[row].Email = on;
        form.Alerts[row].Amount = amount;

        var errors = Validator.Validate(form).Errors;

        Assert.Equal(message is null ? [] : [($"Alerts[{row}].Amount", message)], errors.Select(e => (e.PropertyName, e.ErrorMessage)));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("10", true)]
    [InlineData("11", false)]
    [InlineData("five", false)]
    public void Given_reminder_days_Then_only_1_to_10_pass(string days, bool valid)
    {
        var form = Form(textOffered: true, mobileOnFile: true);
        form.Alerts[Index(AlertType.PaymentDueReminder)].Days = days;

        Assert.Equal(valid, Validator.Validate(form).IsValid);
    }

    private static int Index(AlertType type) => AlertCatalog.Kinds.Select((k, i) => (k, i)).Single(p => p.k.Type == type).i;

    private static AlertsPage.Command Form(bool textOffered, bool mobileOnFile) => new()
    {
        TextOffered = textOffered,
        MobileOnFile = mobileOnFile,
        SecurityEmail = true,
        SecurityText = mobileOnFile,
        Alerts = [.. AlertCatalog.Kinds.Select(k => new AlertsPage.Row
        {
            Type = k.Type.ToString(),
            Email = k.Default.ByEmail,
            Text = false,
            Days = "5",
        })],
    };
}
