using System.Text.RegularExpressions;
using BillCenter.Modules.Audit.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.BrowserTests;

public sealed class SecurityEventLogTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_recorded_events_Then_an_admin_sees_them_and_filters_them_by_user_and_kind(bool javaScript)
    {
        await browser.StartAsync();
        // The theory's cases share one app: each has a user of its own.
        var userName = $"browser.{TestMarkers.New()}"[..28];
        await PublishAsync(new SecurityEventOccurred(SecurityEventKind.SignInFailed, UserName: userName, Detail: "wrong password"));
        await PublishAsync(new SecurityEventOccurred(SecurityEventKind.UserLockedOut, UserName: userName, Detail: $"five wrong passwords ({userName})"));
        await PublishAsync(new SecurityEventOccurred(SecurityEventKind.Enrolled, UserName: "another.user", Detail: "enrolled by another user"));
        var page = await browser.NewPageAsync(javaScript);

        await browser.SignInAsAdminAsync(page, "/admin/security-events");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/security-events$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Security events", Level = 1 })).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Security events, newest first" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = $"five wrong passwords ({userName})" })).ToContainTextAsync("User locked out");
        await Assertions.Expect(table).ToContainTextAsync("enrolled by another user");
        await browser.AssertAccessibleAsync(page);

        await page.GetByLabel("User ID").FillAsync(userName);
        await page.GetByLabel("What happened").SelectOptionAsync(new SelectOptionValue { Label = "User locked out" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/security-events\\?user={Regex.Escape(userName)}&kind=UserLockedOut$"));
        var filtered = page.GetByRole(AriaRole.Table, new() { Name = "Security events matching the filter, newest first: 1 to 1 of 1" });
        await Assertions.Expect(filtered.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(filtered).ToContainTextAsync($"five wrong passwords ({userName})");
        await Assertions.Expect(page.GetByLabel("User ID")).ToHaveValueAsync(userName);
        await Assertions.Expect(page.GetByLabel("What happened")).ToHaveValueAsync("UserLockedOut");
        await browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Show every event" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/security-events$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("enrolled by another user");
    }

    private Task PublishAsync(SecurityEventOccurred securityEvent) =>
        browser.App.WithScopeAsync(services => services.GetRequiredService<IMediator>().Publish(securityEvent, TestContext.Current.CancellationToken));
}
