using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// Who gets an alert, from the contact on file: security alerts go to every email and mobile on file; an alert a
/// cardholder sets per card account goes by email, by text, both or not at all as chosen (Preferences); any other
/// alert by email (SMS when there is no email). A text that cannot go (no number, or it opted out) goes by email instead.
/// </summary>
internal sealed class Recipients(IMediator mediator, NotificationsDbContext db, AlertChoiceCache choices)
{
    public async Task<IReadOnlyList<Recipient>> ForAsync(AlertType type, Guid? cardAccountId, string? userId, CancellationToken cancellationToken)
    {
        var choice = !AlertTemplates.IsSecurity(type) && cardAccountId is { } accountId
            ? await choices.ForAsync(accountId, type, cancellationToken)
            : null;
        if (choice is { IsOff: true })
        {
            return []; // turned off: not even the contact is looked up
        }

        var contacts = await ContactsAsync(cardAccountId, userId, cancellationToken);
        var phones = contacts.Select(c => c.MobilePhone).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var optedOut = phones.Count == 0 ? [] : await db.SmsOptOuts.AsNoTracking()
            .Where(o => phones.Contains(o.PhoneNumber)).Select(o => o.PhoneNumber).ToListAsync(cancellationToken);
        var emails = Emails(contacts);
        var textable = phones.Except(optedOut, StringComparer.Ordinal).ToList();

        var texts = textable.Select(p => new Recipient(NotificationChannel.Sms, p)).ToList();
        var recipients = new List<Recipient>();
        if (AlertTemplates.IsSecurity(type))
        {
            recipients.AddRange(emails);
            recipients.AddRange(texts);
        }
        else if (choice is not null)
        {
            if (choice.ByEmail || (choice.ByText && texts.Count == 0))
            {
                recipients.AddRange(emails);
            }

            if (choice.ByText)
            {
                recipients.AddRange(texts);
            }
        }
        else if (emails.Count > 0)
        {
            recipients.AddRange(emails);
        }
        else
        {
            recipients.AddRange(texts);
        }

        return recipients;
    }

    /// <summary>Every email address on file for the account (or the user's accounts): where a text that cannot be delivered goes instead.</summary>
    public async Task<IReadOnlyList<Recipient>> EmailsOnFileAsync(Guid? cardAccountId, string? userId, CancellationToken cancellationToken) =>
        Emails(await ContactsAsync(cardAccountId, userId, cancellationToken));

    private async Task<List<ContactOnFile>> ContactsAsync(Guid? cardAccountId, string? userId, CancellationToken cancellationToken)
    {
        var contacts = new List<ContactOnFile>();
        if (cardAccountId is { } accountId && await mediator.Send(new GetContactOnFile(accountId), cancellationToken) is { } contact)
        {
            contacts.Add(contact);
        }
        else if (!string.IsNullOrEmpty(userId))
        {
            contacts.AddRange(await mediator.Send(new GetContactsOnFileForUser(userId), cancellationToken));
        }

        return contacts;
    }

    private static List<Recipient> Emails(IEnumerable<ContactOnFile> contacts) =>
        [.. contacts.Select(c => c.Email).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Select(e => new Recipient(NotificationChannel.Email, e))];
}
