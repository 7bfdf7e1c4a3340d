using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BillCenter.SharedKernel.Web.TagHelpers;

/// <summary>
/// <c>&lt;text-field for="Data.CardNumber" label="Card number" hint="…" autocomplete="cc-number" inputmode="numeric" /&gt;</c>:
/// a labelled input with its hint and inline error, wired with aria-describedby, after the GOV.UK text input.
/// Passwords, and fields marked <c>echo="false"</c> (card numbers, card IDs), are never written back into the page.
/// </summary>
[HtmlTargetElement("text-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextFieldTagHelper(HtmlEncoder encoder) : FormFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    /// <summary>Show the label as the page's h1 (one question per page).</summary>
    public bool LabelIsHeading { get; set; }

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    /// <summary>Width class, in characters: 4, 5, 10, 20 or 30; empty for full width.</summary>
    public int? Width { get; set; }

    public bool Spellcheck { get; set; }

    /// <summary>False for a field whose value must never be written back into the page (a card number or card ID), even after an error.</summary>
    public bool Echo { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = Name;
        var id = Id;
        var error = Error;
        var value = Type == "password" || !Echo ? null : CurrentValue;

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        var label = $"<label class=\"label{(LabelIsHeading ? " label--l" : string.Empty)}\" for=\"{id}\">{encoder.Encode(Label)}</label>";
        html.Append(LabelIsHeading ? $"<h1 class=\"label-wrapper\">{label}</h1>" : label);
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

        html.Append($"<input class=\"input{(Width is { } w ? $" input--width-{w}" : string.Empty)}{(error is null ? string.Empty : " input--error")}\"");
        html.Append($" id=\"{id}\" name=\"{encoder.Encode(name)}\" type=\"{encoder.Encode(Type)}\"");
        if (value is not null)
        {
            html.Append($" value=\"{encoder.Encode(value)}\"");
        }

        if (Autocomplete is not null)
        {
            html.Append($" autocomplete=\"{encoder.Encode(Autocomplete)}\"");
        }

        if (Inputmode is not null)
        {
            html.Append($" inputmode=\"{encoder.Encode(Inputmode)}\"");
        }

        html.Append(Spellcheck ? " spellcheck=\"true\"" : " spellcheck=\"false\"");
        if (describedBy.Count > 0)
        {
            html.Append($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }

        if (error is not null)
        {
            html.Append(" aria-invalid=\"true\"");
        }

        html.Append('>');

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "form-group" : "form-group form-group--error");
        output.Content.SetHtmlContent(html.ToString());
    }
}
