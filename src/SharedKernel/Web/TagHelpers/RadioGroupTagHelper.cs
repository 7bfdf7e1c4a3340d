using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BillCenter.SharedKernel.Web.TagHelpers;

/// <summary>One choice of a radio group: the value posted, its label, and an optional hint.</summary>
public sealed record RadioItem(string Value, string Label, string? Hint = null);

/// <summary>
/// <c>&lt;radio-group for="Data.Kind" legend="…" items="Model.Choices" legend-is-heading="true" /&gt;</c>: a fieldset
/// with a legend, hint, inline error and one labelled radio per item, after the GOV.UK radios.
/// </summary>
[HtmlTargetElement("radio-group", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadioGroupTagHelper(HtmlEncoder encoder) : FormFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public bool LegendIsHeading { get; set; }

    public IEnumerable<RadioItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = Name;
        var id = Id;
        var error = Error;
        var selected = CurrentValue;
        var describedBy = new List<string>();

        var html = new StringBuilder();
        var legend = encoder.Encode(Legend);
        html.Append(LegendIsHeading
            ? $"<legend class=\"fieldset__legend fieldset__legend--l\"><h1 class=\"fieldset__heading\">{legend}</h1></legend>"
            : $"<legend class=\"fieldset__legend\">{legend}</legend>");
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

        html.Append("<div class=\"radios\">");
        var index = 0;
        foreach (var item in Items)
        {
            // The first radio carries the field's id, so the error summary link lands on it.
            var itemId = index++ == 0 ? id : $"{id}-{index}";
            var isChecked = string.Equals(selected, item.Value, StringComparison.Ordinal) ? " checked" : string.Empty;
            var itemHint = item.Hint is null ? string.Empty : $" aria-describedby=\"{itemId}-item-hint\"";
            html.Append("<div class=\"radios__item\">");
            html.Append($"<input class=\"radios__input\" id=\"{itemId}\" name=\"{encoder.Encode(name)}\" type=\"radio\" value=\"{encoder.Encode(item.Value)}\"{isChecked}{itemHint}>");
            html.Append($"<label class=\"label radios__label\" for=\"{itemId}\">{encoder.Encode(item.Label)}</label>");
            if (item.Hint is not null)
            {
                html.Append($"<div id=\"{itemId}-item-hint\" class=\"hint radios__hint\">{encoder.Encode(item.Hint)}</div>");
            }

            html.Append("</div>");
        }

        html.Append("</div>");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "form-group" : "form-group form-group--error");
        var describedByAttribute = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : string.Empty;
        output.Content.SetHtmlContent($"<fieldset class=\"fieldset\"{describedByAttribute}>{html}</fieldset>");
    }
}
