using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BillCenter.SharedKernel.Web.TagHelpers;

/// <summary>
/// <c>&lt;error-summary /&gt;</c>: the GOV.UK error summary ("There is a problem") linking to each field in error.
/// Renders nothing when the form is valid. <c>fields="Data.UserName Data.Password"</c> lists the form's fields in
/// page order, so the summary reads in the same order as the form.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>Space-separated field names in the order they appear on the page.</summary>
    public string? Fields { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var modelState = ViewContext.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("tabindex", "-1");
        // Focused on arrival, with or without JavaScript (site.js focuses it again once the page has loaded).
        output.Attributes.SetAttribute("autofocus", "autofocus");
        output.Attributes.SetAttribute("data-module", "error-summary");

        var list = new System.Text.StringBuilder();
        var order = (Fields ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var inError = modelState.Where(kv => kv.Value is { Errors.Count: > 0 }).Select(kv => (kv.Key, Entry: kv.Value!))
            .OrderBy(e => order.IndexOf(e.Key) is var i && i < 0 ? int.MaxValue : i);
        foreach (var (key, entry) in inError)
        {
            // Usually one message a field; a field may add more (each line of a file with problems), all listed.
            foreach (var error in entry.Errors)
            {
                var message = encoder.Encode(error.ErrorMessage);
                list.Append(string.IsNullOrEmpty(key)
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{encoder.Encode(TagBuilder.CreateSanitizedId(key, "_"))}\">{message}</a></li>");
            }
        }

        output.Content.SetHtmlContent(
            $"<h2 class=\"error-summary__title\" id=\"error-summary-title\">There is a problem</h2><ul class=\"error-summary__list\">{list}</ul>");
    }
}
