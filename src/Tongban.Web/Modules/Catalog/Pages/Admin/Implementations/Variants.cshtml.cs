using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>业务办理项 (新设/变更/延续/注销 ...): a two-digit suffix of the 33-character code and a name.</summary>
public sealed class VariantsModel(DraftEditing editing) : ElementListModel<HandlingVariant>(editing)
{
    [BindProperty]
    public string? Suffix { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public override string Tab => "/variants";

    public override string KeyOf(HandlingVariant entry) => entry.Suffix;

    protected override IReadOnlyList<HandlingVariant> EntriesOf(ImplementationContent content) => content.Variants;

    protected override ImplementationContent With(ImplementationContent content, IReadOnlyList<HandlingVariant> entries) => content with { Variants = entries };

    protected override HandlingVariant Read(List<Error> errors)
    {
        RequireKey(errors, Suffix, nameof(Suffix));
        Require(errors, Name, nameof(Name), "办理项名称");

        return new HandlingVariant(ElementsForm.Text(Suffix), ElementsForm.Text(Name));
    }

    protected override void Fill(HandlingVariant entry) => (Suffix, Name) = (entry.Suffix, entry.Name);
}
