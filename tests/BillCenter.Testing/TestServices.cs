namespace BillCenter.Testing;

/// <summary>
/// The real services scripts/test.sh starts on 127.0.0.1 and hands over by environment variable. Run by hand
/// without them, the tests that need one are skipped with the reason; under CI a skip is a failure.
/// </summary>
public static class TestServices
{
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("BILLCENTER_TEST_POSTGRES");

    public static string? ChromiumPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("BILLCENTER_TEST_CHROMIUM");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            const string debianChromium = "/usr/lib/chromium/chromium";
            return File.Exists(debianChromium) ? debianChromium : null;
        }
    }

    public static string? SmtpHost => Environment.GetEnvironmentVariable("BILLCENTER_TEST_SMTP_HOST");

    public static int? SmtpPort => int.TryParse(Environment.GetEnvironmentVariable("BILLCENTER_TEST_SMTP_PORT"), out var port) ? port : null;

    public static string? MailDirectory => Environment.GetEnvironmentVariable("BILLCENTER_TEST_MAILDIR");

    public static void RequirePostgres() =>
        Assert.SkipWhen(string.IsNullOrEmpty(PostgresConnectionString), "PostgreSQL is not available: set BILLCENTER_TEST_POSTGRES (scripts/test.sh does).");

    public static void RequireChromium() =>
        Assert.SkipWhen(ChromiumPath is null, "Chromium is not available: install Debian's chromium or set BILLCENTER_TEST_CHROMIUM (scripts/test.sh does).");
}
