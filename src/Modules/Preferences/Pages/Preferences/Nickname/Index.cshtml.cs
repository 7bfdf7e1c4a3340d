using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Preferences.Pages.Preferences.Nickname;

/// <summary>The cardholder's own name for one card account, shown next to the product name on the summary; empty clears it.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Heading = "Account nickname";

    public const string SavedKey = "preferences.nickname.saved";

    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid CardAccountId { get; set; }

    /// <summary>The card account being named.</summary>
    public AccountDetails? Account { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public static string SavedMessage(string last4, bool removed) =>
        removed ? $"The nickname of the card ending {last4} is removed." : $"The nickname of the card ending {last4} is saved.";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindAccountAsync(cancellationToken))
        {
            return NotFound();
        }

        Data.Nickname = Account!.Nickname;
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

        TempData[SavedKey] = SavedMessage(Account!.Last4, string.IsNullOrWhiteSpace(Data.Nickname));
        return RedirectToPage("/Preferences/Index");
    }

    private async Task<bool> FindAccountAsync(CancellationToken cancellationToken)
    {
        Account = (await mediator.Send(new GetAccountDetails(UserId, CardAccountId), cancellationToken)).SingleOrDefault();
        return Account is not null;
    }

    /// <summary>The nickname as typed; empty removes it.</summary>
    public sealed class Command : IRequest<AccountDetailsOutcome>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        public Guid CardAccountId { get; set; }

        public string? Nickname { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        /// <summary>Letters, digits, spaces and the punctuation of everyday names ("Mom's card", "Travel & dining #2").</summary>
        public const string AllowedPunctuation = ". , ' - & ( ) # / ! ?";

        public Validator()
        {
            RuleFor(c => c.Nickname).Cascade(CascadeMode.Stop)
                .Must(n => (n?.Trim().Length ?? 0) <= SetAccountNickname.MaxLength)
                .WithMessage($"Nickname must be {SetAccountNickname.MaxLength} characters or fewer")
                .Matches(@"^[\p{L}\p{Nd} .,'\-&()#/!?]*$")
                .WithMessage($"Nickname must only include letters, numbers, spaces and these marks: {AllowedPunctuation}");
        }
    }

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, AccountDetailsOutcome>
    {
        public Task<AccountDetailsOutcome> Handle(Command request, CancellationToken cancellationToken) =>
            mediator.Send(new SetAccountNickname(request.CardAccountId, request.UserId, request.Nickname), cancellationToken);
    }
}
