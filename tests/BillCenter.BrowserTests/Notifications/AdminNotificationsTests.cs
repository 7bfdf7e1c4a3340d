using System.Text.RegularExpressions;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.BrowserTests;

public sealed class AdminNotificationsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_failed_notification_Then_an_admin_sees_it_with_its_error_and_can_retry_it(bool javaScript)
    {
        await browser.StartAsync();
        var failedId = await AddFailedNotificationAsync($"SMTP 550: mailbox unavailable {Guid.NewGuid():N}");
        var page = await browser.NewPageAsync(javaScript);

        await browser.SignInAsAdminAsync(page, "/admin/notifications");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/notifications$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Notifications in the last 24 hours, by channel and status" })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = failedId.Error });
        await Assertions.Expect(row).ToContainTextAsync("Failed after 6 attempts");
        await Assertions.Expect(row).ToContainTextAsync("f•••@example.com");
        await browser.AssertAccessibleAsync(page);

        await row.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("will be sent again");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = failedId.Error })).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync(page);
    }

    private async Task<(Guid Id, string Error)> AddFailedNotificationAsync(string error)
    {
        var now = DateTime.UtcNow;
        var notification = new Notification
        {
            Type = AlertType.StatementReady,
            Template = "test",
            Channel = NotificationChannel.Email,
            Destination = "failing.mailbox@example.com",
            Subject = "BillCenter test alert",
            TextBody = "This is a test alert.",
            Status = NotificationStatus.Failed,
            Attempts = 6,
            LastError = error,
            CreatedAt = now,
            NextAttemptAt = now,
            UpdatedAt = now,
        };
        await browser.App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            db.Notifications.Add(notification);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return (notification.Id, error);
    }
}
