using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Audit.Data;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Preferences.Pages.Preferences.ContactCode;
using BillCenter.SharedKernel.Contact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using EmailPage = BillCenter.Modules.Preferences.Pages.Preferences.Email.IndexModel;
using MobilePage = BillCenter.Modules.Preferences.Pages.Preferences.Mobile.IndexModel;

namespace BillCenter.IntegrationTests;

/// <summary>
/// The email address and mobile number on file, changed from Preferences over the real HTTP pipeline: the change is made
/// only after the code sent to the NEW address (read back from the real SMTP server or the fake Twilio) is entered, the
/// old contact details get the security alert, queued before the change, and every card account of the user changes.
/// </summary>
public abstract class ContactDetailsTests(SmsAppFixture fixture)
{
    private const string Password = "juniper socket violet 72";
    private const string EmailPath = "/preferences/email";
    private const string MobilePath = "/preferences/mobile";
    private const string CodePath = "/preferences/contact-code";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_new_email_When_the_code_sent_to_it_is_entered_Then_every_account_has_it_and_the_old_email_was_alerted_first()
    {
        var app = await fixture.AppAsync();
        var (client, userId, first, second) = await SignedInHolderAsync(app, mobile: null);
        var newEmail = $"new.{Guid.NewGuid():N}@example.com";

        var asked = await client.SubmitFormAsync(EmailPath, new Dictionary<string, string> { ["Data.NewEmail"] = $"  {newEmail} " });

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(CodePath, asked.Headers.Location?.OriginalString);
        Assert.Contains(newEmail, await client.GetStringAsync(CodePath, Cancel), StringComparison.Ordinal);
        Assert.Equal(first.Email, (await StoredAsync(app, first)).Email); // nothing changes before the code
        var code = SecurityCodes.In(Assert.Single(await MailDrop.WaitForAsync(newEmail)));

        var wrong = await client.SubmitFormAsync(CodePath, Code(code == "000000" ? "111111" : "000000"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: Enter the code we sent you – BillCenter</title>", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_Code\">The code is not correct. Check the code and try again</a>", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(first.Email, (await StoredAsync(app, first)).Email);
        Assert.Empty(await ContactEventsAsync(app, userId));

        var right = await client.SubmitFormAsync(CodePath, Code(code));

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/preferences", right.Headers.Location?.OriginalString);
        var overview = await client.GetStringAsync("/preferences", Cancel);
        Assert.Contains($"Your email address is changed to {newEmail}.", overview, StringComparison.Ordinal);
        Assert.Equal(newEmail, (await StoredAsync(app, first)).Email);
        Assert.Equal(newEmail, (await StoredAsync(app, second)).Email); // one cardholder, one set of contact details

        // The alert went to the address on file before the change, naming the new one only masked; the new address got only its code.
        var alert = await MailDrop.WaitForSubjectAsync(first.Email!, "Security alert: your email address was changed");
        Assert.Contains(Mailbox.Mask(newEmail), alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(newEmail, alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await MailDrop.MessagesToAsync(newEmail), m => (m.Subject ?? string.Empty).StartsWith("Security alert", StringComparison.Ordinal));
        var queued = Assert.Single(await AlertsAsync(app, userId, "email-changed"));
        Assert.Equal(first.Email, queued.Destination);
        var changed = Assert.Single(await ContactEventsAsync(app, userId));
        Assert.True(queued.CreatedAt <= changed.OccurredAt, "the alert is queued before the change is made");

        // The journey is over: the code cannot be entered again.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(CodePath, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_a_code_sent_to_one_address_Then_it_can_never_be_spent_on_another()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: null);
        var sentTo = $"sent.{Guid.NewGuid():N}@example.com";
        var sent = await app.SendAsync(new SendContactConfirmationCode(account.CardAccountId, NotificationChannel.Email, sentTo));
        Assert.True(sent.Sent);
        var code = SecurityCodes.In(Assert.Single(await MailDrop.WaitForAsync(sentTo)));

        Assert.True((await app.SendAsync(new VerifyOneTimeCode(sent.CodeId!.Value, account.CardAccountId, SendContactConfirmationCode.Purpose, code))).IsValid);

        Assert.False(await app.SendAsync(new RedeemVerifiedCode(sent.CodeId.Value, account.CardAccountId, SendContactConfirmationCode.Purpose, null, "other@example.com")));
        Assert.True(await app.SendAsync(new RedeemVerifiedCode(sent.CodeId.Value, account.CardAccountId, SendContactConfirmationCode.Purpose, null, sentTo)));
        Assert.False(await app.SendAsync(new RedeemVerifiedCode(sent.CodeId.Value, account.CardAccountId, SendContactConfirmationCode.Purpose, null, sentTo)));
        Assert.False((await app.SendAsync(new VerifyOneTimeCode(sent.CodeId.Value, account.CardAccountId, "recovery", code))).IsValid);
    }

    [Fact]
    public async Task Given_a_new_mobile_number_When_the_texted_code_is_entered_Then_it_is_stored_in_E164_confirmed_and_shown_nationally()
    {
        var app = await fixture.AppAsync();
        var (client, userId, first, second) = await SignedInHolderAsync(app, mobile: NewNumber());
        var e164 = NewNumber();
        var national = $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}";

        var asked = await client.SubmitFormAsync(MobilePath, new Dictionary<string, string> { ["Data.NewMobile"] = $"{e164[2..5]}.{e164[5..8]}.{e164[8..]}" });

        Assert.Equal(CodePath, asked.Headers.Location?.OriginalString);
        Assert.Contains(national, await client.GetStringAsync(CodePath, Cancel), StringComparison.Ordinal);
        Assert.Equal(first.Mobile, (await StoredAsync(app, first)).Mobile);
        var text = Assert.Single(await fixture.Twilio.WaitForTextsToAsync(e164));
        var right = await client.SubmitFormAsync(CodePath, Code(SecurityCodes.In(text.Body)));

        Assert.Equal("/preferences", right.Headers.Location?.OriginalString);
        var overview = await client.GetStringAsync("/preferences", Cancel);
        Assert.Contains($"Your mobile number is changed to {national} and confirmed.", overview, StringComparison.Ordinal);
        Assert.Contains("Confirmed", overview, StringComparison.Ordinal);
        foreach (var account in new[] { first, second })
        {
            var stored = await StoredAsync(app, account);
            Assert.Equal(e164, stored.Mobile);
            Assert.NotNull(stored.VerifiedAt);
            Assert.True((await app.SendAsync(new GetContactOnFile(account.CardAccountId)))!.MobileVerified);
        }

        // The old number and the email heard of it first; the new number got only its code.
        var alerts = await AlertsAsync(app, userId, "mobile-changed");
        Assert.Contains(alerts, a => a.Destination == first.Mobile);
        Assert.Contains(alerts, a => a.Destination == first.Email);
        Assert.DoesNotContain(alerts, a => a.Destination == e164);
        Assert.Single(await fixture.Twilio.WaitForTextsToAsync(e164));
    }

    [Fact]
    public async Task Given_an_unconfirmed_number_on_file_When_confirmed_with_the_texted_code_Then_it_is_marked_confirmed()
    {
        var app = await fixture.AppAsync();
        var (client, userId, first, _) = await SignedInHolderAsync(app, mobile: NewNumber());
        Assert.False((await app.SendAsync(new GetContactOnFile(first.CardAccountId)))!.MobileVerified);
        Assert.Contains("Confirm this number", await client.GetStringAsync(MobilePath, Cancel), StringComparison.Ordinal);

        var asked = await client.SubmitFormAsync(MobilePath, $"{MobilePath}?handler=Confirm", new Dictionary<string, string>());

        Assert.Equal(CodePath, asked.Headers.Location?.OriginalString);
        var text = Assert.Single(await fixture.Twilio.WaitForCodesToAsync(first.Mobile!)); // the number also gets the new-sign-in alert
        var right = await client.SubmitFormAsync(CodePath, Code(SecurityCodes.In(text.Body)));
        Assert.Equal("/preferences", right.Headers.Location?.OriginalString);
        Assert.Contains("is confirmed.", await client.GetStringAsync("/preferences", Cancel), StringComparison.Ordinal);
        Assert.True((await app.SendAsync(new GetContactOnFile(first.CardAccountId)))!.MobileVerified);
        Assert.Equal(first.Mobile, (await StoredAsync(app, first)).Mobile);
        Assert.Empty(await AlertsAsync(app, userId, "mobile-changed")); // nothing changed, so no alert
        Assert.DoesNotContain("Confirm this number", await client.GetStringAsync(MobilePath, Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_too_many_wrong_codes_or_an_expired_one_Then_the_field_says_so_nothing_changes_and_a_new_code_works()
    {
        var app = await fixture.AppAsync();
        var (client, userId, first, _) = await SignedInHolderAsync(app, mobile: null);
        var newEmail = $"retry.{Guid.NewGuid():N}@example.com";
        await client.SubmitFormAsync(EmailPath, new Dictionary<string, string> { ["Data.NewEmail"] = newEmail });
        var code = SecurityCodes.In(Assert.Single(await MailDrop.WaitForAsync(newEmail)));
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            await client.SubmitFormAsync(CodePath, Code(wrong));
        }

        var dead = await client.SubmitFormAsync(CodePath, Code(code));
        Assert.Contains("You have entered the wrong code too many times. Ask for a new code", await dead.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(first.Email, (await StoredAsync(app, first)).Email);

        // "Send a new code" (allowed 30 seconds after the last one: the test moves that back) sends fresh digits to the same new address.
        await AgeCodesAsync(app, newEmail, sentAgo: TimeSpan.FromMinutes(1), expired: false);
        var resent = await client.SubmitFormAsync(CodePath, $"{CodePath}?handler=Resend", new Dictionary<string, string>());
        Assert.Equal(CodePath, resent.Headers.Location?.OriginalString);
        Assert.Contains($"We sent a new code to {newEmail}.", await client.GetStringAsync(CodePath, Cancel), StringComparison.Ordinal);
        var fresh = Assert.Single((await MailDrop.WaitForAsync(newEmail, 2)).Select(SecurityCodes.In).Except([code]));

        // Expired: the field says so and nothing changes.
        await AgeCodesAsync(app, newEmail, sentAgo: TimeSpan.FromMinutes(11), expired: true);
        var expired = await client.SubmitFormAsync(CodePath, Code(fresh));
        Assert.Contains("The code has expired. Ask for a new code", await expired.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(first.Email, (await StoredAsync(app, first)).Email);
        Assert.Empty(await ContactEventsAsync(app, userId));

        await client.SubmitFormAsync(CodePath, $"{CodePath}?handler=Resend", new Dictionary<string, string>());
        var last = Assert.Single((await MailDrop.WaitForAsync(newEmail, 3)).Select(SecurityCodes.In).Except([code, fresh]));
        var right = await client.SubmitFormAsync(CodePath, Code(last));
        Assert.Equal("/preferences", right.Headers.Location?.OriginalString);
        Assert.Equal(newEmail, (await StoredAsync(app, first)).Email);
    }

    [Fact]
    public async Task Given_the_demo_data_Then_the_demo_cardholders_mobile_is_confirmed_and_the_others_are_not()
    {
        var app = await fixture.AppAsync();
        var rows = new List<(string? Email, string? Mobile, DateTime? VerifiedAt)>();
        await app.WithScopeAsync(async services =>
        {
            rows = [.. (await services.GetRequiredService<AccountsDbContext>().CardAccounts.AsNoTracking()
                .Where(a => a.Email == "alex.morgan@example.com" || a.Email == "sam.rivera@example.com").ToListAsync(Cancel))
                .Select(a => (a.Email, a.MobilePhone, a.MobilePhoneVerifiedAt))];
        });

        Assert.Equal(2, rows.Count(r => r.Email == "alex.morgan@example.com" && r.Mobile == "+12125550148" && r.VerifiedAt is not null));
        Assert.Contains(rows, r => r.Email == "sam.rivera@example.com" && r.Mobile is not null && r.VerifiedAt is null);
    }

    [Theory]
    [InlineData("", MobileNumber.EnterMessage)]
    [InlineData("12345", MobileNumber.FormatMessage)]
    [InlineData("<script>alert(1)</script>", MobileNumber.FormatMessage)]
    [InlineData("(800) 555-0199", MobileNumber.NotMobileMessage)]
    public async Task Given_a_bad_mobile_number_Then_the_field_says_why_and_nothing_is_sent_or_changed(string typed, string message)
    {
        var app = await fixture.AppAsync();
        var (client, userId, first, _) = await SignedInHolderAsync(app, mobile: NewNumber());

        var response = await client.SubmitFormAsync(MobilePath, new Dictionary<string, string> { ["Data.NewMobile"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: Your mobile number – BillCenter</title>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#Data_NewMobile\">{message}</a>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal(first.Mobile, (await StoredAsync(app, first)).Mobile);
        Assert.DoesNotContain(fixture.Twilio.Requests, r => r.To == first.Mobile && r.Body?.Contains("one-time code", StringComparison.Ordinal) == true);
        Assert.Empty(await ContactEventsAsync(app, userId));
    }

    [Theory]
    [InlineData("", Mailbox.EnterMessage)]
    [InlineData("no-at-sign.example.com", Mailbox.FormatMessage)]
    [InlineData("two@@example.com", Mailbox.FormatMessage)]
    public async Task Given_a_bad_email_Then_the_field_says_why_and_nothing_changes(string typed, string message)
    {
        var app = await fixture.AppAsync();
        var (client, userId, first, _) = await SignedInHolderAsync(app, mobile: null);

        var response = await client.SubmitFormAsync(EmailPath, new Dictionary<string, string> { ["Data.NewEmail"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<title>Error: Change your email address – BillCenter</title>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#Data_NewEmail\">{message}</a>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(first.Email, (await StoredAsync(app, first)).Email);
        Assert.Empty(await ContactEventsAsync(app, userId));
    }

    [Fact]
    public async Task Given_the_email_on_file_When_removing_it_is_asked_Then_it_is_refused_at_the_field_and_by_the_contract()
    {
        var app = await fixture.AppAsync();
        var (client, userId, first, _) = await SignedInHolderAsync(app, mobile: null);

        var page = await client.SubmitFormAsync(EmailPath, $"{EmailPath}?handler=Remove", new Dictionary<string, string> { ["Data.NewEmail"] = string.Empty });
        var same = await client.SubmitFormAsync(EmailPath, new Dictionary<string, string> { ["Data.NewEmail"] = first.Email!.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"href=\"#Data_NewEmail\">{EmailPage.RemoveRefused}</a>", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains($"href=\"#Data_NewEmail\">{EmailPage.SameAddress}</a>", System.Net.WebUtility.HtmlDecode(await same.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(ContactChangeOutcome.EmailRequired, await app.SendAsync(new ChangeContactOnFile(userId, ContactKind.Email, null)));
        Assert.Equal(first.Email, (await StoredAsync(app, first)).Email);
        Assert.Empty(await ContactEventsAsync(app, userId));
    }

    [Fact]
    public async Task Given_a_mobile_number_When_removed_Then_it_is_gone_from_every_account_after_an_alert_to_it()
    {
        var app = await fixture.AppAsync();
        var (client, userId, first, second) = await SignedInHolderAsync(app, mobile: NewNumber());

        var removed = await client.SubmitFormAsync(MobilePath, $"{MobilePath}?handler=Remove", new Dictionary<string, string>());

        Assert.Equal("/preferences", removed.Headers.Location?.OriginalString);
        Assert.Contains(MobilePage.RemovedMessage, await client.GetStringAsync("/preferences", Cancel), StringComparison.Ordinal);
        Assert.Null((await StoredAsync(app, first)).Mobile);
        Assert.Null((await StoredAsync(app, second)).Mobile);
        var alerts = await AlertsAsync(app, userId, "mobile-removed");
        Assert.Contains(alerts, a => a.Destination == first.Mobile);
        Assert.Contains(alerts, a => a.Destination == first.Email);
        Assert.Single(await ContactEventsAsync(app, userId));

        var again = await client.SubmitFormAsync(MobilePath, $"{MobilePath}?handler=Remove", new Dictionary<string, string>());
        Assert.Contains(MobilePage.NothingToRemove, await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_two_cardholders_When_one_changes_the_email_Then_the_other_ones_account_is_untouched()
    {
        var app = await fixture.AppAsync();
        var (client, userId, own, _) = await SignedInHolderAsync(app, mobile: null);
        var other = await app.OpenAsync(mobile: NewNumber());
        await app.NewCardholderAsync(Password, other);
        var newEmail = $"mine.{Guid.NewGuid():N}@example.com";

        await client.SubmitFormAsync(EmailPath, new Dictionary<string, string> { ["Data.NewEmail"] = newEmail });
        var code = SecurityCodes.In(Assert.Single(await MailDrop.WaitForAsync(newEmail)));
        await client.SubmitFormAsync(CodePath, Code(code));
        await client.SubmitFormAsync(MobilePath, $"{MobilePath}?handler=Remove", new Dictionary<string, string>());

        Assert.Equal(newEmail, (await StoredAsync(app, own)).Email);
        var untouched = await StoredAsync(app, other);
        Assert.Equal(other.Email, untouched.Email);
        Assert.Equal(other.Mobile, untouched.Mobile);

        // The contract acts only on the user's own accounts: a user with none changes nothing.
        Assert.Equal(ContactChangeOutcome.NotFound, await app.SendAsync(new ChangeContactOnFile("no-such-user", ContactKind.Email, "thief@example.com")));
        Assert.Equal(other.Email, (await StoredAsync(app, other)).Email);
        Assert.Single(await ContactEventsAsync(app, userId));
    }

    [Fact]
    public async Task Given_no_sign_in_or_no_journey_Then_the_pages_send_away_and_nothing_changes()
    {
        var app = await fixture.AppAsync();
        var anonymous = app.CreateBrowserLikeClient();
        foreach (var path in new[] { EmailPath, MobilePath, CodePath })
        {
            var response = await anonymous.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        }

        var (client, _, _, _) = await SignedInHolderAsync(app, mobile: null);
        var noJourney = await client.GetAsync(CodePath, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, noJourney.StatusCode);
        Assert.StartsWith("/preferences", noJourney.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static string NewNumber() => $"+1404555{Random.Shared.Next(0, 10_000):D4}";

    private static Dictionary<string, string> Code(string code) => new() { ["Data.Code"] = code };

    private static async Task<(HttpClient Client, string UserId, TestAccount First, TestAccount Second)> SignedInHolderAsync(BillCenterApp app, string? mobile)
    {
        var first = await app.OpenAsync(mobile: mobile);
        var second = await app.OpenAsync(mobile: mobile);
        var (userName, userId) = await app.NewCardholderAsync(Password, first, second);
        await app.WithScopeAsync(services => // one cardholder: the second account has the same email on file as the first
            services.GetRequiredService<AccountsDbContext>().CardAccounts.Where(a => a.Id == second.CardAccountId)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Email, first.Email), Cancel));
        var client = app.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        return (client, userId, first, second with { Email = first.Email });
    }

    private static async Task<(string? Email, string? Mobile, DateTime? VerifiedAt)> StoredAsync(BillCenterApp app, TestAccount account)
    {
        (string?, string?, DateTime?) stored = default;
        await app.WithScopeAsync(async services =>
        {
            var row = await services.GetRequiredService<AccountsDbContext>().CardAccounts.AsNoTracking().SingleAsync(a => a.Id == account.CardAccountId, Cancel);
            stored = (row.Email, row.MobilePhone, row.MobilePhoneVerifiedAt);
        });
        return stored;
    }

    /// <summary>Moves the codes sent to <paramref name="destination"/> back in time (the test's stand-in for waiting).</summary>
    private static Task AgeCodesAsync(BillCenterApp app, string destination, TimeSpan sentAgo, bool expired) =>
        app.WithScopeAsync(async services =>
        {
            var now = DateTime.UtcNow;
            var codes = services.GetRequiredService<NotificationsDbContext>().OneTimeCodes.Where(c => c.Destination == destination);
            await codes.ExecuteUpdateAsync(u => u.SetProperty(c => c.LastSentAt, now - sentAgo), Cancel);
            if (expired)
            {
                await codes.ExecuteUpdateAsync(u => u.SetProperty(c => c.ExpiresAt, now.AddSeconds(-1)), Cancel);
            }
        });

    private static async Task<List<(string Destination, DateTime CreatedAt)>> AlertsAsync(BillCenterApp app, string userId, string template)
    {
        var alerts = new List<(string, DateTime)>();
        await app.WithScopeAsync(async services =>
        {
            alerts = [.. (await services.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking()
                .Where(n => n.UserId == userId && n.Template == template)
                .ToListAsync(Cancel)).Select(n => (n.Destination, n.CreatedAt))];
        });
        return alerts;
    }

    private static async Task<List<(DateTime OccurredAt, string? Detail)>> ContactEventsAsync(BillCenterApp app, string userId)
    {
        var events = new List<(DateTime, string?)>();
        await app.WithScopeAsync(async services =>
        {
            events = [.. (await services.GetRequiredService<AuditDbContext>().SecurityEvents.AsNoTracking()
                .Where(e => e.UserId == userId && e.Kind == SecurityEventKind.ContactChanged)
                .ToListAsync(Cancel)).Select(e => (e.OccurredAt, e.Detail))];
        });
        return events;
    }
}

public sealed class ContactDetailsTestsOnSqlite(SqliteSmsFixture fixture) : ContactDetailsTests(fixture), IClassFixture<SqliteSmsFixture>;

public sealed class ContactDetailsTestsOnPostgres(PostgresSmsFixture fixture) : ContactDetailsTests(fixture), IClassFixture<PostgresSmsFixture>;

/// <summary>Changing the contact details asks for the password again when it was last entered more than 5 minutes ago.</summary>
public abstract class ContactDetailsStepUpTests(ClockedAppFixture fixture)
{
    private const string Password = "lantern cobalt thistle 19";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_password_entered_6_minutes_ago_Then_the_contact_pages_ask_for_it_first_and_nothing_changes()
    {
        var app = fixture.App;
        var account = await app.OpenAsync(mobile: "+14045550111");
        var (userName, _) = await app.NewCardholderAsync(Password, account);
        var client = app.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/preferences/email", Cancel)).StatusCode);
        var form = await client.GetStringAsync("/preferences/mobile", Cancel);

        fixture.Clock.Advance(TimeSpan.FromMinutes(6));

        foreach (var path in new[] { "/preferences/email", "/preferences/mobile" })
        {
            var response = await client.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/preferences/confirm-password?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.OriginalString);
        }

        var remove = await client.PostAsync("/preferences/mobile?handler=Remove",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(form) }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.StartsWith("/preferences/confirm-password", remove.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("+14045550111", (await app.SendAsync(new GetContactOnFile(account.CardAccountId)))!.MobilePhone);
    }
}

public sealed class ContactDetailsStepUpTestsOnSqlite(ClockedSqliteFixture fixture) : ContactDetailsStepUpTests(fixture), IClassFixture<ClockedSqliteFixture>;

public sealed class ContactDetailsStepUpTestsOnPostgres(ClockedPostgresFixture fixture) : ContactDetailsStepUpTests(fixture), IClassFixture<ClockedPostgresFixture>;
