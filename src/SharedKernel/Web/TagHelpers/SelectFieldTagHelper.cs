using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BillCenter.SharedKernel.Web.TagHelpers;

/// <summary>One choice of a select: the value posted and its words.</summary>
public sealed record SelectItem(string Value, string Text);

/// <summary>
/// <c>&lt;select-field for="Data.State" label="State" items="Model.States" placeholder="Select a state" /&gt;</c>: a labelled
/// select with its hint and inline error, wired with aria-describedby, after the GOV.UK select. The placeholder is an
/// empty first choice, so nothing is chosen for the cardholder.
/// </summary>
[HtmlTargetElement("select-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectFieldTagHelper(HtmlEncoder encoder) : FormFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public IEnumerable<SelectItem> Items { get; set; } = [];

    /// <summary>The words of the empty first choice; none when null.</summary>
    public string? Placeholder { get; set; }

    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var id = Id;
        var error = Error;
        var selected = CurrentValue;
        var describedBy = new List<string>();

        var html = new StringBuilder();
        html.Append($"<label class=\"label\" for=\"{id}\">{encoder.Encode(Label)}</label>");
        if (!string.IsNullOrEmpty(Hint))
        {
            html.Append($"<div id=\"{id}-hint\" class=\"hint\">{encoder.Encode(Hint)}</div>");
            describedBy.Add($"{id}-hint");
        }

        if (error is not null)
        {
            html.Append($"<p id=\"{id}-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> {encoder.Encode(error)}</p>");
            describedBy.Add($"{id}-error");
        }

        html.Append($"<select class=\"select{(error is null ? string.Empty : " select--error")}\" id=\"{id}\" name=\"{encoder.Encode(Name)}\"");
        if (Autocomplete is not null)
        {
            html.Append($" autocomplete=\"{encoder.Encode(Autocomplete)}\"");
        }

        if (describedBy.Count > 0)
        {
            html.Append($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }

        html.Append(error is null ? ">" : " aria-invalid=\"true\">");
        if (Placeholder is not null)
        {
            html.Append($"<option value=\"\">{encoder.Encode(Placeholder)}</option>");
        }

        foreach (var item in Items)
        {
            var isSelected = string.Equals(selected, item.Value, StringComparison.Ordinal) ? " selected" : string.Empty;
            html.Append($"<option value=\"{encoder.Encode(item.Value)}\"{isSelected}>{encoder.Encode(item.Text)}</option>");
        }

        html.Append("</select>");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "form-group" : "form-group form-group--error");
        output.Content.SetHtmlContent(html.ToString());
    }
}
