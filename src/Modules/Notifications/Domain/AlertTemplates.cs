using System.Net;
using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// The words of every alert. Parameters are display values ("Last4", "Name"); a template never shows more than
/// the last four digits of a card, and no code except a one-time code's own. A message that invites the reader to sign
/// in gives the sign-in page's address ({SignInUrl}, from Site:PublicUrl), as text and, in HTML, as a link; no other link.
/// </summary>
internal static class AlertTemplates
{
    /// <summary>The parameter holding the sign-in page's public address.</summary>
    public const string SignInUrl = "SignInUrl";

    private static readonly Dictionary<string, (string Subject, string Body)> Templates = new(StringComparer.Ordinal)
    {
        ["card-locked"] = ("Security alert: online checks for your card are paused",
            "Someone entered the wrong card details or one-time codes for your card ending {Last4} too many times. To protect you, online checks for this card are paused for 24 hours. If this was not you, call the number on the back of your card."),
        ["online-account-created"] = ("Security alert: an online account was created for your card",
            "An online account was created for your card ending {Last4}. If this was not you, call the number on the back of your card now."),
        ["welcome"] = ("Welcome to BillCenter",
            "Your online account is ready. Sign in at {SignInUrl} to see your balance and recent purchases."),
        ["password-changed"] = ("Security alert: your password was changed",
            "The password for your online account was changed. If this was not you, call the number on the back of your card now."),
        ["security-questions-changed"] = ("Security alert: your security questions were changed",
            "The security questions for your online account were changed. If this was not you, call the number on the back of your card now."),
        ["billing-address-changed"] = ("Security alert: your billing address was changed",
            "The billing address for your card account ending {Last4} was changed online. If this was not you, call the number on the back of your card now."),
        ["email-changed"] = ("Security alert: your email address was changed",
            "The email address for your online account was changed to {NewAddress}. We will send messages there from now on. If this was not you, call the number on the back of your card now."),
        ["mobile-changed"] = ("Security alert: your mobile number was changed",
            "The mobile number for your online account was changed to the {NewAddress}. If this was not you, call the number on the back of your card now."),
        ["mobile-removed"] = ("Security alert: your mobile number was removed",
            "The mobile number was removed from your online account. We will no longer send text messages. If this was not you, call the number on the back of your card now."),
        ["user-id-changed"] = ("Security alert: your user ID was changed",
            "The user ID of your online account was changed. If this was not you, call the number on the back of your card now."),
        ["new-sign-in"] = ("Security alert: a new sign-in to your online account",
            "Someone signed in to your online account from a device we did not recognize: {Device}, on {Time}. If this was you, there is nothing to do. If this was not you, sign in at {SignInUrl} and change your password, then call the number on the back of your card."),
        ["user-id-reminder"] = ("Your BillCenter user ID",
            "You asked for a reminder of your user ID. If this was not you, call the number on the back of your card."),
        ["card-activated"] = ("Your card ending {Last4} is active",
            "Your card ending {Last4} is now active and ready to use."),
        ["statement-ready"] = ("Your statement is ready",
            "Your statement for the card account ending {Last4} is ready. Your minimum payment of {MinimumDue} is due on {DueDate}. Sign in at {SignInUrl} to see it."),
        ["payment-received"] = ("We received your payment",
            "We received your payment of {Amount} for the card account ending {Last4}. Thank you."),
        ["payment-returned"] = ("Your payment was returned",
            "Your bank returned your payment of {Amount} for the card account ending {Last4} (confirmation {Confirmation}), so it has been taken off your account. Please make the payment again, from another bank account if you need to."),
        ["bank-account-added"] = ("Security alert: a bank account was added",
            "A bank account ({BankAccount}) was added to your online account to pay your card bill. If this was not you, call the number on the back of your card now."),
        ["bank-account-removed"] = ("Security alert: a bank account was removed",
            "A bank account ({BankAccount}) was removed from your online account. If this was not you, call the number on the back of your card now."),
        ["autopay-changed"] = ("Security alert: AutoPay was changed",
            "AutoPay for the card account ending {Last4} was changed: {Change}. If this was not you, call the number on the back of your card now."),
        ["payment-due"] = ("Your payment is due soon",
            "Your minimum payment of {Amount} for the card account ending {Last4} is due on {DueDate}."),
        ["purchase-over"] = ("A purchase over {Threshold} on your card",
            "A purchase of {Amount} at {Merchant} was posted to your card ending {Last4}. You asked to hear about purchases over {Threshold}. If you do not recognize it, call the number on the back of your card."),
        ["balance-over"] = ("Your balance is over {Threshold}",
            "The balance of your card account ending {Last4} is now {Balance}, over the {Threshold} you asked to hear about."),
        ["test"] = ("BillCenter test alert", "This is a test alert {Marker}."),
    };

    /// <summary>The name of every template.</summary>
    public static IReadOnlyCollection<string> Names => Templates.Keys;

    public static bool Exists(string template) => Templates.ContainsKey(template);

    public static RenderedMessage Render(string template, IReadOnlyDictionary<string, string> parameters)
    {
        if (!Templates.TryGetValue(template, out var words))
        {
            throw new ArgumentException($"Unknown alert template '{template}'.", nameof(template));
        }

        var subject = Fill(words.Subject, parameters);
        var body = Fill(words.Body, parameters);
        var link = parameters.TryGetValue(SignInUrl, out var url) ? url : null;
        return new RenderedMessage(subject, Text(subject, body), Html(subject, body, link), $"BillCenter: {body}", body);
    }

    public static RenderedMessage OneTimeCode(string code, int validMinutes)
    {
        const string subject = "Your BillCenter one-time code";
        var body = $"Your one-time code is {code}. It expires in {validMinutes} minutes. Never share this code: we will never ask you for it.";
        return new RenderedMessage(subject, Text(subject, body), Html(subject, body), $"BillCenter: {body}", body);
    }

    /// <summary>An email made from an SMS's words (the fallback when a number cannot take texts).</summary>
    public static RenderedMessage FromSms(string subject, string sms)
    {
        var body = sms.StartsWith("BillCenter: ", StringComparison.Ordinal) ? sms["BillCenter: ".Length..] : sms;
        return new RenderedMessage(subject, Text(subject, body), Html(subject, body), sms, body);
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> parameters) =>
        parameters.Aggregate(text, (current, p) => current.Replace($"{{{p.Key}}}", p.Value, StringComparison.Ordinal));

    private static string Text(string subject, string body) =>
        $"{subject}\n\n{body}\n\n--\nBillCenter. You get this message because of your card account. Questions? Call the number on the back of your card.";

    // Accessible HTML: a language, a real heading, no layout tables, nothing that needs images.
    private static string Html(string subject, string body, string? link = null) =>
        $"""
        <!DOCTYPE html>
        <html lang="en-US">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(subject)}</title></head>
        <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; max-width: 600px; margin: 0 auto; padding: 16px;">
        <h1 style="font-size: 24px;">{WebUtility.HtmlEncode(subject)}</h1>
        <p>{Linked(WebUtility.HtmlEncode(body), link)}</p>
        <p style="color: #484949; font-size: 14px;">BillCenter. You get this message because of your card account. Questions? Call the number on the back of your card.</p>
        </body>
        </html>
        """;

    /// <summary>The address in an encoded body, made a link to itself.</summary>
    private static string Linked(string encodedBody, string? link)
    {
        if (string.IsNullOrEmpty(link))
        {
            return encodedBody;
        }

        var encoded = WebUtility.HtmlEncode(link);
        return encodedBody.Replace(encoded, $"<a href=\"{encoded}\">{encoded}</a>", StringComparison.Ordinal);
    }

    /// <summary>Security alerts go to every contact on file and cannot be turned off.</summary>
    public static bool IsSecurity(AlertType type) => type == AlertType.Security;
}
