using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>申请表单: the fields the applicant fills, their checks, and the data that fills them in advance (免填写).</summary>
public sealed class FormFieldsModel(DraftEditing editing) : ElementListModel<FormField>(editing)
{
    [BindProperty]
    public string? Key { get; set; }

    [BindProperty]
    public string? Label { get; set; }

    [BindProperty]
    public FormFieldType Type { get; set; }

    [BindProperty]
    public bool Required { get; set; }

    [BindProperty]
    public string? MaxLength { get; set; }

    [BindProperty]
    public string? Choices { get; set; }

    [BindProperty]
    public string? Prefill { get; set; }

    public override string Tab => "/form";

    public override string KeyOf(FormField entry) => entry.Key;

    protected override IReadOnlyList<FormField> EntriesOf(ImplementationContent content) => content.Form;

    protected override ImplementationContent With(ImplementationContent content, IReadOnlyList<FormField> entries) => content with { Form = entries };

    protected override FormField Read(List<Error> errors)
    {
        RequireKey(errors, Key, nameof(Key));
        Require(errors, Label, nameof(Label), "字段名称");

        int? maxLength = null;
        if (!string.IsNullOrWhiteSpace(MaxLength))
        {
            var read = ElementsForm.Count(MaxLength, nameof(MaxLength), Localizer["最大长度"]);
            if (read.IsSuccess)
            {
                maxLength = read.Value;
            }
            else
            {
                errors.Add(read.Error);
            }
        }

        return new FormField
        {
            Key = ElementsForm.Text(Key),
            Label = ElementsForm.Text(Label),
            Type = Type,
            Required = Required,
            MaxLength = maxLength,
            Choices = ElementsForm.ListOf(Choices),
            Prefill = ElementsForm.Optional(Prefill),
        };
    }

    protected override void Fill(FormField entry)
    {
        (Key, Label, Type, Required) = (entry.Key, entry.Label, entry.Type, entry.Required);
        (MaxLength, Choices, Prefill) = (entry.MaxLength?.ToString(CultureInfo.InvariantCulture), string.Join('，', entry.Choices), entry.Prefill);
    }
}
