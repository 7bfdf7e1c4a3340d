using BillCenter.Host.DemoData;
using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// Signed-in by default: every page needs a signed-in user unless it says <c>[AllowAnonymous]</c>, and every page that
/// needs one, like every card-data form, is never stored (<c>Cache-Control: no-store</c>). The pages are discovered
/// from the app's endpoints, so a new page is covered the day it is added.
/// </summary>
public abstract class PageAccessTests(AppFixture fixture)
{
    /// <summary>The pages anyone may open. Adding one here is a deliberate decision.</summary>
    private static readonly string[] AnonymousPages =
    [
        "/",
        "/accessibility",
        "/activate",
        "/activate/done",
        "/contact",
        "/enroll",
        "/enroll/account",
        "/enroll/already-enrolled",
        "/enroll/card",
        "/enroll/check",
        "/enroll/code",
        "/enroll/credentials",
        "/enroll/done",
        "/enroll/send-code",
        "/error",
        "/privacy",
        "/recover",
        "/recover/address",
        "/recover/card",
        "/recover/code",
        "/recover/done",
        "/recover/no-account",
        "/recover/password",
        "/recover/question",
        "/recover/send-code",
        "/recover/user-id",
        "/security",
        "/sign-in",
        "/sign-in/code",
        "/sign-out",
        "/status/{code:int}",
    ];

    /// <summary>The anonymous pages whose forms take card data.</summary>
    private static readonly string[] CardDataForms = ["/activate", "/enroll/account", "/enroll/card", "/recover/address", "/recover/card"];

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IReadOnlyList<RouteEndpoint> Pages =>
    [
        .. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            // A page has one endpoint per route ("/" and "/Index" for the home page): the shortest stands for it.
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
            .Select(routes => routes.MinBy(e => e.RoutePattern.RawText?.Length ?? 0)!),
    ];

    private static string Route(RouteEndpoint page) => "/" + page.RoutePattern.RawText?.TrimStart('/');

    /// <summary>The page's address: a card account's pages for <paramref name="cardAccountId"/>, a statement's page for <paramref name="statementId"/>.</summary>
    private static string Path(RouteEndpoint page, Guid? cardAccountId = null, Guid? statementId = null, Guid? paymentId = null) =>
        System.Text.RegularExpressions.Regex.Replace(
            Route(page).Replace("{code:int}", "404", StringComparison.Ordinal).Replace("{statement:guid}", (statementId ?? Guid.NewGuid()).ToString(), StringComparison.Ordinal)
                .Replace("{paymentId:guid}", (paymentId ?? Guid.NewGuid()).ToString(), StringComparison.Ordinal),
            @"\{[^}]+\}",
            (cardAccountId ?? Guid.NewGuid()).ToString());

    [Fact]
    public void Given_the_app_s_pages_Then_exactly_the_expected_ones_allow_anonymous_visitors()
    {
        Assert.True(Pages.Count > AnonymousPages.Length, "the signed-in pages are discovered too");
        Assert.Equal(AnonymousPages, Pages.Where(p => p.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Route).Order(StringComparer.Ordinal));
        Assert.Equal(CardDataForms, Pages.Where(p => p.Metadata.GetMetadata<CardDataFormAttribute>() is not null).Select(Route).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Given_an_anonymous_visitor_Then_every_page_without_AllowAnonymous_sends_them_to_sign_in()
    {
        var client = App.CreateBrowserLikeClient();
        var signedInPages = Pages.Where(p => p.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.NotEmpty(signedInPages);

        foreach (var page in signedInPages)
        {
            var response = await client.GetAsync(Path(page), Cancel);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{Path(page)} answered {response.StatusCode}");
            Assert.Equal("/sign-in", response.Headers.Location?.AbsolutePath);
        }
    }

    [Fact]
    public async Task Given_an_anonymous_visitor_Then_the_anonymous_pages_status_pages_and_health_checks_answer_without_sign_in()
    {
        var client = App.CreateBrowserLikeClient();

        foreach (var path in new[] { "/", "/sign-in", "/sign-out", "/activate", "/enroll", "/error", "/status/404", "/health/live", "/health/ready" })
        {
            var response = await client.GetAsync(path, Cancel);

            Assert.True(response.Headers.Location?.AbsolutePath != "/sign-in", $"{path} sent an anonymous visitor to sign in");
        }

        var unknown = await client.GetAsync("/no/such/page", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>Signed-in pages that are a step of a journey, and where they send a visitor who has not started it.</summary>
    private static readonly Dictionary<string, string> JourneySteps = new(StringComparer.Ordinal)
    {
        ["/preferences/contact-code"] = "/preferences",
    };

    [Fact]
    public async Task Given_an_admin_signed_in_Then_every_signed_in_page_answers_no_store()
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInAsAdminAsync(App);
        var signedInPages = Pages.Where(p => p.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        // Pages of one card account (e.g. /preferences/statements/{cardAccountId}) show only the user's own: give the admin one, with a statement.
        var account = await App.OpenAsync(transactionsPerCard: 1);
        var statementId = await App.SendAsync(new BillCenter.Modules.Accounts.Contracts.CloseStatement(account.CardAccountId, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-6)));
        await App.WithScopeAsync(async services =>
        {
            var admin = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BillCenter.Modules.Users.Domain.BillCenterUser>>().FindByNameAsync(DemoData.AdminUserId);
            Assert.Equal(BillCenter.Modules.Accounts.Contracts.LinkOutcome.Linked, await services.GetRequiredService<MediatR.IMediator>().Send(new BillCenter.Modules.Accounts.Contracts.LinkAccountToUser(account.CardAccountId, admin!.Id), Cancel));
        });

        // Pages of one payment show only the user's own, and change and cancel only before its cut-off: give the admin one a week ahead.
        var paymentId = Guid.Empty;
        await App.WithScopeAsync(async services =>
        {
            var mediator = services.GetRequiredService<MediatR.IMediator>();
            var adminId = (await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BillCenter.Modules.Users.Domain.BillCenterUser>>().FindByNameAsync(DemoData.AdminUserId))!.Id;
            var bankAccountId = await mediator.Send(new BillCenter.Modules.Payments.Contracts.AddBankAccount(adminId, IsSavings: false, "Admin Holder", "011000015", "44556677"), Cancel);
            var db = services.GetRequiredService<BillCenter.Modules.Payments.Data.PaymentsDbContext>();
            var payment = new BillCenter.Modules.Payments.Domain.Payment
            {
                UserId = adminId, CardAccountId = account.CardAccountId, BankAccountId = bankAccountId, Amount = BillCenter.SharedKernel.Money.Money.FromDecimal(10m),
                PayOn = BillCenter.SharedKernel.Calendar.BusinessDays.OnOrAfter(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7)),
                ConfirmationNumber = BillCenter.Modules.Payments.Domain.ConfirmationNumbers.New(), IdempotencyKey = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow,
            };
            db.Payments.Add(payment);
            await db.SaveChangesAsync(Cancel);
            paymentId = payment.Id;
        });

        foreach (var page in signedInPages)
        {
            var response = await client.GetAsync(Path(page, account.CardAccountId, statementId, paymentId), Cancel);
            if (JourneySteps.TryGetValue(Path(page), out var start))
            {
                // A step of a journey that was not started sends the visitor to where it starts (its own tests visit it in the journey).
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Split('?')[0] == start,
                    $"{Path(page)} answered {response.StatusCode} to {response.Headers.Location} without its journey");
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Path(page)} answered {response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{Path(page)} answered Cache-Control: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task Given_a_signed_in_page_answering_without_a_form_Then_it_is_no_store_too()
    {
        // Pages that render a form get "no-cache, no-store" from antiforgery anyway; the rule must not depend on that.
        var client = App.CreateBrowserLikeClient();
        await client.SignInAsAdminAsync(App);

        var retried = await client.SubmitFormAsync("/admin/notifications", $"/admin/notifications?handler=Retry&id={Guid.Empty}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.True(retried.Headers.CacheControl?.NoStore == true, $"Cache-Control: {retried.Headers.CacheControl}");
    }

    [Fact]
    public async Task Given_a_card_data_form_Then_its_answers_are_no_store_whatever_they_are()
    {
        var client = App.CreateBrowserLikeClient();

        foreach (var page in Pages.Where(p => p.Metadata.GetMetadata<CardDataFormAttribute>() is not null))
        {
            // The form itself, and the answer without a journey (a redirect to its first step).
            var response = await client.GetAsync(Path(page), Cancel);

            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{Path(page)} answered {response.StatusCode} with Cache-Control: {response.Headers.CacheControl}");
        }

        var form = await client.GetAsync("/activate", Cancel);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.True(form.Headers.CacheControl?.NoStore == true);
    }

    [Fact]
    public async Task Given_an_anonymous_page_without_card_data_Then_it_may_be_cached()
    {
        var response = await App.CreateBrowserLikeClient().GetAsync("/enroll/done", Cancel);

        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}

public sealed class PageAccessTestsOnSqlite(SqliteFixture fixture) : PageAccessTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PageAccessTestsOnPostgres(PostgresFixture fixture) : PageAccessTests(fixture), IClassFixture<PostgresFixture>;
