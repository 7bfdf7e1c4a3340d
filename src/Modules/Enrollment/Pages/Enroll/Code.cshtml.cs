using BillCenter.Modules.Enrollment.Flow;
using BillCenter.Modules.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

public sealed class CodeModel(IMediator mediator) : EnrollmentPage
{
    [BindProperty]
    public Form Data { get; set; } = new();

    public string? Resent { get; private set; }

    internal override bool CanShow(EnrollmentState state) => state.CardVerified && state.CodeId is not null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Data.Code))
        {
            ModelState.AddModelError("Data.Code", "Enter the 6-digit security code");
            return Page();
        }

        var check = await mediator.Send(new VerifyOneTimeCode(State.CodeId!.Value, SendCodeModel.Purpose, Data.Code), cancellationToken);
        if (!check.IsValid)
        {
            ModelState.Remove("Data.Code");
            ModelState.SetModelValue("Data.Code", null, string.Empty);
            ModelState.AddModelError("Data.Code", check.Message);
            return Page();
        }

        Save(State with { CodeVerified = true });

        // Only now, after the code, may the cardholder learn that the card already has an online account.
        return RedirectToPage(State.AlreadyEnrolled ? "AlreadyEnrolled" : "Credentials");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var sent = await mediator.Send(new ResendOneTimeCode(State.CodeId!.Value), cancellationToken);
        if (!sent.Sent)
        {
            ModelState.AddModelError("Data.Code", sent.Problem ?? "We could not send a new code");
            return Page();
        }

        Resent = $"We sent a new code to {sent.MaskedDestination}. The previous code no longer works.";
        return Page();
    }

    public sealed class Form
    {
        public string? Code { get; set; }
    }
}
