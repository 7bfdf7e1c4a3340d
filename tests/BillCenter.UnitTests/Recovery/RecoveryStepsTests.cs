using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Recovery.Pages.Recover;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace BillCenter.UnitTests.Recovery;

/// <summary>The recovery journey's table of steps: nothing about the online account shows before the code, and a reset ends it.</summary>
public class RecoveryStepsTests
{
    private static readonly RecoveryJourney Journey = new(new EphemeralDataProtectionProvider(), new ConfigurationBuilder().Build());

    private static readonly string[] AllPages =
    [
        RecoveryJourney.Index, RecoveryJourney.Card, RecoveryJourney.Address, RecoveryJourney.SendCode, RecoveryJourney.Code,
        RecoveryJourney.NoAccount, RecoveryJourney.Question, RecoveryJourney.UserId, RecoveryJourney.Password, RecoveryJourney.Done,
    ];

    private static readonly OnlineAccount Account = new("user-1", "demo.cardholder", "ABCDEF");

    private static VerifiedCard Card(CardStatus status = CardStatus.Active) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "0013", status, Product.Gold, "Gold Card", AccountLinkedToUser: true);

    private static string[] Showing(RecoveryState state) =>
        AllPages.Where(p => p != RecoveryJourney.Index && Journey.MayShow(p, state)).ToArray();

    private static RecoveryState Sent(RecoveryNeed need, CardStatus status = CardStatus.Active)
    {
        var card = RecoveryJourney.CardVerified(RecoveryJourney.Start(need).State, Card(status), RecoveryPath.CardWithCardId);
        return RecoveryJourney.CodeSent(card.State, Guid.NewGuid(), "e•••@example.com").State;
    }

    [Fact]
    public void Given_every_page_of_the_recovery_module_Then_each_is_a_step_of_the_journey()
    {
        var pages = typeof(RecoveryJourney).Assembly.GetTypes()
            .Where(t => t.BaseType == typeof(JourneyPage<RecoveryJourney, RecoveryState>))
            .Select(t => "/Recover/" + t.Name[..^"Model".Length])
            .ToList();

        Assert.Equal(AllPages.Order(), pages.Order());
        Assert.Equal(AllPages.Order(), Journey.Pages.Order());
    }

    [Fact]
    public void Given_the_code_not_yet_entered_Then_neither_the_user_ID_nor_the_password_nor_the_no_account_page_shows()
    {
        Assert.Empty(Showing(new RecoveryState()));
        Assert.Equal([RecoveryJourney.Card, RecoveryJourney.Address], Showing(RecoveryJourney.Start(RecoveryNeed.Both).State));
        Assert.Equal([RecoveryJourney.Card, RecoveryJourney.Address, RecoveryJourney.SendCode, RecoveryJourney.Code], Showing(Sent(RecoveryNeed.Both)));
    }

    [Theory]
    [InlineData(RecoveryNeed.UserId, RecoveryJourney.UserId, new[] { RecoveryJourney.UserId })]
    [InlineData(RecoveryNeed.Password, RecoveryJourney.Password, new[] { RecoveryJourney.Password })]
    [InlineData(RecoveryNeed.Both, RecoveryJourney.UserId, new[] { RecoveryJourney.UserId, RecoveryJourney.Password })]
    public void Given_the_code_entered_Then_only_what_was_asked_for_shows_and_the_code_cannot_be_entered_again(RecoveryNeed need, string next, string[] showing)
    {
        var verified = RecoveryJourney.CodeVerified(Sent(need), Account, null);

        Assert.Equal(next, verified.Page);
        Assert.Equal(showing, Showing(verified.State));
    }

    [Theory]
    [InlineData(RecoveryNeed.UserId, RecoveryJourney.UserId)]
    [InlineData(RecoveryNeed.Password, RecoveryJourney.Password)]
    public void Given_security_questions_set_Then_only_the_question_shows_until_it_is_answered(RecoveryNeed need, string after)
    {
        var asked = RecoveryJourney.CodeVerified(Sent(need), Account, new SecurityQuestionPrompt("first-pet", "What was the name of your first pet?"));

        Assert.Equal(RecoveryJourney.Question, asked.Page);
        Assert.Equal([RecoveryJourney.Question], Showing(asked.State));

        var answered = RecoveryJourney.AnswerAccepted(asked.State);

        Assert.Equal(after, answered.Page);
        Assert.Equal([after], Showing(answered.State));
    }

    [Fact]
    public void Given_no_online_account_Then_only_the_no_account_page_shows()
    {
        var verified = RecoveryJourney.CodeVerified(Sent(RecoveryNeed.Both), null, null);

        Assert.Equal(RecoveryJourney.NoAccount, verified.Page);
        Assert.Equal([RecoveryJourney.NoAccount], Showing(verified.State));
    }

    [Fact]
    public void Given_the_password_reset_Then_only_the_confirmation_shows_and_nothing_about_the_account_is_kept()
    {
        var done = RecoveryJourney.PasswordWasReset(RecoveryJourney.CodeVerified(Sent(RecoveryNeed.Password), Account, null).State);

        Assert.Equal([RecoveryJourney.Done], Showing(done.State));
        Assert.Null(done.State.UserId);
        Assert.Null(done.State.CredentialVersion);
        Assert.Null(done.State.CodeId);
    }

    [Fact]
    public void Given_a_cancelled_card_Then_the_journey_remembers_it_for_the_no_account_page()
    {
        Assert.True(Sent(RecoveryNeed.UserId, CardStatus.Cancelled).CancelledCard);
        Assert.False(Sent(RecoveryNeed.UserId).CancelledCard);
    }
}
