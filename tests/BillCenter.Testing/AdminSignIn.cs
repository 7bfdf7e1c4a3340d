using System.Net;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace BillCenter.Testing;

/// <summary>
/// Signs the demo admin in as an admin does: the password, then the security code emailed to the address on file,
/// read back from the mail the app delivered (its pickup folder, or the test SMTP server when the app uses it).
/// </summary>
public static class AdminSignIn
{
    /// <summary>The template of a sign-in code's notification.</summary>
    public const string CodeTemplate = "sign-in-code";

    /// <summary>Both steps; answers the code page's response (a redirect to <paramref name="returnUrl"/> when it worked).</summary>
    public static async Task<HttpResponseMessage> SignInAsAdminAsync(this HttpClient client, BillCenterApp app, string returnUrl = "/admin/jobs")
    {
        ArgumentNullException.ThrowIfNull(client);
        var password = await client.SubmitFormAsync($"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Data.UserName"] = DemoData.AdminUserId,
            ["Data.Password"] = DemoData.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var codePage = password.Headers.Location?.OriginalString;
        Assert.StartsWith("/sign-in/code", codePage, StringComparison.Ordinal);
        var code = await app.LatestSignInCodeAsync();
        return await client.SubmitFormAsync(codePage!, new Dictionary<string, string> { ["Data.Code"] = code });
    }

    public static async Task SignInAsAdminOrFailAsync(this HttpClient client, BillCenterApp app, string returnUrl = "/admin/jobs")
    {
        var response = await client.SignInAsAdminAsync(app, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, response.Headers.Location?.OriginalString);
    }

    /// <summary>The code of the newest sign-in code the app queued, once delivered.</summary>
    public static async Task<string> LatestSignInCodeAsync(this BillCenterApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        (string Destination, string? MessageId)? sent = null;
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var latest = await db.Notifications.AsNoTracking().Where(n => n.Template == CodeTemplate)
                .OrderByDescending(n => n.CreatedAt).Select(n => new { n.Destination, n.ProviderMessageId })
                .FirstOrDefaultAsync(TestContext.Current.CancellationToken);
            sent = latest is null ? null : (latest.Destination, latest.ProviderMessageId);
        });
        Assert.NotNull(sent);
        await Dispatcher.DrainAsync(app);
        var message = await Eventually.MatchAsync(
            () => DeliveredAsync(app, sent.Value.Destination, sent.Value.MessageId),
            found => found is not null,
            _ => $"the sign-in code to {sent.Value.Destination} was not delivered");
        return SecurityCodes.In(message!);
    }

    private static async Task<MimeMessage?> DeliveredAsync(BillCenterApp app, string recipient, string? messageId)
    {
        var delivered = new List<MimeMessage>(await PickupFolder.MessagesToAsync(PickupFolder.Of(app), recipient));
        if (TestServices.MailDirectory is not null)
        {
            delivered.AddRange(await MailDrop.MessagesToAsync(recipient));
        }

        return delivered.FirstOrDefault(m => string.Equals(m.MessageId, messageId, StringComparison.Ordinal));
    }
}
