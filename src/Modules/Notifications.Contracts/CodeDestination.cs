namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>One place a one-time code can go: the channel and the destination, masked.</summary>
public sealed record CodeDestination(NotificationChannel Channel, string Masked)
{
    /// <summary>As a choice: "Email to j•••@example.com", "Text message to •••• 1234".</summary>
    public string ChoiceLabel => Channel == NotificationChannel.Email ? $"Email to {Masked}" : $"Text message to {Masked}";

    /// <summary>In a sentence, when it is the only one: "your email j•••@example.com", "your mobile •••• 1234".</summary>
    public string InSentence => Channel == NotificationChannel.Email ? $"your email {Masked}" : $"your mobile {Masked}";
}
