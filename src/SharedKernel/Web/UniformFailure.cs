using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BillCenter.SharedKernel.Web;

/// <summary>
/// A failed identity check (card, card ID, address, code) answers with one message whatever the reason, and
/// empties the fields, so the page is the same whatever was typed and reveals nothing about which detail was wrong.
/// </summary>
public static class UniformFailure
{
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
