namespace BillCenter.Modules.Notifications.Domain;

/// <summary>Contact details as we show them back: enough for the cardholder to recognise, not enough to misuse.</summary>
internal static class Masking
{
    /// <summary>"j•••@example.com".</summary>
    public static string Email(string email) => SharedKernel.Contact.Mailbox.Mask(email);

    /// <summary>"phone ending 4321".</summary>
    public static string Phone(string phone) => phone.Length >= 4 ? $"phone ending {phone[^4..]}" : "your phone";
}
