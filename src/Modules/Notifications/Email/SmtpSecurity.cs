namespace BillCenter.Modules.Notifications.Email;

/// <summary>How the SMTP connection is secured (Smtp:Security).</summary>
internal enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
