using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.BrowserTests;

/// <summary>
/// Every page at a 320 px wide viewport (WCAG 1.4.10 reflow), checked on the boxes the browser lays out:
/// nothing scrolls sideways, header links keep to one line, summary-list labels never touch their values,
/// transaction dates keep to one line, and tables too wide for the screen scroll inside a focusable, named region.
/// </summary>
public sealed class SmallScreenTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Width = 320;

    // Problems found in the page as laid out, one line each; an empty list is a pass.
    // lines(el): how many line boxes el's text takes (rects of its text that do not overlap vertically);
    // visually hidden text (1 px boxes) is left out.
    private const string LayoutProblemsScript = """
        () => {
          const problems = [];
          const viewport = document.documentElement.clientWidth;
          const describe = el => `${el.tagName.toLowerCase()} "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
          const lines = el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const rects = [...range.getClientRects()].filter(r => r.width > 1 && r.height > 1).sort((a, b) => a.top - b.top);
            let count = 0, bottom = -Infinity;
            for (const r of rects) {
              if (r.top >= bottom - 1) { count++; bottom = r.bottom; } else { bottom = Math.max(bottom, r.bottom); }
            }
            return count;
          };
          const scrollWidth = document.documentElement.scrollWidth;
          if (scrollWidth > viewport) problems.push(`the page scrolls sideways: scrollWidth ${scrollWidth} > ${viewport}`);
          const headerLinks = [...document.querySelectorAll('header a, header button')];
          if (headerLinks.length === 0) problems.push('no header links found');
          for (const link of headerLinks) {
            const n = lines(link);
            if (n !== 1) problems.push(`header link ${describe(link)} takes ${n} lines`);
            const box = link.getBoundingClientRect();
            if (box.right > viewport + 0.5 || box.left < -0.5) problems.push(`header link ${describe(link)} is outside the viewport (${box.left}..${box.right})`);
          }
          for (const dt of document.querySelectorAll('main dl dt')) {
            const dd = dt.nextElementSibling;
            if (!dd) { problems.push(`${describe(dt)} has no dd`); continue; }
            const label = dt.getBoundingClientRect(), value = dd.getBoundingClientRect();
            const stacked = value.top >= label.bottom - 0.5;
            const sideBySide = value.left - label.right >= 8 && value.top < label.bottom;
            if (!stacked && !sideBySide) problems.push(`${describe(dt)} touches or overlaps its value ${describe(dd)}: label ${JSON.stringify(label)}, value ${JSON.stringify(value)}`);
          }
          for (const table of document.querySelectorAll('main table')) {
            const region = table.parentElement.closest('[role="region"]');
            const name = region && ((region.getAttribute('aria-label') || '').trim()
              || (region.getAttribute('aria-labelledby') || '').split(/\s+/).map(id => document.getElementById(id)?.textContent.trim() ?? '').join(' ').trim());
            if (!region) { problems.push(`table ${describe(table)} is not inside a scroll region`); continue; }
            if (region.getAttribute('tabindex') !== '0') problems.push(`the region around table ${describe(table)} is not focusable (tabindex="0")`);
            if (!name) problems.push(`the region around table ${describe(table)} has no name`);
            if (!['auto', 'scroll'].includes(getComputedStyle(region).overflowX)) problems.push(`the region around table ${describe(table)} does not scroll sideways`);
            if (region.getBoundingClientRect().right > viewport + 0.5) problems.push(`the region around table ${describe(table)} is wider than the viewport`);
          }
          for (const cell of document.querySelectorAll('[data-testid="transaction-date"]')) {
            const n = lines(cell);
            if (n !== 1) problems.push(`transaction date ${describe(cell)} takes ${n} lines`);
          }
          return problems;
        }
        """;

    public static TheoryData<bool> JavaScript => new() { true, false };

    [Theory]
    [MemberData(nameof(JavaScript))]
    public async Task Given_a_320px_screen_When_signed_out_Then_each_page_reflows_without_sideways_scrolling_and_is_accessible(bool javaScript)
    {
        var page = await NewNarrowPageAsync(javaScript);

        foreach (var path in new[] { "/", "/sign-in", "/enroll", "/enroll/card", "/activate", "/recover", "/contact", "/privacy", "/security", "/accessibility" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await AssertReflowsAsync(page);
            await browser.AssertAccessibleAsync(page);
        }

        // The recovery steps behind the first one.
        await page.GotoAsync("/recover");
        await page.GetByLabel("I forgot my password").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/recover/card$"));
        await AssertReflowsAsync(page);
        await browser.AssertAccessibleAsync(page);
        await page.GotoAsync("/recover/address");
        await Assertions.Expect(page.GetByLabel("ZIP code")).ToBeVisibleAsync();
        await AssertReflowsAsync(page);
        await browser.AssertAccessibleAsync(page);

        await page.GotoAsync("/");
        await AssertOneLineAsync(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" }));
        await AssertOneLineAsync(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Create an online account" }));
    }

    [Theory]
    [MemberData(nameof(JavaScript))]
    public async Task Given_a_320px_screen_When_the_cardholder_views_the_accounts_Then_labels_stand_clear_of_values_dates_keep_to_one_line_and_activity_scrolls_in_its_region(bool javaScript)
    {
        var page = await NewNarrowPageAsync(javaScript);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User ID").FillAsync(DemoData.CardholderUserId);
        await page.GetByLabel("Password").FillAsync(DemoData.CardholderPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));

        await AssertReflowsAsync(page);
        await browser.AssertAccessibleAsync(page);

        await AssertOneLineAsync(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Your accounts" }));
        await AssertOneLineAsync(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
        await Assertions.Expect(page.Locator("main dl dt")).ToHaveCountAsync(14); // 7 rows for each of the two accounts (AutoPay the last)

        var activity = page.GetByRole(AriaRole.Region, new() { Name = "Latest activity on card ending 0013" });
        var table = activity.GetByRole(AriaRole.Table, new() { Name = "Latest activity on card ending 0013" });
        var dates = table.Locator("tbody tr > :first-child");
        await Assertions.Expect(dates).ToHaveCountAsync(10);
        for (var i = 0; i < 10; i++)
        {
            var date = dates.Nth(i);
            await Assertions.Expect(date).ToHaveAttributeAsync("data-testid", "transaction-date");
            await Assertions.Expect(date).ToHaveTextAsync(new Regex(@"^[A-Z][a-z]{2} \d{1,2}, \d{4}$")); // "Nov 3" shown, the year for screen readers
            await Assertions.Expect(date.Locator("time")).ToHaveAttributeAsync("datetime", new Regex(@"^\d{4}-\d{2}-\d{2}$"));
            await AssertOneLineAsync(date);
        }

        await activity.FocusAsync();
        await Assertions.Expect(activity).ToBeFocusedAsync();

        await AssertOneLineAsync(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Preferences" }));
        await AssertOneLineAsync(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Notices", Exact = false }));
        foreach (var path in new[] { "/preferences", "/preferences/security-questions", "/preferences/alerts", "/preferences/email", "/preferences/mobile", "/preferences/statements", "/notices", "/payments", "/payments/history", "/payments/bank-accounts", "/payments/bank-accounts/add" })
        {
            await page.GotoAsync(path);
            await AssertReflowsAsync(page);
            await browser.AssertAccessibleAsync(page);
        }

        // An account's statements, one statement and its activity: reached by their links (the addresses hold the account's id).
        foreach (var (from, link) in new (string, Regex)[]
                 {
                     ("/accounts", new Regex("^Statements for Gold Card$")),
                     ("", new Regex("^Statement for ")),
                     ("/accounts", new Regex("^Activity on Gold Card$")),
                 })
        {
            if (from.Length > 0)
            {
                await page.GotoAsync(from);
            }

            await page.GetByRole(AriaRole.Link, new() { NameRegex = link }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await AssertReflowsAsync(page);
            await browser.AssertAccessibleAsync(page);
        }

        // Making a payment, reached by its button on the payments page.
        await page.GotoAsync("/payments");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Make a payment to Gold Card") }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Make a payment", Level = 1 })).ToBeVisibleAsync();
        await AssertReflowsAsync(page);
        await browser.AssertAccessibleAsync(page);

        // AutoPay of the first account: its address holds the account's id, as the statements link does.
        await page.GotoAsync("/accounts");
        var statements = await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Statements for Gold Card$") }).First.GetAttributeAsync("href");
        await page.GotoAsync($"/payments/autopay/{Regex.Match(statements!, "[0-9a-f-]{36}").Value}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AutoPay", Level = 1 })).ToBeVisibleAsync();
        await AssertReflowsAsync(page);
        await browser.AssertAccessibleAsync(page);
    }

    [Theory]
    [MemberData(nameof(JavaScript))]
    public async Task Given_a_320px_screen_When_an_admin_views_the_logs_Then_the_wide_tables_scroll_inside_focusable_named_regions_not_the_page(bool javaScript)
    {
        await browser.StartAsync();
        await AddFailedNotificationAsync();
        var page = await NewNarrowPageAsync(javaScript);

        await browser.SignInAsAdminAsync(page, "/admin/security-events");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/security-events$"));

        var events = page.GetByRole(AriaRole.Region, new() { Name = "Security events, newest first" });
        await Assertions.Expect(events.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await AssertReflowsAsync(page);
        await AssertScrollsSidewaysAsync(events);
        await events.FocusAsync();
        await Assertions.Expect(events).ToBeFocusedAsync();
        await browser.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await AssertReflowsAsync(page);
        await browser.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin/postings");
        await Assertions.Expect(page.GetByLabel("Posting file", new() { Exact = true })).ToBeVisibleAsync();
        await AssertReflowsAsync(page);
        await browser.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin/paper-mail");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paper statements", Level = 1 })).ToBeVisibleAsync();
        await AssertReflowsAsync(page);
        await browser.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin/notifications");
        var failures = page.GetByRole(AriaRole.Region, new() { Name = "Failed or undeliverable notifications" });
        await Assertions.Expect(failures.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Notifications in the last 24 hours, by channel and status" }).GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await AssertReflowsAsync(page);
        await AssertScrollsSidewaysAsync(failures);
        await failures.FocusAsync();
        await Assertions.Expect(failures).ToBeFocusedAsync();
        await browser.AssertAccessibleAsync(page);
    }

    private async Task<IPage> NewNarrowPageAsync(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.SetViewportSizeAsync(Width, 800);
        return page;
    }

    private static async Task AssertReflowsAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>(LayoutProblemsScript);
        Assert.True(problems.Length == 0, $"At {Width} px, {page.Url}:\n{string.Join('\n', problems)}");
    }

    private static async Task AssertOneLineAsync(ILocator element)
    {
        await Assertions.Expect(element).ToBeVisibleAsync();
        var lines = await element.EvaluateAsync<int>("""
            el => {
              const range = document.createRange();
              range.selectNodeContents(el);
              const rects = [...range.getClientRects()].filter(r => r.width > 1 && r.height > 1).sort((a, b) => a.top - b.top);
              let count = 0, bottom = -Infinity;
              for (const r of rects) {
                if (r.top >= bottom - 1) { count++; bottom = r.bottom; } else { bottom = Math.max(bottom, r.bottom); }
              }
              return count;
            }
            """);
        Assert.True(lines == 1, $"\"{await element.InnerTextAsync()}\" takes {lines} lines at {Width} px");
    }

    // The table is wider than the screen: the region scrolls it, and the region itself fits the screen.
    private static async Task AssertScrollsSidewaysAsync(ILocator region)
    {
        var widths = await region.EvaluateAsync<int[]>("el => [el.scrollWidth, el.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth > clientWidth, $"the region's table ({scrollWidth} px) fits its {clientWidth} px: nothing to scroll");
        Assert.True(clientWidth <= Width, $"the region is {clientWidth} px wide");
    }

    private async Task AddFailedNotificationAsync()
    {
        var now = DateTime.UtcNow;
        await browser.App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            db.Notifications.Add(new Notification
            {
                Type = AlertType.StatementReady,
                Template = "statement-ready",
                Channel = NotificationChannel.Email,
                Destination = "narrow.screen.mailbox@example.com",
                Subject = "BillCenter test alert",
                TextBody = "This is a test alert.",
                Status = NotificationStatus.Failed,
                Attempts = 6,
                LastError = "SMTP 550 5.1.1 <narrow.screen.mailbox@example.com>: Recipient address rejected: mailbox unavailable",
                CreatedAt = now,
                NextAttemptAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
    }
}
