using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Preferences.Domain;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Web.TagHelpers;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Preferences.Pages.Preferences.Address;

/// <summary>
/// The billing address of one card account, changed through the Accounts contract: from then on it is the address the
/// card checks of enrollment and recovery compare with. It is used to prove who someone is, so it asks for the password
/// again after 5 minutes, and the contacts on file get a security alert.
/// </summary>
[Authorize]
[RequireRecentPassword]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Heading = "Your billing address";

    public const string SavedKey = "preferences.address.saved";

    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid CardAccountId { get; set; }

    /// <summary>The card account whose address this is.</summary>
    public AccountDetails? Account { get; private set; }

    public IReadOnlyList<SelectItem> States { get; } = [.. UsState.All.Select(s => new SelectItem(s.Code, s.Name))];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public static string SavedMessage(string last4) =>
        $"Your billing address for the card ending {last4} is changed. We sent a security alert to your contact details.";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindAccountAsync(cancellationToken))
        {
            return NotFound();
        }

        var address = Account!.BillingAddress;
        Data.Line1 = address.Line1;
        Data.Line2 = address.Line2;
        Data.City = address.City;
        Data.State = address.State;
        Data.Zip = address.Zip.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Ownership first: another user's account is not found, whatever the form holds.
        if (!await FindAccountAsync(cancellationToken))
        {
            return NotFound();
        }

        Data.UserId = UserId;
        Data.CardAccountId = CardAccountId;
        if (await mediator.Send(Data, cancellationToken) != AccountDetailsOutcome.Changed)
        {
            return NotFound();
        }

        TempData[SavedKey] = SavedMessage(Account!.Last4);
        return RedirectToPage("/Preferences/Index");
    }

    private async Task<bool> FindAccountAsync(CancellationToken cancellationToken)
    {
        Account = (await mediator.Send(new GetAccountDetails(UserId, CardAccountId), cancellationToken)).SingleOrDefault();
        return Account is not null;
    }

    /// <summary>The new billing address as typed.</summary>
    public sealed class Command : IRequest<AccountDetailsOutcome>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        public Guid CardAccountId { get; set; }

        public string? Line1 { get; set; }

        public string? Line2 { get; set; }

        public string? City { get; set; }

        public string? State { get; set; }

        public string? Zip { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public const int MaxLineLength = 100;

        public const int MaxCityLength = 60;

        public Validator()
        {
            RuleFor(c => c.Line1).Cascade(CascadeMode.Stop)
                .Must(HasLetterOrDigit).WithMessage("Enter the street address")
                .MaximumLength(MaxLineLength).WithMessage($"Address line 1 must be {MaxLineLength} characters or fewer");
            RuleFor(c => c.Line2)
                .MaximumLength(MaxLineLength).WithMessage($"Address line 2 must be {MaxLineLength} characters or fewer");
            RuleFor(c => c.City).Cascade(CascadeMode.Stop)
                .Must(HasLetterOrDigit).WithMessage("Enter the city")
                .MaximumLength(MaxCityLength).WithMessage($"City must be {MaxCityLength} characters or fewer")
                .Matches(@"^[\p{L} .'\-]+$").WithMessage("City must only include letters, spaces, hyphens, apostrophes and periods");
            RuleFor(c => c.State).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select the state")
                .Must(s => UsState.Find(s) is not null).WithMessage("Select the state from the list");
            RuleFor(c => c.Zip).ValidZip();
        }

        private static bool HasLetterOrDigit(string? text) => text is not null && text.Any(char.IsLetterOrDigit);
    }

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, AccountDetailsOutcome>
    {
        public Task<AccountDetailsOutcome> Handle(Command request, CancellationToken cancellationToken)
        {
            ZipCode.TryParse(request.Zip, out var zip);
            return mediator.Send(new ChangeBillingAddress(request.CardAccountId, request.UserId,
                new BillingAddress(request.Line1!.Trim(), string.IsNullOrWhiteSpace(request.Line2) ? null : request.Line2.Trim(), request.City!.Trim(),
                    UsState.Find(request.State)!.Code, zip)), cancellationToken);
        }
    }
}
