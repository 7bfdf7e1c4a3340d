using BillCenter.Modules.Enrollment.Flow;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

public sealed class AccountModel(IMediator mediator) : EnrollmentPage
{
    public const string Failure = "We could not find an account with those details. Check the card number, billing street address and ZIP code and try again.";

    [BindProperty]
    public Form Data { get; set; } = new();

    internal override bool CanShow(EnrollmentState state) => state.Path == EnrollmentPath.AccountWithoutCardId;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var check = await mediator.Send(new CheckAccountByAddress(Data.CardNumber, Data.Street, Data.Zip), cancellationToken);
        return check.Card is { } card
            ? CardVerified(card)
            : UniformFailure("Data.CardNumber", Failure, "Data.CardNumber", "Data.Street", "Data.Zip");
    }

    public sealed class Form
    {
        public string? CardNumber { get; set; }

        public string? Street { get; set; }

        public string? Zip { get; set; }
    }
}
