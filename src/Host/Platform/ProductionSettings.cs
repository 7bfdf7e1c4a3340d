using BillCenter.SharedKernel.Security;

namespace BillCenter.Host.Platform;

/// <summary>
/// The settings a real deployment must make, checked at start-up before anything else. In every environment but
/// Development (a developer's machine) and Testing (the test suites' hosts) the app refuses to start while any of
/// them is unsafe, and the one exception lists every problem: the setting, and what to do.
/// </summary>
internal static class ProductionSettings
{
    private const int MinimumHashKeyBytes = 32;

    public static void RefuseUnsafeSettings(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
        {
            return;
        }

        var problems = Problems(builder.Configuration);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"BillCenter refuses to start in the {builder.Environment.EnvironmentName} environment: " +
                $"{problems.Count} setting(s) are not safe for a real deployment (see the README's Configuration section).{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(problem => $"- {problem}")));
        }
    }

    private static List<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        if (HashKeyProblem(configuration[$"{SecurityOptions.Section}:{nameof(SecurityOptions.HashKey)}"]) is { } hashKey)
        {
            problems.Add($"Security:HashKey {hashKey}. Set a secret key of {MinimumHashKeyBytes}+ random bytes, base64 (openssl rand -base64 32).");
        }

        if (configuration.GetValue("Database:SeedDemoData", false))
        {
            problems.Add("Database:SeedDemoData is true: demo users with known passwords would be created. Set it to false.");
        }

        if (!configuration.GetValue($"{SecurityOptions.Section}:{nameof(SecurityOptions.SecureCookies)}", true))
        {
            problems.Add("Security:SecureCookies is false: session cookies would travel over plain HTTP. Set it to true and serve HTTPS.");
        }

        if (string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"]))
        {
            problems.Add("DataProtection:CertificatePath is empty: the data-protection key ring would be stored unencrypted. " +
                "Set it (and DataProtection:CertificatePassword) to a PFX certificate.");
        }

        if (string.IsNullOrWhiteSpace(configuration["Smtp:Host"]))
        {
            problems.Add("Smtp:Host is empty: email, one-time codes included, would be written in clear to the pickup folder. Set the SMTP server.");
        }

        if (string.IsNullOrWhiteSpace(configuration["Twilio:AccountSid"]))
        {
            problems.Add("Twilio:AccountSid is empty: text messages, one-time codes included, would be written in clear to sms.log. " +
                "Set the Twilio account (Twilio:AccountSid, Twilio:AuthToken, Twilio:From or Twilio:MessagingServiceSid).");
        }

        if (PublicUrlProblem(configuration["Site:PublicUrl"]) is { } publicUrl)
        {
            problems.Add($"Site:PublicUrl {publicUrl}: the links in emails would not lead to the site over HTTPS. " +
                "Set the address cardholders reach the bill center at, e.g. https://billcenter.example.");
        }

        return problems;
    }

    private static string? PublicUrlProblem(string? publicUrl)
    {
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            return "is not set";
        }

        return Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
            ? null
            : $"is not an absolute https URL ({publicUrl})";
    }

    private static string? HashKeyProblem(string? hashKey)
    {
        if (string.IsNullOrWhiteSpace(hashKey))
        {
            return "is not set";
        }

        if (hashKey == SecurityOptions.DevelopmentHashKey)
        {
            return "is the development key";
        }

        var bytes = new byte[hashKey.Length];
        if (!Convert.TryFromBase64String(hashKey, bytes, out var length))
        {
            return "is not base64";
        }

        return length < MinimumHashKeyBytes ? $"is only {length} bytes long" : null;
    }
}
