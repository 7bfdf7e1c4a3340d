using System.Text.Json;
using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Enrollment.Pages.Enroll;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>Enrollment through the real HTTP pipeline, with codes read back from the real SMTP server.</summary>
public abstract partial class EnrollmentTests(NotificationAppFixture fixture)
{
    private const string Password = "lantern orchard meadow 17";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_card_with_its_card_ID_When_enrolling_Then_the_account_is_created_linked_signed_in_and_announced()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        var userId = TestUsers.NewUserId("enrolled");

        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        await EnterCodeAsync(client, account.Email!, "/enroll/credentials");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/credentials", Credentials(userId)), "/enroll/check");
        var check = await client.GetStringAsync("/enroll/check", Cancel);
        Assert.Contains(userId, check, StringComparison.Ordinal);
        Assert.Contains($"Gold Card ending {account.CardNumbers[0][^4..]}", check, StringComparison.Ordinal);
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/check", new Dictionary<string, string>()), "/enroll/done");

        var done = await client.GetStringAsync("/enroll/done", Cancel);
        Assert.Contains("Your online account is ready", done, StringComparison.Ordinal);
        Assert.Contains("Dining rewards", done, StringComparison.Ordinal); // a Gold Card benefit
        var summary = await client.GetStringAsync("/accounts", Cancel);
        Assert.Contains($"Card ending {account.CardNumbers[0][^4..]}", summary, StringComparison.Ordinal);

        var mail = await MailDrop.WaitForAsync(account.Email!, 3);
        Assert.Contains(mail, m => m.Subject == "Welcome to BillCenter");
        var security = Assert.Single(mail, m => m.Subject == "Security alert: an online account was created for your card");
        Assert.Contains($"card ending {account.CardNumbers[0][^4..]}", security.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(account.CardNumbers[0], App.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, App.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_corporate_account_without_card_ID_When_enrolling_by_billing_address_Then_the_account_is_created()
    {
        var account = await App.OpenAsync(product: Product.CorporatePurchasing, mobile: null);
        var client = App.CreateBrowserLikeClient();

        await ChooseAsync(client, "AccountWithoutCardId", "/enroll/account");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/account", new Dictionary<string, string>
        {
            ["Data.CardNumber"] = account.CardNumbers[0],
            ["Data.Street"] = account.Street.ToLowerInvariant().Replace("avenue", "ave.", StringComparison.Ordinal),
            ["Data.Zip"] = account.Zip,
        }), "/enroll/send-code");
        await EnterCodeAsync(client, account.Email!, "/enroll/credentials");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/credentials", Credentials(TestUsers.NewUserId("corporate"))), "/enroll/check");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/check", new Dictionary<string, string>()), "/enroll/done");

        Assert.Contains("Spend controls", await client.GetStringAsync("/enroll/done", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_unknown_a_cancelled_or_a_locked_card_or_a_wrong_card_ID_Then_the_answers_are_identical()
    {
        var active = await App.OpenAsync(mobile: null);
        var cancelled = await App.OpenAsync(status: CardStatus.Cancelled, mobile: null);
        var locked = await App.OpenAsync(mobile: null);
        var wrongForLocked = TestCards.WrongCardId(locked.CardIdDigits[0]!);
        for (var i = 0; i < 5; i++)
        {
            await App.SendAsync(new VerifyCardId(TestCards.Parse(locked.CardNumbers[0]), TestCards.ParseCardId(wrongForLocked)));
        }

        var answers = new[]
        {
            await CardPageAsync(TestCards.NewCardNumber(), "1234"),
            await CardPageAsync(cancelled.CardNumbers[0], cancelled.CardIdDigits[0]!),
            await CardPageAsync(locked.CardNumbers[0], locked.CardIdDigits[0]!),
            await CardPageAsync(active.CardNumbers[0], TestCards.WrongCardId(active.CardIdDigits[0]!)),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Contains("We could not find a card with those details", answers[0].Html, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(answers[0].Html, a.Html));
        Assert.All(answers, a => Assert.DoesNotMatch(new Regex("[0-9]{15}"), a.Html));
    }

    [Theory]
    [InlineData("", "1234", "Enter your card number")]
    [InlineData("3712 3456", "1234", "Enter a 15-digit card number")]
    [InlineData("371234567890014", "1234", "The card number is not valid")]
    [InlineData("371234567890013", "12a4", "Card ID must be exactly 4 digits")]
    [InlineData("371234567890013", "", "Enter the 4-digit card ID")]
    public async Task Given_a_badly_typed_card_Then_the_field_says_what_is_wrong(string number, string cardId, string message)
    {
        var (status, html) = await CardPageAsync(number, cardId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: Enter your card details", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"visually-hidden\">Error:</span> {message}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_enrolled_card_Then_the_cardholder_learns_it_only_after_the_code_and_is_sent_to_recovery()
    {
        var account = await App.OpenAsync(mobile: null);
        await App.NewCardholderAsync(Password, account);
        var client = App.CreateBrowserLikeClient();

        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        await EnterCodeAsync(client, account.Email!, "/enroll/already-enrolled");

        var page = await client.GetStringAsync("/enroll/already-enrolled", Cancel);
        Assert.Contains("This card already has an online account", page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/sign-in\">Sign in</a>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/enroll/credentials", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_the_demo_enrolled_card_Then_it_cannot_be_enrolled_again()
    {
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(DemoData.GoldCardNumber, DemoData.GoldCardId)), "/enroll/send-code");

        // The code by text: without Twilio the app writes texts to sms.log in its own data folder, so no other
        // test's message to the demo cardholder can be taken for this one.
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Sms" }), "/enroll/code");
        var smsLog = Path.Combine(App.DataFolder, "sms.log");
        var text = await Eventually.MatchAsync(
            () => Task.FromResult(File.Exists(smsLog) ? File.ReadAllLines(smsLog).LastOrDefault(l => l.Contains("one-time code is", StringComparison.Ordinal)) : null),
            line => line is not null,
            _ => "no one-time code was texted to the demo cardholder");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = SecurityCodes.In(text) }), "/enroll/already-enrolled");

        var page = await client.GetStringAsync("/enroll/already-enrolled", Cancel);
        Assert.Contains("This card already has an online account", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/enroll/credentials", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_two_enrollments_of_one_card_at_once_Then_one_online_account_is_created()
    {
        var account = await App.OpenAsync(mobile: null);
        var first = App.CreateBrowserLikeClient();
        var second = App.CreateBrowserLikeClient();
        var firstUser = TestUsers.NewUserId("racer");
        var secondUser = TestUsers.NewUserId("racer");
        var usedCodes = new HashSet<string>();
        foreach (var (client, user, mails) in new[] { (first, firstUser, 1), (second, secondUser, 2) })
        {
            await ChooseAsync(client, "CardWithCardId", "/enroll/card");
            await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
            usedCodes.Add(await EnterCodeAsync(client, account.Email!, "/enroll/credentials", mails, usedCodes));
            await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/credentials", Credentials(user)), "/enroll/check");
        }

        var results = await Task.WhenAll(
            first.SubmitFormAsync("/enroll/check", new Dictionary<string, string>()),
            second.SubmitFormAsync("/enroll/check", new Dictionary<string, string>()));

        var places = results.Select(r => r.Headers.Location?.OriginalString).Order().ToList();
        Assert.Equal(["/enroll/already-enrolled", "/enroll/done"], places);
        var signIns = new[]
        {
            await App.CreateBrowserLikeClient().SignInAsync(firstUser, Password),
            await App.CreateBrowserLikeClient().SignInAsync(secondUser, Password),
        };
        Assert.Single(signIns, r => r.StatusCode == HttpStatusCode.Redirect); // the loser's user ID was removed again
    }

    [Fact]
    public async Task Given_a_step_opened_without_the_steps_before_it_Then_the_journey_starts_again()
    {
        var response = await App.CreateBrowserLikeClient().GetAsync("/enroll/check", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/enroll?expired=True", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Given_a_new_code_asked_for_too_soon_Then_the_page_stays_usable_and_the_first_code_still_works()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Email" }), "/enroll/code");
        var code = CodeIn(Assert.Single(await MailDrop.WaitForAsync(account.Email!)));

        var refused = await client.SubmitFormAsync("/enroll/code", "/enroll/code?handler=Resend", new Dictionary<string, string>());
        var html = await refused.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("less than 30 seconds ago", html, StringComparison.Ordinal);
        Assert.Matches("<form method=\"post\"[^>]* action=\"/enroll/code\"", html); // Continue checks the code, not the resend again
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = code }), "/enroll/credentials");
    }

    [Fact]
    public async Task Given_a_new_code_When_it_is_sent_Then_the_page_is_back_at_its_address_and_only_the_new_code_works()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Email" }), "/enroll/code");
        var first = CodeIn(Assert.Single(await MailDrop.WaitForAsync(account.Email!)));
        await App.WithScopeAsync(async services =>
        {
            // As if the minimum interval between two codes had passed.
            var db = services.GetRequiredService<BillCenter.Modules.Notifications.Data.NotificationsDbContext>();
            var sent = await db.OneTimeCodes.Where(c => c.CardAccountId == account.CardAccountId).ToListAsync(Cancel);
            Assert.Single(sent).LastSentAt -= TimeSpan.FromMinutes(1);
            await db.SaveChangesAsync(Cancel);
        });

        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/code", "/enroll/code?handler=Resend", new Dictionary<string, string>()), "/enroll/code");
        Assert.Contains("We sent a new code to", await client.GetStringAsync("/enroll/code", Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain("We sent a new code to", await client.GetStringAsync("/enroll/code", Cancel), StringComparison.Ordinal); // said once
        var second = (await MailDrop.WaitForAsync(account.Email!, 2)).Select(CodeIn).Single(c => c != first);

        var wrong = await client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = first });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = second }), "/enroll/credentials");
    }

    [Fact]
    public async Task Given_codes_asked_for_again_and_again_Then_the_sixth_is_refused_and_the_card_is_locked()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        for (var i = 0; i < 5; i++)
        {
            await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", ByEmail), "/enroll/code");
        }

        var refused = await client.SubmitFormAsync("/enroll/send-code", ByEmail);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(LockedMessage, await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(5, await CodesSentAsync(account.CardAccountId));
        await AssertCardLockedAsync(account, codesMailed: 5);
    }

    [Fact]
    public async Task Given_many_codes_asked_for_at_once_Then_no_more_than_five_are_sent()
    {
        var account = await App.OpenAsync(mobile: null);
        var clients = Enumerable.Range(0, 8).Select(_ => App.CreateBrowserLikeClient()).ToList();
        foreach (var client in clients)
        {
            await ChooseAsync(client, "CardWithCardId", "/enroll/card");
            await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        }

        var responses = await Task.WhenAll(clients.Select(c => c.SubmitFormAsync("/enroll/send-code", ByEmail)));

        // Counted after recording: parallel requests may all be refused, never more than five let through.
        var sent = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.InRange(sent, 0, 5);
        Assert.Equal(sent, await CodesSentAsync(account.CardAccountId));
        await AssertCardLockedAsync(account, codesMailed: sent);
    }

    [Theory]
    [InlineData("12a456")]
    [InlineData("12345")]
    [InlineData("1234567")]
    public async Task Given_a_code_that_is_not_6_digits_Then_the_field_says_so_and_it_is_never_counted_as_a_wrong_code(string badlyTyped)
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", ByEmail), "/enroll/code");
        var code = CodeIn(Assert.Single(await MailDrop.WaitForAsync(account.Email!)));

        for (var i = 0; i < 11; i++) // past both the code's 5 and the day's 10 wrong entries
        {
            var refused = await client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = badlyTyped });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(CodeModel.FormatMessage, await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<BillCenter.Modules.Notifications.Data.NotificationsDbContext>();
            Assert.Equal(0, Assert.Single(await db.OneTimeCodes.Where(c => c.CardAccountId == account.CardAccountId).ToListAsync(Cancel)).FailedAttempts);
            Assert.Equal(0, await db.OneTimeCodeLimitEntries.CountAsync(e => e.CardAccountId == account.CardAccountId && e.Kind == BillCenter.Modules.Notifications.Domain.OneTimeCodeLimitKind.WrongEntry, Cancel));
        });
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = $" {code[..3]} {code[3..]} " }), "/enroll/credentials");
    }

    [Fact]
    public async Task Given_wrong_codes_across_a_resend_Then_the_tenth_wrong_entry_locks_the_card()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", ByEmail), "/enroll/code");
        var first = CodeIn(Assert.Single(await MailDrop.WaitForAsync(account.Email!)));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = WrongCode(first) })).StatusCode);
        }

        await MoveLastSentBackAsync(account.CardAccountId);
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/code", "/enroll/code?handler=Resend", new Dictionary<string, string>()), "/enroll/code");
        var second = (await MailDrop.WaitForAsync(account.Email!, 2)).Select(CodeIn).Single(c => c != first);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = WrongCode(second) });
            Assert.Contains("The code is not correct", await wrong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        var tenth = await client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = WrongCode(second) });
        var right = await client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = second });

        var tenthHtml = await tenth.Content.ReadAsStringAsync(Cancel);
        Assert.True(tenthHtml.Contains(LockedMessage, StringComparison.Ordinal), Regex.Match(tenthHtml, "Error:</span>[^<]*").Value);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // even the right code no longer goes through
        await AssertCardLockedAsync(account, codesMailed: 2);
    }

    [Fact]
    public async Task Given_a_code_sent_for_another_card_When_a_journey_is_made_to_point_at_it_Then_the_code_is_refused()
    {
        var victim = await App.OpenAsync(mobile: null);
        var attacker = await App.OpenAsync(mobile: null);
        var (client, cookies) = CreateClientWithCookieJar();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(attacker.CardNumbers[0], attacker.CardIdDigits[0]!)), "/enroll/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", ByEmail), "/enroll/code");

        // A code for the victim's card (as if its digits were known), put into the attacker's own journey.
        var sent = await App.SendAsync(new BillCenter.Modules.Notifications.Contracts.SendOneTimeCode(SendCodeModel.Purpose, victim.CardAccountId, BillCenter.Modules.Notifications.Contracts.NotificationChannel.Email));
        var victimCode = CodeIn(Assert.Single(await MailDrop.WaitForAsync(victim.Email!)));
        SetJourneyState(cookies, JourneyState(cookies) with { CodeId = sent.CodeId });

        var response = await client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = victimCode });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/enroll/credentials", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_a_journey_cookie_saved_after_the_code_When_replayed_after_the_account_was_created_Then_it_is_refused()
    {
        var account = await App.OpenAsync(mobile: null);
        var (client, cookies) = CreateClientWithCookieJar();
        var firstUser = TestUsers.NewUserId("once");
        var secondUser = TestUsers.NewUserId("replay");
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        await EnterCodeAsync(client, account.Email!, "/enroll/credentials");
        var saved = JourneyCookie(cookies);
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/credentials", Credentials(firstUser)), "/enroll/check");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/check", new Dictionary<string, string>()), "/enroll/done");

        var (replay, replayCookies) = CreateClientWithCookieJar();
        SetJourneyCookie(replayCookies, saved);
        await ExpectRedirectAsync(replay.SubmitFormAsync("/enroll/credentials", Credentials(secondUser)), "/enroll/check");
        await ExpectRedirectAsync(replay.SubmitFormAsync("/enroll/check", new Dictionary<string, string>()), "/enroll?expired=True");

        Assert.Equal(HttpStatusCode.Redirect, (await App.CreateBrowserLikeClient().SignInAsync(firstUser, Password)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await App.CreateBrowserLikeClient().SignInAsync(secondUser, Password)).StatusCode);
    }

    [Fact]
    public async Task Given_a_password_chosen_Then_the_journey_cookie_does_not_hold_it_even_encrypted()
    {
        var account = await App.OpenAsync(mobile: null);
        var (client, cookies) = CreateClientWithCookieJar();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        await EnterCodeAsync(client, account.Email!, "/enroll/credentials");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/credentials", Credentials(TestUsers.NewUserId("hashed"))), "/enroll/check");

        var payload = JourneyProtector.Unprotect(JourneyCookie(cookies));

        Assert.Contains("UserName", payload, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, payload, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Password), payload, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonSerializer.Serialize(Password)[1..^1], payload, StringComparison.Ordinal);
    }

    private const string LockedMessage = "For your security, we cannot send or check codes for this card now";

    private static readonly Dictionary<string, string> ByEmail = new() { ["Data.Channel"] = "Email" };

    private static readonly Uri AppAddress = new("https://localhost");

    private ITimeLimitedDataProtector JourneyProtector =>
        App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("BillCenter.Journey", "enroll", "v1").ToTimeLimitedDataProtector();

    private string JourneyCookieName => App.Services.GetRequiredService<EnrollmentJourney>().CookieName;

    /// <summary>A browser-like client whose cookies the test can read and replace.</summary>
    private (HttpClient Client, CookieContainer Cookies) CreateClientWithCookieJar()
    {
        var cookies = new CookieContainer();
        return (App.CreateDefaultClient(AppAddress, new CookieContainerHandler(cookies)), cookies);
    }

    private string JourneyCookie(CookieContainer cookies) => Assert.IsType<Cookie>(cookies.GetCookies(AppAddress)[JourneyCookieName]).Value;

    private void SetJourneyCookie(CookieContainer cookies, string value) => cookies.Add(AppAddress, new Cookie(JourneyCookieName, value, "/") { Secure = true, HttpOnly = true });

    private EnrollmentState JourneyState(CookieContainer cookies) => JsonSerializer.Deserialize<EnrollmentState>(JourneyProtector.Unprotect(JourneyCookie(cookies)))!;

    private void SetJourneyState(CookieContainer cookies, EnrollmentState state) =>
        SetJourneyCookie(cookies, JourneyProtector.Protect(JsonSerializer.Serialize(state), TimeSpan.FromMinutes(30)));

    private async Task<int> CodesSentAsync(Guid cardAccountId)
    {
        var count = 0;
        await App.WithScopeAsync(async services =>
            count = await services.GetRequiredService<BillCenter.Modules.Notifications.Data.NotificationsDbContext>().Notifications
                .CountAsync(n => n.CardAccountId == cardAccountId && n.IsOneTimeCode, Cancel));
        return count;
    }

    private Task MoveLastSentBackAsync(Guid cardAccountId) =>
        App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<BillCenter.Modules.Notifications.Data.NotificationsDbContext>();
            foreach (var code in await db.OneTimeCodes.Where(c => c.CardAccountId == cardAccountId).ToListAsync(Cancel))
            {
                code.LastSentAt -= TimeSpan.FromMinutes(1);
            }

            await db.SaveChangesAsync(Cancel);
        });

    /// <summary>The card with its right card ID is refused afterwards, and the cardholder got the card-locked alert.</summary>
    private async Task AssertCardLockedAsync(TestAccount account, int codesMailed)
    {
        var (status, html) = await CardPageAsync(account.CardNumbers[0], account.CardIdDigits[0]!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("We could not find a card with those details", html, StringComparison.Ordinal);
        var mail = await MailDrop.WaitForAsync(account.Email!, codesMailed + 1);
        Assert.Single(mail, m => m.Subject == "Security alert: online checks for your card are paused");
    }

    private static string WrongCode(string code) => code == "000000" ? "000001" : "000000";

    private static string CodeIn(MimeKit.MimeMessage mail) => Regex.Match(mail.TextBody!, "one-time code is ([0-9]{6})").Groups[1].Value;

    private async Task<(HttpStatusCode Status, string Html)> CardPageAsync(string number, string cardId)
    {
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        var response = await client.SubmitFormAsync("/enroll/card", Card(number, cardId));
        var html = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, TokenPattern().Replace(html, "TOKEN"));
    }

    [Fact]
    public async Task Given_only_an_email_on_file_Then_the_send_code_step_names_it_without_a_choice_and_the_code_page_offers_nowhere_else()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");

        var sendCode = await client.GetStringAsync("/enroll/send-code", Cancel);
        Assert.DoesNotContain("type=\"radio\"", sendCode, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Data.Channel\" value=\"Email\" />", sendCode, StringComparison.Ordinal);
        var named = OnlyDestinationPattern().Match(sendCode);
        Assert.True(named.Success, sendCode);
        Assert.Contains("@example.com", named.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Email!, sendCode, StringComparison.Ordinal);

        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Email" }), "/enroll/code");
        var code = await client.GetStringAsync("/enroll/code", Cancel);
        Assert.Contains($"We sent a 6-digit code to {named.Groups[1].Value}.", code, StringComparison.Ordinal);
        Assert.DoesNotContain("Send the code somewhere else", code, StringComparison.Ordinal);
        Assert.Single(await MailDrop.WaitForAsync(account.Email!, 1));
    }

    [Fact]
    public async Task Given_an_email_and_a_mobile_on_file_Then_the_send_code_step_offers_both_and_the_code_page_offers_the_other()
    {
        var account = await App.OpenAsync();
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");

        var sendCode = await client.GetStringAsync("/enroll/send-code", Cancel);
        Assert.Contains("value=\"Email\"", sendCode, StringComparison.Ordinal);
        Assert.Contains("value=\"Sms\"", sendCode, StringComparison.Ordinal);
        Assert.DoesNotContain("We will send a code to", sendCode, StringComparison.Ordinal);

        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Email" }), "/enroll/code");
        Assert.Contains("Send the code somewhere else", await client.GetStringAsync("/enroll/code", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_one_contact_on_file_When_the_send_code_step_fails_Then_the_summary_links_to_the_Send_code_button_which_shows_the_message()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");

        // A form from before the mobile number was removed: the only contact left is the email address.
        var response = await client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Sms" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<a href=\"#Data_Channel\">Select where to send the code</a>", html, StringComparison.Ordinal);
        Assert.Matches("<button type=\"submit\" class=\"button\" id=\"Data_Channel\" aria-describedby=\"Data_Channel-error\">Send code</button>", html);
        Assert.Matches("<p id=\"Data_Channel-error\" class=\"error-message\">.*Select where to send the code</p>", html);
        Assert.DoesNotMatch("<input [^>]*id=\"Data_Channel\"", html);
    }

    [Fact]
    public async Task Given_a_valid_password_When_the_user_ID_is_taken_Then_the_password_is_kept_as_a_hash_only_and_the_account_is_created_with_it()
    {
        var account = await App.OpenAsync(mobile: null);
        var (client, cookies) = CreateClientWithCookieJar();
        await ChooseAsync(client, "CardWithCardId", "/enroll/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/card", Card(account.CardNumbers[0], account.CardIdDigits[0]!)), "/enroll/send-code");
        await EnterCodeAsync(client, account.Email!, "/enroll/credentials");

        var refused = await client.SubmitFormAsync("/enroll/credentials", Credentials(DemoData.CardholderUserId));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("That user ID is taken", html, StringComparison.Ordinal);
        Assert.Contains("We kept the password you chose. Enter a new one only to change it.", html, StringComparison.Ordinal);
        Assert.Contains(">Password (optional)</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, JsonSerializer.Serialize(JourneyState(cookies)), StringComparison.Ordinal);
        Assert.NotNull(JourneyState(cookies).PasswordHash);
        Assert.Contains("We kept the password you chose.", await client.GetStringAsync("/enroll/credentials", Cancel), StringComparison.Ordinal);

        var userId = TestUsers.NewUserId("kept");
        await ExpectRedirectAsync(
            client.SubmitFormAsync("/enroll/credentials", new Dictionary<string, string> { ["Data.UserName"] = userId, ["Data.Password"] = string.Empty }), "/enroll/check");
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/check", new Dictionary<string, string>()), "/enroll/done");

        await App.CreateBrowserLikeClient().SignInOrFailAsync(userId, Password);
    }

    private static async Task ChooseAsync(HttpClient client, string path, string next) =>
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll", new Dictionary<string, string> { ["Data.Path"] = path }), next);

    /// <summary>Asks for a code by email, reads the one not used before from the SMTP server, enters it.</summary>
    private static async Task<string> EnterCodeAsync(HttpClient client, string email, string next, int expectedMails = 1, IReadOnlySet<string>? usedBefore = null)
    {
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Email" }), "/enroll/code");
        var mail = await MailDrop.WaitForAsync(email, expectedMails);
        var code = mail.Where(m => m.Subject == "Your BillCenter one-time code")
            .Select(SecurityCodes.In)
            .Single(c => usedBefore?.Contains(c) != true);
        await ExpectRedirectAsync(client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = code }), next);
        return code;
    }

    private static async Task ExpectRedirectAsync(Task<HttpResponseMessage> send, string location)
    {
        var response = await send;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"expected a redirect to {location}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    private static Dictionary<string, string> Card(string number, string cardId) => new() { ["Data.CardNumber"] = number, ["Data.CardId"] = cardId };

    private static Dictionary<string, string> Credentials(string userId) => new() { ["Data.UserName"] = userId, ["Data.Password"] = Password };

    [GeneratedRegex("We will send a code to your email ([^ <]+)\\. It works for 10 minutes\\.")]
    private static partial Regex OnlyDestinationPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex TokenPattern();
}

public sealed class EnrollmentTestsOnSqlite(SqliteNotificationFixture fixture) : EnrollmentTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class EnrollmentTestsOnPostgres(PostgresNotificationFixture fixture) : EnrollmentTests(fixture), IClassFixture<PostgresNotificationFixture>;
