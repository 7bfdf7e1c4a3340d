using BillCenter.Modules.Enrollment.Flow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

/// <summary>What every step of the journey shares: the journey's state, and a way back to the start when it is missing.</summary>
public abstract class EnrollmentPage : PageModel
{
    private EnrollmentFlow Flow => HttpContext.RequestServices.GetRequiredService<EnrollmentFlow>();

    internal EnrollmentState State { get; private set; } = new();

    /// <summary>Whether this step may be shown with the journey as it is (otherwise: back to the start).</summary>
    internal abstract bool CanShow(EnrollmentState state);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        State = Flow.Load(HttpContext);
        if (!CanShow(State))
        {
            context.Result = RedirectToPage("/Enroll/Index", new { expired = true });
        }
    }

    internal void Save(EnrollmentState state)
    {
        State = state;
        Flow.Save(HttpContext, state);
    }

    internal void Clear() => Flow.Clear(HttpContext);

    /// <summary>The card checked out: remember which account (never the number), then on to the code.</summary>
    internal IActionResult CardVerified(Accounts.Contracts.VerifiedCard card)
    {
        Save(new EnrollmentState
        {
            Path = State.Path,
            CardAccountId = card.CardAccountId,
            Last4 = card.Last4,
            ProductName = card.ProductName,
            AlreadyEnrolled = card.AccountLinkedToUser,
        });
        return RedirectToPage("SendCode");
    }

    /// <summary>
    /// A failed card check: one message for every reason, at the first field, and the fields emptied so the page
    /// is the same whatever was typed.
    /// </summary>
    protected IActionResult UniformFailure(string firstField, string message, params string[] clearFields)
    {
        foreach (var field in clearFields)
        {
            ModelState.Remove(field);
            ModelState.SetModelValue(field, rawValue: null, attemptedValue: string.Empty);
        }

        ModelState.AddModelError(firstField, message);
        return Page();
    }
}
