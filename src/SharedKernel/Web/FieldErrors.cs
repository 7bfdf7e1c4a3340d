using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BillCenter.SharedKernel.Web;

/// <summary>The one way a handler's field errors reach a page's ModelState (and so the field and the error summary).</summary>
public static class FieldErrors
{
    /// <summary>
    /// Adds each error under "<paramref name="prefix"/>.Field" (the page's bound property, e.g. "Data"), or under the
    /// form-level key "" when the error names no field. A field that already shows an error keeps only its first.
    /// </summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? string.Empty
                : string.IsNullOrEmpty(prefix) ? error.Field
                : $"{prefix}.{error.Field}";
            if (key.Length > 0 && modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            modelState.AddModelError(key, error.Message);
        }
    }
}
