using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Tongban.Platform.Web;

/// <summary>
/// <c>&lt;field-error for="Name" /&gt;</c>: the field's own error messages, shown beside it as well as in
/// the error summary. Renders nothing while the field is valid.
/// </summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public string For { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState.TryGetValue(For, out var entry) ? entry.Errors : [];
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", $"{For.Replace('.', '_')}-error");
        output.Content.SetContent(string.Join(" ", errors.Select(e => e.ErrorMessage)));
    }
}

/// <summary><c>&lt;div class="field" error-for="Name"&gt;</c> (or a fieldset) gains <c>has-error</c> while the field has an error.</summary>
[HtmlTargetElement("div", Attributes = "error-for")]
[HtmlTargetElement("fieldset", Attributes = "error-for")]
public sealed class FieldContainerTagHelper : TagHelper
{
    [HtmlAttributeName("error-for")]
    public string ErrorFor { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(ErrorFor, out var entry) && entry.Errors.Count > 0)
        {
            output.AddClass("has-error", HtmlEncoder.Default);
        }
    }
}
