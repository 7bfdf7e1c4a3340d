using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web.Journeys;
using BillCenter.SharedKernel.Web.TagHelpers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Recovery.Pages.Recover;

/// <summary>Where to send the one-time code: only contact details already on file, shown masked; never anything typed here.</summary>
[AllowAnonymous]
[RateLimitedStep(SecurityStep.SendCode)]
public sealed class SendCodeModel(IMediator mediator) : JourneyPage<RecoveryJourney, RecoveryState>
{
    [BindProperty]
    public Form Data { get; set; } = new();

    public IReadOnlyList<RadioItem> Choices { get; private set; } = [];

    /// <summary>With a single contact on file: where the code goes, for example "your email j***@example.com".</summary>
    public string? OnlyDestination { get; private set; }

    public string Heading => Choices.Count == 0
        ? "We cannot send you a one-time code"
        : OnlyDestination is null ? "Where should we send your one-time code?" : "Get a one-time code";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (!Enum.TryParse<NotificationChannel>(Data.Channel, out var channel) || Choices.All(c => c.Value != Data.Channel))
        {
            ModelState.AddModelError("Data.Channel", "Select where to send the code");
            return Page();
        }

        var sent = await mediator.Send(new SendOneTimeCode(RecoveryJourney.Purpose, State.CardAccountId!.Value, channel), cancellationToken);
        if (!sent.Sent)
        {
            ModelState.AddModelError("Data.Channel", sent.Problem ?? "We could not send a code. Try again");
            return Page();
        }

        return Go(RecoveryJourney.CodeSent(State, sent.CodeId!.Value, sent.MaskedDestination!, onlyDestination: Choices.Count == 1));
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var destinations = await mediator.Send(new GetCodeDestinations(State.CardAccountId!.Value), cancellationToken);
        Choices = destinations.Select(d => new RadioItem(d.Channel.ToString(), d.ChoiceLabel)).ToList();
        Data.Channel ??= Choices.Count == 1 ? Choices[0].Value : null;
        OnlyDestination = destinations.Count == 1 ? destinations[0].InSentence : null;
    }

    public sealed class Form
    {
        public string? Channel { get; set; }
    }
}
