using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Tongban.Modules.Catalog.Pages.Admin;

public static class FieldRendering
{
    /// <summary>Renders the field with its partial: <c>@await Html.FieldAsync(new TextField(...))</c>.</summary>
    public static Task<IHtmlContent> FieldAsync(this IHtmlHelper html, Field field) => html.PartialAsync(
        field switch
        {
            TextField => "/Modules/Catalog/Pages/Admin/_TextField.cshtml",
            CheckField => "/Modules/Catalog/Pages/Admin/_CheckField.cshtml",
            ChoiceField => "/Modules/Catalog/Pages/Admin/_ChoiceField.cshtml",
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.GetType().Name, "No partial renders this field."),
        },
        field);
}

/// <summary>
/// A labelled form field (_TextField, _CheckField, _ChoiceField): <see cref="Key"/> is the posted name
/// and the ModelState key, so its error shows beside it and the error summary links to <see cref="Id"/>.
/// </summary>
public abstract record Field(string Key, string Label, string? Hint)
{
    public string Id => Key.Replace('.', '_');

    public string? HintId => Hint is null ? null : $"{Id}-hint";
}

/// <summary>A text box, or a text area of <paramref name="Rows"/> rows.</summary>
public sealed record TextField(string Key, string Label, string? Value, string? Hint = null, int Rows = 0) : Field(Key, Label, Hint);

public sealed record CheckField(string Key, string Label, bool Checked, string? Hint = null) : Field(Key, Label, Hint);

public sealed record ChoiceField(string Key, string Label, IReadOnlyList<(string Value, string Text)> Options, string? Selected, string? Hint = null) : Field(Key, Label, Hint)
{
    /// <summary>Every value of an enum, named for people.</summary>
    public static ChoiceField Of<TEnum>(string key, string label, TEnum selected, Func<TEnum, string> name, string? hint = null)
        where TEnum : struct, Enum =>
        new(key, label, [.. Enum.GetValues<TEnum>().Select(v => (v.ToString(), name(v)))], selected.ToString(), hint);
}
