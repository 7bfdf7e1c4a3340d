namespace BillCenter.Modules.Notifications.Domain;

/// <summary>A rendered message: subject, plain text, accessible HTML, the SMS, and the words alone (what /notices shows).</summary>
internal sealed record RenderedMessage(string Subject, string Text, string Html, string Sms, string Body);
