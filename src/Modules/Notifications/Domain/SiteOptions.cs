namespace BillCenter.Modules.Notifications.Domain;

/// <summary>Site:* settings: the address cardholders reach the bill center at, for the links in emails.</summary>
internal sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The site's public address (absolute; https in production), e.g. https://billcenter.example.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>The sign-in page at the public address.</summary>
    public string SignInUrl => $"{PublicUrl.TrimEnd('/')}/sign-in";
}
