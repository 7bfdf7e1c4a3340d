using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using BillCenter.SharedKernel.Web.Journeys;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

[AllowAnonymous]
[RateLimitedStep(SecurityStep.EnterCode)]
[RateLimitedStep(SecurityStep.SendCode, Handler = "Resend")]
public sealed class CodeModel(IMediator mediator) : JourneyPage<EnrollmentJourney, EnrollmentState>
{
    private const string ResentKey = "enroll.code.resent";

    /// <summary>The answer to a code that is not 6 digits: a typing slip, never counted as a wrong code.</summary>
    public const string FormatMessage = "Enter the 6-digit one-time code we sent you, using numbers only";

    [BindProperty]
    public Form Data { get; set; } = new();

    /// <summary>Shown once, on the page after a new code was sent.</summary>
    public string? Resent { get; private set; }

    public void OnGet() => Resent = TempData[ResentKey] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Data.Code))
        {
            ModelState.AddModelError("Data.Code", "Enter the 6-digit one-time code");
            return Page();
        }

        // A typing slip is not a guess: only exactly 6 digits (spaces aside) are checked, and so counted if wrong.
        var code = string.Concat(Data.Code.Where(c => !char.IsWhiteSpace(c)));
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError("Data.Code", FormatMessage);
            return Page();
        }

        var check = await mediator.Send(new VerifyOneTimeCode(State.CodeId!.Value, State.CardAccountId!.Value, SendCodeModel.Purpose, code), cancellationToken);
        if (!check.IsValid)
        {
            ModelState.AddUniformFailure("Data.Code", check.Message, "Data.Code");
            return Page();
        }

        return Go(EnrollmentJourney.CodeVerified(State));
    }

    /// <summary>Sends a new code, then shows this page again at its own address (post/redirect/get).</summary>
    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var sent = await mediator.Send(new ResendOneTimeCode(State.CodeId!.Value), cancellationToken);
        if (!sent.Sent)
        {
            ModelState.AddModelError("Data.Code", sent.Problem ?? "We could not send a new code");
            return Page();
        }

        TempData[ResentKey] = $"We sent a new code to {sent.MaskedDestination}. The previous code no longer works.";
        return Go(EnrollmentJourney.CodeSent(State, sent.CodeId ?? State.CodeId!.Value, sent.MaskedDestination ?? State.CodeSentTo!));
    }

    public sealed class Form
    {
        public string? Code { get; set; }
    }
}
