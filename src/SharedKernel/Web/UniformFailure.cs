using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BillCenter.SharedKernel.Web;

/// <summary>
/// A failed identity check (card, card ID, address, code) answers with one message whatever the reason, and
/// empties the fields, so the page is the same whatever was typed and reveals nothing about which detail was wrong.
/// </summary>
public static class UniformFailure
{
    /// <summary>
    /// What every failed card check adds: what more failures do and whom to call, never how many tries this card has left.
    /// </summary>
    public const string AfterMoreFailures = "After several failed tries, online checks for this card are paused for up to 24 hours. If you need help, call the number on the back of your card.";

    public static void AddUniformFailure(this ModelStateDictionary modelState, string field, string message, params string[] clearFields)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(clearFields);
        foreach (var clear in clearFields)
        {
            modelState.Remove(clear);
            modelState.SetModelValue(clear, rawValue: null, attemptedValue: string.Empty);
        }

        modelState.AddModelError(field, message);
    }
}
