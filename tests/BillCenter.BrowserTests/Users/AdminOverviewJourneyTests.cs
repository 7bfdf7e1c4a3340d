using System.Text.RegularExpressions;

namespace BillCenter.BrowserTests;

public sealed class AdminOverviewJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_the_demo_admin_When_signing_in_from_the_header_Then_the_accessible_overview_leads_to_each_admin_page_and_the_header_leads_back(bool javaScript)
    {
        await browser.StartAsync();
        var page = await browser.NewPageAsync(javaScript);

        await browser.SignInAsAdminAsync(page);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jobs dashboard" })).ToHaveAttributeAsync("href", "/admin/jobs");
        await browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Security events" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Security events", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
    }
}
