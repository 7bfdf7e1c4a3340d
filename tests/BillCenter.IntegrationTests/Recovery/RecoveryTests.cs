using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Features.SelfServiceChecks;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Recovery.Pages.Recover;
using BillCenter.Modules.Users.Data;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>Recovery through the real HTTP pipeline, with one-time codes and alerts read back from the real SMTP server.</summary>
public abstract partial class RecoveryTests(NotificationAppFixture fixture)
{
    private const string OldPassword = "lantern orchard meadow 17";
    private const string NewPassword = "copper kettle harbor 93";
    private const string PasswordChangedSubject = "Security alert: your password was changed";

    private static readonly Uri AppAddress = new("https://localhost");

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_forgotten_user_ID_When_recovering_by_card_ID_Then_it_shows_only_after_the_code_and_a_notice_is_emailed()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var client = App.CreateBrowserLikeClient();

        await StartAsync(client, "UserId");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/card", Card(account)), "/recover/send-code");
        Assert.DoesNotContain(userName, await client.GetStringAsync("/recover/send-code", Cancel), StringComparison.OrdinalIgnoreCase);
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
        Assert.DoesNotContain(userName, await client.GetStringAsync("/recover/code", Cancel), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/recover/user-id", Cancel)).StatusCode); // not before the code
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/code", Code(await CodeForAsync(account.Email!))), "/recover/user-id");

        var page = await client.GetStringAsync("/recover/user-id", Cancel);
        Assert.Contains($"<strong data-testid=\"user-id\">{userName}</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Your user ID – BillCenter</title>", page, StringComparison.Ordinal);
        var mail = await MailDrop.WaitForAsync(account.Email!, 2);
        Assert.Single(mail, m => m.Subject == "Your BillCenter user ID");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/recover/password", Cancel)).StatusCode); // only the user ID was asked for
    }

    [Fact]
    public async Task Given_two_signed_in_browsers_When_the_password_is_reset_in_a_third_Then_both_are_signed_out_and_the_alert_is_emailed()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var first = App.CreateBrowserLikeClient();
        var second = App.CreateBrowserLikeClient();
        await first.SignInOrFailAsync(userName, OldPassword);
        await second.SignInOrFailAsync(userName, OldPassword);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/accounts", Cancel)).StatusCode);

        var third = App.CreateBrowserLikeClient();
        await StartAsync(third, "Password");
        await ExpectRedirectAsync(third.SubmitFormAsync("/recover/card", Card(account)), "/recover/send-code");
        await ExpectRedirectAsync(third.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
        await ExpectRedirectAsync(third.SubmitFormAsync("/recover/code", Code(await CodeForAsync(account.Email!, 3))), "/recover/password"); // after two new sign-in alerts
        var passwordPage = await third.GetStringAsync("/recover/password", Cancel);
        Assert.Contains("Use at least 8 characters", passwordPage, StringComparison.Ordinal); // the rules are on the page
        await ExpectRedirectAsync(third.SubmitFormAsync("/recover/password", Password(NewPassword)), "/recover/done");

        var done = await third.GetStringAsync("/recover/done", Cancel);
        Assert.Contains("You are not signed in", done, StringComparison.Ordinal);
        Assert.Contains("href=\"/sign-in\"", done, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/accounts", Cancel)).StatusCode); // no automatic sign-in
        await AssertSentToSignInAsync(first);
        await AssertSentToSignInAsync(second);
        Assert.NotEqual(HttpStatusCode.Redirect, (await App.CreateBrowserLikeClient().SignInAsync(userName, OldPassword)).StatusCode);
        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, NewPassword);
        var mail = await MailDrop.WaitForAsync(account.Email!, 5); // three new sign-in alerts, the code, the password changed
        Assert.Single(mail, m => m.Subject == PasswordChangedSubject);
        Assert.DoesNotContain(NewPassword, App.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(account.CardNumbers[0], App.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_account_locked_by_failed_sign_ins_and_closed_after_100_When_the_password_is_reset_Then_it_signs_in_again()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, userId) = await App.NewCardholderAsync(OldPassword, account);
        for (var i = 0; i < 5; i++)
        {
            await App.CreateBrowserLikeClient().SignInAsync(userName, "someone guessing wrong");
        }

        await App.WithScopeAsync(services => services.GetRequiredService<UsersDbContext>().Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignInsSinceSuccess, 100), Cancel));
        Assert.NotEqual(HttpStatusCode.Redirect, (await App.CreateBrowserLikeClient().SignInAsync(userName, OldPassword)).StatusCode);

        var client = App.CreateBrowserLikeClient();
        await ReachPasswordAsync(client, account, "Password");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/password", Password(NewPassword)), "/recover/done");

        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, NewPassword);
    }

    [Fact]
    public async Task Given_both_forgotten_Then_the_user_ID_shows_and_then_a_new_password_is_set()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var client = App.CreateBrowserLikeClient();

        await StartAsync(client, "Both");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/card", Card(account)), "/recover/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/code", Code(await CodeForAsync(account.Email!))), "/recover/user-id");
        var page = await client.GetStringAsync("/recover/user-id", Cancel);
        Assert.Contains(userName, page, StringComparison.Ordinal);
        Assert.Contains("href=\"/recover/password\"", page, StringComparison.Ordinal);
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/password", Password(NewPassword)), "/recover/done");

        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, NewPassword);
    }

    [Fact]
    public async Task Given_a_cancelled_card_Then_it_recovers_its_online_account_by_billing_address_but_never_by_card_ID()
    {
        var account = await App.OpenAsync(status: CardStatus.Cancelled, mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var byCardId = App.CreateBrowserLikeClient();
        await StartAsync(byCardId, "UserId");
        var refused = await byCardId.SubmitFormAsync("/recover/card", Card(account));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(CardModel.Failure, await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var client = App.CreateBrowserLikeClient();
        await StartAsync(client, "UserId");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/address", Address(account.CardNumbers[0], account.Street.ToUpperInvariant(), account.Zip)), "/recover/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/code", Code(await CodeForAsync(account.Email!))), "/recover/user-id");

        Assert.Contains(userName, await client.GetStringAsync("/recover/user-id", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_corporate_account_without_card_ID_Then_the_password_is_reset_by_billing_address()
    {
        var account = await App.OpenAsync(product: Product.CorporatePurchasing, mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var client = App.CreateBrowserLikeClient();

        await StartAsync(client, "Password");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/address", Address(account.CardNumbers[0], account.Street, account.Zip)), "/recover/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/code", Code(await CodeForAsync(account.Email!))), "/recover/password");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/password", Password(NewPassword)), "/recover/done");

        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, NewPassword);
    }

    [Fact]
    public async Task Given_an_active_card_with_a_card_ID_Then_the_address_path_refuses_it_as_a_wrong_address()
    {
        var account = await App.OpenAsync(mobile: null);
        await App.NewCardholderAsync(OldPassword, account);
        var client = App.CreateBrowserLikeClient();
        await StartAsync(client, "UserId");

        var response = await client.SubmitFormAsync("/recover/address", Address(account.CardNumbers[0], account.Street, account.Zip));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AddressModel.Failure, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_card_without_an_online_account_Then_the_cardholder_learns_it_after_the_code_and_is_offered_enrollment()
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();

        await ReachAfterCodeAsync(client, account, "Password", "/recover/no-account");

        var page = await client.GetStringAsync("/recover/no-account", Cancel);
        Assert.Contains("This card has no online account", page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/enroll\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_cancelled_card_without_an_online_account_Then_enrollment_is_not_offered()
    {
        var account = await App.OpenAsync(status: CardStatus.Cancelled, mobile: null);
        var client = App.CreateBrowserLikeClient();
        await StartAsync(client, "UserId");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/address", Address(account.CardNumbers[0], account.Street, account.Zip)), "/recover/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/code", Code(await CodeForAsync(account.Email!))), "/recover/no-account");

        var page = await client.GetStringAsync("/recover/no-account", Cancel);
        Assert.Contains("This card is canceled", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<a class=\"button\" href=\"/enroll\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_unknown_card_a_card_without_online_account_a_locked_card_or_a_wrong_card_ID_Then_the_pages_are_identical()
    {
        var enrolled = await App.OpenAsync(mobile: null);
        await App.NewCardholderAsync(OldPassword, enrolled);
        var notEnrolled = await App.OpenAsync(mobile: null);
        var locked = await App.OpenAsync(mobile: null);
        await App.NewCardholderAsync(OldPassword, locked);
        await LockAsync(locked);

        var answers = new[]
        {
            await CardPageAsync(TestCards.NewCardNumber(), "1234"),
            await CardPageAsync(notEnrolled.CardNumbers[0], TestCards.WrongCardId(notEnrolled.CardIdDigits[0]!)),
            await CardPageAsync(locked.CardNumbers[0], locked.CardIdDigits[0]!),
            await CardPageAsync(enrolled.CardNumbers[0], TestCards.WrongCardId(enrolled.CardIdDigits[0]!)),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Contains(CardModel.Failure, answers[0].Html, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(answers[0].Html, a.Html));
        Assert.All(answers, a => Assert.DoesNotMatch(new Regex("[0-9]{15}"), a.Html));

        // With the right card ID, a card with and a card without an online account go on alike: that is told after the code.
        var right = new[]
        {
            await CardDestinationAsync(enrolled),
            await CardDestinationAsync(notEnrolled),
        };
        Assert.All(right, r => Assert.Equal("/recover/send-code", r));
    }

    [Fact]
    public async Task Given_each_way_a_recovery_card_check_can_fail_Then_the_database_does_the_same_work()
    {
        var enrolled = await App.OpenAsync(mobile: null);
        await App.NewCardholderAsync(OldPassword, enrolled);
        var notEnrolled = await App.OpenAsync(mobile: null);
        var locked = await App.OpenAsync(mobile: null);
        await LockAsync(locked);
        var corporate = await App.OpenAsync(product: Product.CorporatePurchasing, mobile: null);

        var checks = new (string Case, MediatR.IRequest<VerifiedCard?> Check)[]
        {
            ("unknown card", new CardModel.Command(TestCards.NewCardNumber(), "1234")),
            ("card without online account, wrong card ID", new CardModel.Command(notEnrolled.CardNumbers[0], TestCards.WrongCardId(notEnrolled.CardIdDigits[0]!))),
            ("locked card, right card ID", new CardModel.Command(locked.CardNumbers[0], locked.CardIdDigits[0]!)),
            ("enrolled card, wrong card ID", new CardModel.Command(enrolled.CardNumbers[0], TestCards.WrongCardId(enrolled.CardIdDigits[0]!))),
            ("unknown card by address", new AddressModel.Command(TestCards.NewCardNumber(), "1 Other Road", corporate.Zip)),
            ("wrong billing address", new AddressModel.Command(corporate.CardNumbers[0], "1 Other Road", corporate.Zip)),
        };

        var work = new List<(string Case, string Commands)>();
        foreach (var (name, check) in checks)
        {
            VerifiedCard? result;
            IReadOnlyList<string> commands;
            using (App.SqlLog.Record(out commands))
            {
                result = await App.SendAsync(check);
            }

            Assert.Null(result);
            work.Add((name, string.Join(' ', commands)));
        }

        Assert.Contains("INSERT", work[0].Commands, StringComparison.Ordinal);
        Assert.All(work.Skip(1), w => Assert.True(w.Commands == work[0].Commands, $"{w.Case}: [{w.Commands}] but {work[0].Case}: [{work[0].Commands}]"));
    }

    [Fact]
    public async Task Given_wrong_card_details_five_times_Then_the_card_is_locked_the_right_details_fail_and_the_cardholder_is_alerted()
    {
        var account = await App.OpenAsync(mobile: null);
        await App.NewCardholderAsync(OldPassword, account);
        for (var i = 0; i < SelfServiceLockout.MaxFailures; i++)
        {
            var (status, html) = await CardPageAsync(account.CardNumbers[0], TestCards.WrongCardId(account.CardIdDigits[0]!));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(CardModel.Failure, html, StringComparison.Ordinal);
        }

        var (_, right) = await CardPageAsync(account.CardNumbers[0], account.CardIdDigits[0]!);

        Assert.Contains(CardModel.Failure, right, StringComparison.Ordinal);
        var mail = await MailDrop.WaitForAsync(account.Email!);
        Assert.Single(mail, m => m.Subject == "Security alert: online checks for your card are paused");
    }

    [Fact]
    public async Task Given_security_questions_When_the_code_is_right_Then_one_is_asked_before_the_user_ID_and_its_answer_is_compared_loosely()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var answers = await SetSecurityQuestionsAsync(userName);
        var client = App.CreateBrowserLikeClient();

        await ReachAfterCodeAsync(client, account, "UserId", "/recover/question", mailBefore: 2);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/recover/user-id", Cancel)).StatusCode); // not before the answer
        var page = await client.GetStringAsync("/recover/question", Cancel);
        Assert.DoesNotContain(userName, page, StringComparison.OrdinalIgnoreCase);
        var question = AskedQuestion(page, answers.Keys);
        var wrong = await client.SubmitFormAsync("/recover/question", new Dictionary<string, string> { ["Data.Answer"] = "not the answer" });
        var wrongHtml = await wrong.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That answer does not match the one you saved", wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(userName, wrongHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await QueuedAsync(account.Email!, "user-id-reminder")); // no user ID notice before the right answer

        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/question", new Dictionary<string, string> { ["Data.Answer"] = answers[question] }), "/recover/user-id");

        Assert.Contains($"<strong data-testid=\"user-id\">{userName}</strong>", await client.GetStringAsync("/recover/user-id", Cancel), StringComparison.Ordinal);
        await MailDrop.WaitForSubjectAsync(account.Email!, "Your BillCenter user ID");
        Assert.DoesNotContain("Biscuit", App.Logs.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Given_five_wrong_security_answers_Then_the_card_is_locked_the_journey_ends_and_the_cardholder_is_alerted()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        await SetSecurityQuestionsAsync(userName);
        var client = App.CreateBrowserLikeClient();
        await ReachAfterCodeAsync(client, account, "Password", "/recover/question", mailBefore: 2);

        for (var i = 1; i < SelfServiceLockout.MaxFailures; i++)
        {
            var wrong = await client.SubmitFormAsync("/recover/question", new Dictionary<string, string> { ["Data.Answer"] = $"wrong answer {i}" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/question", new Dictionary<string, string> { ["Data.Answer"] = "wrong answer 5" }), "/recover");

        Assert.Contains("Online checks for your card are paused for 24 hours", await client.GetStringAsync("/recover", Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/recover/question", Cancel)).StatusCode); // the journey is over
        await MailDrop.WaitForSubjectAsync(account.Email!, "Security alert: online checks for your card are paused");
        var (_, again) = await CardPageAsync(account.CardNumbers[0], account.CardIdDigits[0]!);
        Assert.Contains(CardModel.Failure, again, StringComparison.Ordinal); // the right card details are refused while locked
        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, OldPassword); // the password itself is untouched
    }

    [Fact]
    public async Task Given_an_expired_code_Then_the_field_says_so_and_asks_for_a_new_one()
    {
        var account = await App.OpenAsync(mobile: null);
        await App.NewCardholderAsync(OldPassword, account);
        var client = App.CreateBrowserLikeClient();
        await StartAsync(client, "UserId");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/card", Card(account)), "/recover/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
        var code = await CodeForAsync(account.Email!);
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var sent = Assert.Single(await db.OneTimeCodes.Where(c => c.CardAccountId == account.CardAccountId).ToListAsync(Cancel));
            sent.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync(Cancel);
        });

        var response = await client.SubmitFormAsync("/recover/code", Code(code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The code has expired. Ask for a new code", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/recover/user-id", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_a_code_already_used_When_a_journey_saved_before_it_enters_it_again_Then_it_is_refused()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var (client, cookies) = CreateClientWithCookieJar();
        await StartAsync(client, "UserId");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/card", Card(account)), "/recover/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
        var saved = JourneyCookie(cookies);
        var code = await CodeForAsync(account.Email!);
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/code", Code(code)), "/recover/user-id");

        var (replay, replayCookies) = CreateClientWithCookieJar();
        SetJourneyCookie(replayCookies, saved);
        var response = await replay.SubmitFormAsync("/recover/code", Code(code));

        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That code has already been used", html, StringComparison.Ordinal);
        Assert.DoesNotContain(userName, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Given_a_journey_saved_at_the_password_step_When_replayed_after_the_reset_Then_it_is_refused_and_the_password_stays()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var (client, cookies) = CreateClientWithCookieJar();
        await ReachPasswordAsync(client, account, "Password");
        var saved = JourneyCookie(cookies);
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/password", Password(NewPassword)), "/recover/done");

        var (replay, replayCookies) = CreateClientWithCookieJar();
        SetJourneyCookie(replayCookies, saved);
        await ExpectRedirectAsync(replay.SubmitFormAsync("/recover/password", Password("another fresh passphrase 61")), "/recover?expired=True");

        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, NewPassword);
        Assert.NotEqual(HttpStatusCode.Redirect, (await App.CreateBrowserLikeClient().SignInAsync(userName, "another fresh passphrase 61")).StatusCode);
    }

    [Fact]
    public async Task Given_more_than_15_minutes_since_the_code_Then_the_new_password_is_refused_and_the_journey_starts_again()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var client = App.CreateBrowserLikeClient();
        await ReachPasswordAsync(client, account, "Password");
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var verified = Assert.Single(await db.OneTimeCodes.Where(c => c.CardAccountId == account.CardAccountId && c.ConsumedAt != null).ToListAsync(Cancel));
            verified.ConsumedAt = DateTime.UtcNow.AddMinutes(-16);
            await db.SaveChangesAsync(Cancel);
        });

        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/password", Password(NewPassword)), "/recover?expired=True");

        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, OldPassword);
    }

    [Fact]
    public async Task Given_two_resets_of_one_online_account_at_once_Then_one_wins_and_the_other_is_told_nothing_was_saved()
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var first = App.CreateBrowserLikeClient();
        var second = App.CreateBrowserLikeClient();
        var used = new HashSet<string>();
        foreach (var (client, mails) in new[] { (first, 1), (second, 2) })
        {
            await StartAsync(client, "Password");
            await ExpectRedirectAsync(client.SubmitFormAsync("/recover/card", Card(account)), "/recover/send-code");
            await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
            var code = (await MailDrop.WaitForAsync(account.Email!, mails)).Where(SecurityCodes.IsIn).Select(SecurityCodes.In).Single(c => !used.Contains(c));
            used.Add(code);
            await ExpectRedirectAsync(client.SubmitFormAsync("/recover/code", Code(code)), "/recover/password");
        }

        const string FirstPassword = "first racer lantern 41";
        const string SecondPassword = "second racer meadow 52";
        var results = await Task.WhenAll(
            first.SubmitFormAsync("/recover/password", Password(FirstPassword)),
            second.SubmitFormAsync("/recover/password", Password(SecondPassword)));

        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal("/recover/done", winner.Headers.Location?.OriginalString);
        var loser = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains(PasswordModel.ChangedMeanwhile, await loser.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var signIns = new[]
        {
            await App.CreateBrowserLikeClient().SignInAsync(userName, FirstPassword),
            await App.CreateBrowserLikeClient().SignInAsync(userName, SecondPassword),
        };
        Assert.Single(signIns, r => r.StatusCode == HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("/recover", "Data.Need", "", "Select what you need help with")]
    [InlineData("/recover", "Data.Need", "Everything", "Select what you need help with")]
    [InlineData("/recover/card", "Data.CardNumber", "", "Enter your card number")]
    [InlineData("/recover/card", "Data.CardNumber", "3712 3456", "Enter a 15-digit card number")]
    [InlineData("/recover/card", "Data.CardId", "12a4", "Card ID must be exactly 4 digits")]
    [InlineData("/recover/address", "Data.Street", "", "Enter the billing street address")]
    [InlineData("/recover/address", "Data.Zip", "ABCDE", "Enter a ZIP code like 10001")]
    public async Task Given_bad_input_on_a_step_Then_the_field_says_what_is_wrong_and_nothing_breaks(string page, string field, string value, string message)
    {
        var client = App.CreateBrowserLikeClient();
        if (page != "/recover")
        {
            await StartAsync(client, "UserId");
        }

        var fields = page switch
        {
            "/recover" => new Dictionary<string, string>(),
            "/recover/card" => new Dictionary<string, string> { ["Data.CardNumber"] = "371234567890013", ["Data.CardId"] = "1234" },
            _ => new Dictionary<string, string> { ["Data.CardNumber"] = "371234567890013", ["Data.Street"] = "1 Main Street", ["Data.Zip"] = "30301" },
        };
        fields[field] = value;

        var response = await client.SubmitFormAsync(page, fields);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Matches($"<span class=\"visually-hidden\">Error:</span> [^<]*{Regex.Escape(message)}", html);
    }

    [Theory]
    [InlineData("", "Enter the 6-digit one-time code")]
    [InlineData("12ab56", CodeModel.FormatMessage)]
    [InlineData("1234567", CodeModel.FormatMessage)]
    public async Task Given_a_badly_typed_code_Then_the_field_says_so_and_it_is_not_counted(string code, string message)
    {
        var account = await App.OpenAsync(mobile: null);
        var client = App.CreateBrowserLikeClient();
        await StartAsync(client, "UserId");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/card", Card(account)), "/recover/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");

        var response = await client.SubmitFormAsync("/recover/code", Code(code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<span class=\"visually-hidden\">Error:</span> {message}", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var failed = 0;
        await App.WithScopeAsync(async services => failed = await services.GetRequiredService<NotificationsDbContext>().OneTimeCodes
            .Where(c => c.CardAccountId == account.CardAccountId).SumAsync(c => c.FailedAttempts, Cancel));
        Assert.Equal(0, failed);
    }

    [Theory]
    [InlineData("", "Enter a password")]
    [InlineData("short", "Password must be 8 characters or more")]
    [InlineData("password123", "Add another word or two")]
    public async Task Given_a_new_password_that_breaks_the_rules_Then_the_field_says_why_and_the_code_is_not_spent(string password, string message)
    {
        var account = await App.OpenAsync(mobile: null);
        var (userName, _) = await App.NewCardholderAsync(OldPassword, account);
        var client = App.CreateBrowserLikeClient();
        await ReachPasswordAsync(client, account, "Password");

        var response = await client.SubmitFormAsync("/recover/password", Password(password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"<span class=\"visually-hidden\">Error:</span> [^<]*{Regex.Escape(message)}", await response.Content.ReadAsStringAsync(Cancel));
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/password", Password(NewPassword)), "/recover/done");
        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, NewPassword);
    }

    [Fact]
    public async Task Given_a_step_opened_without_the_steps_before_it_Then_the_journey_starts_again()
    {
        foreach (var page in new[] { "/recover/card", "/recover/send-code", "/recover/code", "/recover/user-id", "/recover/password", "/recover/no-account", "/recover/done" })
        {
            var response = await App.CreateBrowserLikeClient().GetAsync(page, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/recover?expired=True", response.Headers.Location?.OriginalString);
        }
    }

    private static readonly Dictionary<string, string> ByEmail = new() { ["Data.Channel"] = "Email" };

    private string JourneyCookieName => App.Services.GetRequiredService<RecoveryJourney>().CookieName;

    private (HttpClient Client, CookieContainer Cookies) CreateClientWithCookieJar()
    {
        var cookies = new CookieContainer();
        return (App.CreateDefaultClient(AppAddress, new CookieContainerHandler(cookies)), cookies);
    }

    private string JourneyCookie(CookieContainer cookies) => Assert.IsType<Cookie>(cookies.GetCookies(AppAddress)[JourneyCookieName]).Value;

    private void SetJourneyCookie(CookieContainer cookies, string value) => cookies.Add(AppAddress, new Cookie(JourneyCookieName, value, "/") { Secure = true, HttpOnly = true });

    private Task LockAsync(TestAccount account) =>
        App.WithScopeAsync(services => services.GetRequiredService<SelfServiceLockout>().LockAsync(account.CardAccountId, "test lock", Cancel));

    private async Task ReachPasswordAsync(HttpClient client, TestAccount account, string need) =>
        await ReachAfterCodeAsync(client, account, need, "/recover/password");

    /// <param name="mailBefore">How many messages the account's email had before the journey (the code is the next).</param>
    private static async Task ReachAfterCodeAsync(HttpClient client, TestAccount account, string need, string next, int mailBefore = 0)
    {
        await StartAsync(client, need);
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/card", Card(account)), "/recover/send-code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", ByEmail), "/recover/code");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/code", Code(await CodeForAsync(account.Email!, mailBefore + 1))), next);
    }

    private static async Task<string> CodeForAsync(string email, int count = 1)
    {
        var mail = await MailDrop.WaitForAsync(email, count);
        return SecurityCodes.In(mail.Single(SecurityCodes.IsIn));
    }

    /// <summary>The holder signs in (the new sign-in alert) and saves three security questions (their alert); answers by question text.</summary>
    private async Task<Dictionary<string, string>> SetSecurityQuestionsAsync(string userName)
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, OldPassword);
        await ExpectRedirectAsync(client.SubmitFormAsync("/preferences/security-questions", new Dictionary<string, string>
        {
            ["Data.Question1"] = "first-pet",
            ["Data.Answer1"] = "Biscuit",
            ["Data.Question2"] = "first-car",
            ["Data.Answer2"] = "Ford Escort",
            ["Data.Question3"] = "first-concert",
            ["Data.Answer3"] = "St. Mary's choir",
        }), "/preferences");
        return new()
        {
            ["What was the name of your first pet?"] = "BISCUIT!",
            ["What was the make and model of your first car?"] = "ford-escort",
            ["What was the first concert you went to?"] = "st marys choir",
        };
    }

    /// <summary>How many notifications from <paramref name="template"/> were queued to <paramref name="email"/> (sent or not).</summary>
    private async Task<int> QueuedAsync(string email, string template)
    {
        var count = 0;
        await App.WithScopeAsync(async services =>
            count = await services.GetRequiredService<NotificationsDbContext>().Notifications.CountAsync(n => n.Destination == email && n.Template == template, Cancel));
        return count;
    }

    private static string AskedQuestion(string html, IEnumerable<string> questions) =>
        Assert.Single(questions, q => html.Contains(System.Net.WebUtility.HtmlEncode(q).Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal));

    private async Task<(HttpStatusCode Status, string Html)> CardPageAsync(string number, string cardId)
    {
        var client = App.CreateBrowserLikeClient();
        await StartAsync(client, "Password");
        var response = await client.SubmitFormAsync("/recover/card", new Dictionary<string, string> { ["Data.CardNumber"] = number, ["Data.CardId"] = cardId });
        var html = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, TokenPattern().Replace(html, "TOKEN"));
    }

    /// <summary>Starts a journey for a new password and submits the card's right number and card ID; answers where it went.</summary>
    private async Task<string?> CardDestinationAsync(TestAccount account)
    {
        var client = App.CreateBrowserLikeClient();
        await StartAsync(client, "Password");
        var response = await client.SubmitFormAsync("/recover/card", Card(account));
        return response.Headers.Location?.OriginalString;
    }

    private static async Task AssertSentToSignInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/accounts", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", new Uri(AppAddress, response.Headers.Location!).AbsolutePath);
    }

    private static async Task StartAsync(HttpClient client, string need) =>
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover", new Dictionary<string, string> { ["Data.Need"] = need }), "/recover/card");

    private static async Task ExpectRedirectAsync(Task<HttpResponseMessage> send, string location)
    {
        var response = await send;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"expected a redirect to {location}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    private static Dictionary<string, string> Card(TestAccount account) =>
        new() { ["Data.CardNumber"] = account.CardNumbers[0], ["Data.CardId"] = account.CardIdDigits[0]! };

    private static Dictionary<string, string> Address(string number, string street, string zip) =>
        new() { ["Data.CardNumber"] = number, ["Data.Street"] = street, ["Data.Zip"] = zip };

    private static Dictionary<string, string> Code(string code) => new() { ["Data.Code"] = code };

    private static Dictionary<string, string> Password(string password) => new() { ["Data.Password"] = password };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex TokenPattern();
}

public sealed class RecoveryTestsOnSqlite(SqliteNotificationFixture fixture) : RecoveryTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class RecoveryTestsOnPostgres(PostgresNotificationFixture fixture) : RecoveryTests(fixture), IClassFixture<PostgresNotificationFixture>;
