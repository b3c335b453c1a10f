using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>申请材料: every field of a material requirement, including how it can be satisfied without paper.</summary>
public sealed class MaterialsModel(DraftEditing editing) : ElementListModel<MaterialRequirement>(editing)
{
    [BindProperty]
    public string? Key { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public MaterialNecessity Necessity { get; set; }

    [BindProperty]
    public MaterialForm Form { get; set; } = MaterialForm.Electronic;

    [BindProperty]
    public string? Copies { get; set; } = "1";

    [BindProperty]
    public MaterialSource Source { get; set; }

    [BindProperty]
    public string? BlankForm { get; set; }

    [BindProperty]
    public string? Sample { get; set; }

    [BindProperty]
    public string? AcceptanceCriteria { get; set; }

    [BindProperty]
    public bool Conditional { get; set; }

    [BindProperty]
    public bool DeficiencyAllowed { get; set; }

    [BindProperty]
    public bool ByLicence { get; set; }

    [BindProperty]
    public string? LicenceType { get; set; }

    [BindProperty]
    public bool BySharedData { get; set; }

    [BindProperty]
    public string? DataResource { get; set; }

    [BindProperty]
    public bool ByCommitment { get; set; }

    public override string Tab => "/materials";

    public override string KeyOf(MaterialRequirement entry) => entry.Key;

    protected override IReadOnlyList<MaterialRequirement> EntriesOf(ImplementationContent content) => content.Materials;

    protected override ImplementationContent With(ImplementationContent content, IReadOnlyList<MaterialRequirement> entries) => content with { Materials = entries };

    protected override MaterialRequirement Read(List<Error> errors)
    {
        RequireKey(errors, Key, nameof(Key));
        Require(errors, Name, nameof(Name), "材料名称");

        var copies = ElementsForm.Count(Copies, nameof(Copies), Localizer["份数"]);
        if (!copies.IsSuccess)
        {
            errors.Add(copies.Error);
        }

        Exemption?[] routes =
        [
            ByLicence ? new Exemption(ExemptionRoute.HeldLicence, ElementsForm.Optional(LicenceType)) : null,
            BySharedData ? new Exemption(ExemptionRoute.SharedData, ElementsForm.Optional(DataResource)) : null,
            ByCommitment ? new Exemption(ExemptionRoute.Commitment) : null,
        ];
        return new MaterialRequirement
        {
            Key = ElementsForm.Text(Key),
            Name = ElementsForm.Text(Name),
            Necessity = Necessity,
            Form = Form,
            Copies = copies.IsSuccess ? copies.Value : 1,
            Source = Source,
            BlankForm = ElementsForm.Optional(BlankForm),
            Sample = ElementsForm.Optional(Sample),
            AcceptanceCriteria = ElementsForm.Text(AcceptanceCriteria),
            Conditional = Conditional,
            DeficiencyAllowed = DeficiencyAllowed,
            Exemptions = [.. routes.OfType<Exemption>()],
        };
    }

    protected override void Fill(MaterialRequirement entry)
    {
        (Key, Name, Necessity, Form, Copies, Source) = (entry.Key, entry.Name, entry.Necessity, entry.Form, entry.Copies.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Source);
        (BlankForm, Sample, AcceptanceCriteria, Conditional, DeficiencyAllowed) = (entry.BlankForm, entry.Sample, entry.AcceptanceCriteria, entry.Conditional, entry.DeficiencyAllowed);
        var licence = entry.Exemptions.FirstOrDefault(e => e.Route == ExemptionRoute.HeldLicence);
        var data = entry.Exemptions.FirstOrDefault(e => e.Route == ExemptionRoute.SharedData);
        (ByLicence, LicenceType, BySharedData, DataResource) = (licence is not null, licence?.Reference, data is not null, data?.Reference);
        ByCommitment = entry.Exemptions.Any(e => e.Route == ExemptionRoute.Commitment);
    }
}
