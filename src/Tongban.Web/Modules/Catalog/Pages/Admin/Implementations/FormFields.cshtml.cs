using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.EditDraft;
using Tongban.Modules.Catalog.Features.ShowImplementation;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>申请表单: the fields the applicant fills, their checks, and the data that fills them in advance (免填写).</summary>
public sealed class FormFieldsModel(ShowImplementationHandler show, EditDraftHandler edit, IStringLocalizer<SharedResource> t)
    : ElementListModel<FormField>(show, edit, t)
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
        if (string.IsNullOrWhiteSpace(Key))
        {
            errors.Add(new Invalid("catalog.key-required") { Field = nameof(Key) });
        }

        if (string.IsNullOrWhiteSpace(Label))
        {
            errors.Add(new Invalid("catalog.element-required", Localizer["字段名称"].Value) { Field = nameof(Label) });
        }

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
            Key = Key?.Trim() ?? "",
            Label = Label?.Trim() ?? "",
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
