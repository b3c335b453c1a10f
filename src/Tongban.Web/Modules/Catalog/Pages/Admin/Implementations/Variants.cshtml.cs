using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.EditDraft;
using Tongban.Modules.Catalog.Features.ShowImplementation;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>业务办理项 (新设/变更/延续/注销 ...): a two-digit suffix of the 33-character code and a name.</summary>
public sealed class VariantsModel(ShowImplementationHandler show, EditDraftHandler edit, IStringLocalizer<SharedResource> t)
    : ElementListModel<HandlingVariant>(show, edit, t)
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
        if (string.IsNullOrWhiteSpace(Suffix))
        {
            errors.Add(new Invalid("catalog.key-required") { Field = nameof(Suffix) });
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new Invalid("catalog.element-required", Localizer["办理项名称"].Value) { Field = nameof(Name) });
        }

        return new HandlingVariant(Suffix?.Trim() ?? "", Name?.Trim() ?? "");
    }

    protected override void Fill(HandlingVariant entry) => (Suffix, Name) = (entry.Suffix, entry.Name);
}
