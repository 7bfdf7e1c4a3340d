using System.Net;
using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// The words of every alert. Parameters are display values ("Last4", "Name"); a template never shows more than
/// the last four digits of a card, and no code except a one-time code's own.
/// </summary>
internal static class AlertTemplates
{
    private static readonly Dictionary<string, (string Subject, string Body)> Templates = new(StringComparer.Ordinal)
    {
        ["card-locked"] = ("Security alert: online checks for your card are paused",
            "Someone entered the wrong card details or one-time codes for your card ending {Last4} too many times. To protect you, online checks for this card are paused for 24 hours. If this was not you, call the number on the back of your card."),
        ["online-account-created"] = ("Security alert: an online account was created for your card",
            "An online account was created for your card ending {Last4}. If this was not you, call the number on the back of your card now."),
        ["welcome"] = ("Welcome to BillCenter",
            "Your online account is ready. Sign in to see your balance and statements, set up alerts and choose paperless statements."),
        ["password-changed"] = ("Security alert: your password was changed",
            "The password for your online account was changed. If this was not you, call the number on the back of your card now."),
        ["user-id-reminder"] = ("Your BillCenter user ID",
            "You asked for a reminder of your user ID. If this was not you, call the number on the back of your card."),
        ["card-activated"] = ("Your card ending {Last4} is active",
            "Your card ending {Last4} is now active and ready to use."),
        ["statement-ready"] = ("Your statement is ready",
            "Your statement for the card account ending {Last4} is ready. Sign in to view it."),
        ["payment-received"] = ("We received your payment",
            "We received your payment of {Amount} for the card account ending {Last4}. Thank you."),
        ["payment-due"] = ("Your payment is due soon",
            "Your minimum payment of {Amount} for the card account ending {Last4} is due on {DueDate}."),
        ["test"] = ("BillCenter test alert", "This is a test alert {Marker}."),
    };

    public static bool Exists(string template) => Templates.ContainsKey(template);

    public static RenderedMessage Render(string template, IReadOnlyDictionary<string, string> parameters)
    {
        if (!Templates.TryGetValue(template, out var words))
        {
            throw new ArgumentException($"Unknown alert template '{template}'.", nameof(template));
        }

        var subject = Fill(words.Subject, parameters);
        var body = Fill(words.Body, parameters);
        return new RenderedMessage(subject, Text(subject, body), Html(subject, body), $"BillCenter: {body}");
    }

    public static RenderedMessage OneTimeCode(string code, int validMinutes)
    {
        const string subject = "Your BillCenter one-time code";
        var body = $"Your one-time code is {code}. It expires in {validMinutes} minutes. Never share this code: we will never ask you for it.";
        return new RenderedMessage(subject, Text(subject, body), Html(subject, body), $"BillCenter: {body}");
    }

    /// <summary>An email made from an SMS's words (the fallback when a number cannot take texts).</summary>
    public static RenderedMessage FromSms(string subject, string sms)
    {
        var body = sms.StartsWith("BillCenter: ", StringComparison.Ordinal) ? sms["BillCenter: ".Length..] : sms;
        return new RenderedMessage(subject, Text(subject, body), Html(subject, body), sms);
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> parameters) =>
        parameters.Aggregate(text, (current, p) => current.Replace($"{{{p.Key}}}", p.Value, StringComparison.Ordinal));

    private static string Text(string subject, string body) =>
        $"{subject}\n\n{body}\n\n--\nBillCenter. You get this message because of your card account. Manage alerts after signing in.";

    // Accessible HTML: a language, a real heading, no layout tables, nothing that needs images.
    private static string Html(string subject, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en-US">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(subject)}</title></head>
        <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; max-width: 600px; margin: 0 auto; padding: 16px;">
        <h1 style="font-size: 24px;">{WebUtility.HtmlEncode(subject)}</h1>
        <p>{WebUtility.HtmlEncode(body)}</p>
        <p style="color: #484949; font-size: 14px;">BillCenter. You get this message because of your card account. Manage alerts after signing in.</p>
        </body>
        </html>
        """;

    /// <summary>Security alerts go to every contact on file and cannot be turned off.</summary>
    public static bool IsSecurity(AlertType type) => type == AlertType.Security;
}
