using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Enrollment.Pages.Enroll;
using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace BillCenter.UnitTests.Enrollment;

/// <summary>The enrollment journey's table of steps: which page may show after which transition.</summary>
public class EnrollmentStepsTests
{
    private static readonly EnrollmentJourney Journey = new(new EphemeralDataProtectionProvider(), new ConfigurationBuilder().Build());

    private static readonly string[] AllPages =
    [
        EnrollmentJourney.Index, EnrollmentJourney.Card, EnrollmentJourney.Account, EnrollmentJourney.SendCode, EnrollmentJourney.Code,
        EnrollmentJourney.AlreadyEnrolled, EnrollmentJourney.Credentials, EnrollmentJourney.Check, EnrollmentJourney.Done,
    ];

    private static VerifiedCard Card(bool enrolled) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "0013", CardStatus.Active, Product.Gold, "Gold Card", enrolled);

    /// <summary>The pages besides the first that may show in <paramref name="state"/>.</summary>
    private static string[] Showing(EnrollmentState state) =>
        AllPages.Where(p => p != EnrollmentJourney.Index && Journey.MayShow(p, state)).ToArray();

    [Fact]
    public void Given_every_page_of_the_enrollment_module_Then_each_is_a_step_of_the_journey()
    {
        var pages = typeof(EnrollmentJourney).Assembly.GetTypes()
            .Where(t => t.BaseType == typeof(JourneyPage<EnrollmentJourney, EnrollmentState>))
            .Select(t => "/Enroll/" + t.Name[..^"Model".Length])
            .ToList();

        Assert.Equal(AllPages.Order(), pages.Order());
        Assert.Equal(AllPages.Order(), Journey.Pages.Order());
    }

    [Fact]
    public void Given_a_new_journey_Then_only_the_chosen_path_shows()
    {
        Assert.Equal([EnrollmentJourney.Card], Showing(EnrollmentJourney.Start(EnrollmentPath.CardWithCardId).State));
        Assert.Equal([EnrollmentJourney.Account], Showing(EnrollmentJourney.Start(EnrollmentPath.AccountWithoutCardId).State));
        Assert.Empty(Showing(new EnrollmentState()));
    }

    [Fact]
    public void Given_the_journey_walked_to_the_end_Then_each_step_opens_only_the_next_and_the_end_replays_nothing()
    {
        var start = EnrollmentJourney.Start(EnrollmentPath.CardWithCardId);
        var card = EnrollmentJourney.CardVerified(start.State, Card(enrolled: false));
        Assert.Equal(EnrollmentJourney.SendCode, card.Page);
        Assert.Equal([EnrollmentJourney.Card, EnrollmentJourney.SendCode], Showing(card.State));

        var sent = EnrollmentJourney.CodeSent(card.State, Guid.NewGuid(), "e•••@example.com");
        Assert.Equal([EnrollmentJourney.Card, EnrollmentJourney.SendCode, EnrollmentJourney.Code], Showing(sent.State));

        var verified = EnrollmentJourney.CodeVerified(sent.State);
        Assert.Equal(EnrollmentJourney.Credentials, verified.Page);
        Assert.DoesNotContain(EnrollmentJourney.AlreadyEnrolled, Showing(verified.State));
        Assert.DoesNotContain(EnrollmentJourney.Check, Showing(verified.State));

        var chosen = EnrollmentJourney.CredentialsChosen(verified.State, "new.user", "AQAAAAIAAYagAAAAEHashOfAPassword");
        Assert.Contains(EnrollmentJourney.Check, Showing(chosen.State));
        // A user ID taken meanwhile keeps the chosen password's hash (no typing it again); creating re-checks the user ID.
        Assert.Equal("AQAAAAIAAYagAAAAEHashOfAPassword", EnrollmentJourney.UserIdTaken(chosen.State).PasswordHash);

        var created = EnrollmentJourney.Created(chosen.State);
        Assert.Equal(EnrollmentJourney.Done, created.Page);
        Assert.Equal([EnrollmentJourney.Done], Showing(created.State));
        Assert.Null(created.State.PasswordHash);
        Assert.Null(created.State.UserName);
    }

    [Fact]
    public void Given_a_card_that_already_has_an_online_account_Then_that_shows_only_after_the_code()
    {
        var card = EnrollmentJourney.CardVerified(EnrollmentJourney.Start(EnrollmentPath.CardWithCardId).State, Card(enrolled: true));
        var sent = EnrollmentJourney.CodeSent(card.State, Guid.NewGuid(), "e•••@example.com");
        Assert.DoesNotContain(EnrollmentJourney.AlreadyEnrolled, Showing(sent.State));

        var verified = EnrollmentJourney.CodeVerified(sent.State);

        Assert.Equal(EnrollmentJourney.AlreadyEnrolled, verified.Page);
        Assert.Contains(EnrollmentJourney.AlreadyEnrolled, Showing(verified.State));
        Assert.DoesNotContain(EnrollmentJourney.Credentials, Showing(verified.State));
    }

    [Fact]
    public void Given_an_enrollment_that_lost_the_race_Then_it_may_no_longer_create_an_account()
    {
        var chosen = EnrollmentJourney.CredentialsChosen(
            EnrollmentJourney.CodeVerified(EnrollmentJourney.CodeSent(EnrollmentJourney.CardVerified(new EnrollmentState { Path = EnrollmentPath.CardWithCardId }, Card(false)).State, Guid.NewGuid(), "x").State).State,
            "racer",
            "AQAAAAIAAYagAAAAEHashOfAPassword");

        var lost = EnrollmentJourney.EnrolledMeanwhile(chosen.State);

        Assert.Equal(EnrollmentJourney.AlreadyEnrolled, lost.Page);
        Assert.DoesNotContain(EnrollmentJourney.Check, Showing(lost.State));
        Assert.Null(lost.State.PasswordHash);
    }
}
