using System.Text.RegularExpressions;

namespace BillCenter.BrowserTests;

/// <summary>
/// The footer's pages (contact, privacy, security, accessibility statement): reached from the footer of any page,
/// open to anyone, titled like their heading, and accessible, with JavaScript on and off.
/// </summary>
public abstract class FooterPagesTests(BrowserFixture browser, bool javaScript)
{
    [Theory]
    [InlineData("Contact us", "/contact", "Contact us")]
    [InlineData("Privacy", "/privacy", "Privacy")]
    [InlineData("Security", "/security", "Security")]
    [InlineData("Accessibility statement", "/accessibility", "Accessibility statement")]
    public async Task Given_a_footer_link_When_followed_signed_out_Then_its_page_is_titled_like_its_heading_and_accessible(string link, string path, string heading)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/sign-in");

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page).ToHaveTitleAsync($"{heading} – BillCenter");
        await browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Given_the_contact_page_Then_it_says_how_to_reach_the_issuer_and_about_a_lost_card()
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/contact");

        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main).ToContainTextAsync("Call the number on the back of your card.");
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Lost or stolen card" })).ToBeVisibleAsync();
        await Assertions.Expect(main).ToContainTextAsync("Eastern Time");
    }
}

public sealed class FooterPagesTestsWithJavaScript(BrowserFixture browser) : FooterPagesTests(browser, javaScript: true), IClassFixture<BrowserFixture>;

public sealed class FooterPagesTestsWithoutJavaScript(BrowserFixture browser) : FooterPagesTests(browser, javaScript: false), IClassFixture<BrowserFixture>;
