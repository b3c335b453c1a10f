using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.EditDraft;
using Tongban.Modules.Catalog.Features.ShowImplementation;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>收费项目: name, standard and legal basis of each fee; a fee is known by its name.</summary>
public sealed class FeesModel(ShowImplementationHandler show, EditDraftHandler edit, IStringLocalizer<SharedResource> t)
    : ElementListModel<FeeItem>(show, edit, t)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Standard { get; set; }

    [BindProperty]
    public string? Basis { get; set; }

    public override string Tab => "/fees";

    public override string KeyOf(FeeItem entry) => entry.Name;

    protected override IReadOnlyList<FeeItem> EntriesOf(ImplementationContent content) => content.Fees;

    protected override ImplementationContent With(ImplementationContent content, IReadOnlyList<FeeItem> entries) => content with { Fees = entries };

    protected override FeeItem Read(List<Error> errors)
    {
        foreach (var (field, value, name) in new[] { (nameof(Name), Name, "收费项目名称"), (nameof(Standard), Standard, "收费标准"), (nameof(Basis), Basis, "收费依据") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new Invalid("catalog.element-required", Localizer[name].Value) { Field = field });
            }
        }

        return new FeeItem(Name?.Trim() ?? "", Standard?.Trim() ?? "", Basis?.Trim() ?? "");
    }

    protected override void Fill(FeeItem entry) => (Name, Standard, Basis) = (entry.Name, entry.Standard, entry.Basis);
}
