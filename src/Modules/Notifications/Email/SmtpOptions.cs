namespace BillCenter.Modules.Notifications.Email;

/// <summary>Smtp:* settings. With no Host, email is written as .eml files to the pickup folder instead.</summary>
internal sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string From { get; set; } = "BillCenter <alerts@billcenter.example>";

    /// <summary>Where .eml files go when no Host is set, relative to the data folder.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
