using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BillCenter.SharedKernel.Web.TagHelpers;

/// <summary>
/// A <c>&lt;form method="post"&gt;</c> without an action posts to the page's own address without its fragment. A form
/// with no action would post to the whole address, fragment included (e.g. <c>#main-content</c> after the skip link),
/// and the fragment would then take the focus that belongs to the error summary of a failed post.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class PostFormTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>After the framework's form tag helper, which writes the action of <c>asp-page</c> forms.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.ContainsName("action")
            || !string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var request = ViewContext.HttpContext.Request;
        output.Attributes.SetAttribute("action", UriHelper.BuildRelative(request.PathBase, request.Path, request.QueryString));
    }
}
