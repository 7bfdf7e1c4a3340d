using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BillCenter.SharedKernel.Web.TagHelpers;

/// <summary>What every form field tag helper shares: the bound expression, its hint, its id and its first error.</summary>
public abstract class FormFieldTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    public string? Hint { get; set; }

    protected string Name => For.Name;

    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "_");

    /// <summary>The value to show: what was typed (even if invalid), else the model's value.</summary>
    protected string? CurrentValue =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : For.Model?.ToString();

    protected string? Error =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
