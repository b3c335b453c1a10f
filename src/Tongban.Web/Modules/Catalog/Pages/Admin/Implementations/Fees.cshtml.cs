using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>收费项目: name, standard and legal basis of each fee; a fee is known by its name.</summary>
public sealed class FeesModel(DraftEditing editing) : ElementListModel<FeeItem>(editing)
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
        Require(errors, Name, nameof(Name), "收费项目名称");
        Require(errors, Standard, nameof(Standard), "收费标准");
        Require(errors, Basis, nameof(Basis), "收费依据");
        return new FeeItem(ElementsForm.Text(Name), ElementsForm.Text(Standard), ElementsForm.Text(Basis));
    }

    protected override void Fill(FeeItem entry) => (Name, Standard, Basis) = (entry.Name, entry.Standard, entry.Basis);
}
