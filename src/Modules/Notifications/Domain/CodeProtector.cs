using BillCenter.Modules.Notifications.Contracts;
using Microsoft.AspNetCore.DataProtection;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// A one-time code must reach the sender but never sit readable in the database: the message holding it is
/// encrypted (Data Protection, keys shared by every instance) until sent or given up on, then replaced by a placeholder.
/// </summary>
internal sealed class CodeProtector(IDataProtectionProvider provider)
{
    public const string SentPlaceholder = "(one-time code sent; not kept)";

    public const string NotSentPlaceholder = "(one-time code not delivered; not kept)";

    private readonly IDataProtector _protector = provider.CreateProtector("BillCenter.Notifications.OneTimeCode.v1");

    public string Protect(string message) => _protector.Protect(message);

    public string Reveal(string protectedMessage) => _protector.Unprotect(protectedMessage);

    /// <summary>The one notification that carries <paramref name="code"/>: a security message, its bodies encrypted.</summary>
    public Notification CodeNotification(
        string template, Guid? cardAccountId, string? userId, Recipient recipient, string code, int validMinutes, DateTime now)
    {
        var notification = AlertQueue.NewNotification(AlertType.Security, template, cardAccountId, userId, recipient,
            AlertTemplates.OneTimeCode(code, validMinutes), null, now);
        notification.IsOneTimeCode = true;
        notification.TextBody = Protect(notification.TextBody);
        notification.HtmlBody = notification.HtmlBody is null ? null : Protect(notification.HtmlBody);
        return notification;
    }
}
