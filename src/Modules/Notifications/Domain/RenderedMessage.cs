namespace BillCenter.Modules.Notifications.Domain;

/// <summary>A rendered message: subject, plain text (also the SMS), and accessible HTML.</summary>
internal sealed record RenderedMessage(string Subject, string Text, string Html, string Sms);
