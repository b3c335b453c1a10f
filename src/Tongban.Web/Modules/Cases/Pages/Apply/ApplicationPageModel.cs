using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.UploadFile;
using Tongban.Modules.Catalog;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Pages.Apply;

/// <summary>
/// What the citizen's apply page and the window's filing page share: the item, the 办理情形 answers and
/// the material list they give, the e-form with its 免填写 values, and turning a posted form (multipart:
/// one file input per material, a commitment tick where the item allows one) into an application.
/// The 一件事 apply page shares the same form (<see cref="FormFields"/>, <see cref="SituationQuestions"/> and
/// <see cref="Materials"/> are then the bundle's merged ones, and <see cref="Item"/> stays null).
/// </summary>
public abstract class ApplicationPageModel(ICatalog catalog, ApplicationAssembly assembly, UploadFileHandler uploads, TongbanDbContext db, AuditTrail audit) : PageModel
{
    /// <summary>The name of a material's file input.</summary>
    public static string FileInput(string materialKey) => "File_" + materialKey;

    /// <summary>Situation key → chosen answer key.</summary>
    [BindProperty(SupportsGet = true)]
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>Form field key → value.</summary>
    [BindProperty]
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>The keys of the materials whose commitment the applicant ticked.</summary>
    [BindProperty]
    public List<string> Commitments { get; set; } = [];

    /// <summary>The keys of the materials marked 暂缺 (for the window to decide on 补正 or 容缺).</summary>
    [BindProperty]
    public List<string> Missing { get; set; } = [];

    /// <summary>The channel the page files through (the window page files for walk-ins).</summary>
    protected abstract CaseChannel Channel { get; }

    public bool MayBeLeftMissing(MaterialRequirement material) => ApplicationAssembly.MayBeLeftMissing(material, Channel);

    public bool AtWindow => Channel == CaseChannel.Window;

    /// <summary>The one-time token of this form (made on GET): a retried post is the same submission.</summary>
    [BindProperty]
    public string FormToken { get; set; } = "";

    public PublishedImplementation? Item { get; private set; }

    /// <summary>The exact list for the answers; null while the 办理情形 questions are unanswered.</summary>
    public IReadOnlyList<MaterialRequirement>? Materials { get; protected set; }

    /// <summary>The e-form's fields: the item's (a bundle page gives its merged form).</summary>
    public virtual IReadOnlyList<FormField> FormFields => Item?.Content.Form ?? [];

    /// <summary>The 办理情形 questions: the item's (a bundle page gives its merged questions).</summary>
    public virtual IReadOnlyList<Situation> SituationQuestions => Item?.Content.Situations ?? [];

    /// <summary>What the prefill read is audited as concerning: the item's code (a bundle page names the bundle).</summary>
    protected virtual (string Name, string Value) PrefillSubject => ("implementation", Item!.Code.Value);

    /// <summary>免填写: values the directory holds, by field key (shown read-only, filled again on submit).</summary>
    public IReadOnlyDictionary<string, string> Prefilled { get; private set; } = new Dictionary<string, string>();

    /// <summary>免提交: the applicant's valid licences that satisfy listed materials, by material key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Licences.HeldLicence>> HeldLicences { get; private set; } = new Dictionary<string, IReadOnlyList<Licences.HeldLicence>>();

    /// <summary>What a resumed draft already holds.</summary>
    public IReadOnlyList<CaseMaterial> Provided { get; protected set; } = [];

    /// <summary>The page's own address (the questionnaire's GET form and the post go there).</summary>
    public abstract string PagePath { get; }

    /// <summary>Query values the questionnaire's GET form carries along (the window's item and applicant).</summary>
    public virtual IEnumerable<KeyValuePair<string, string>> CarriedQuery => [];

    protected ApplicationAssembly Assembly => assembly;

    protected UploadFileHandler Uploads => uploads;

    protected async Task<bool> LoadItemAsync(string code, int? version, CancellationToken cancellationToken)
    {
        var parsed = ImplementationCode.Parse(code ?? "");
        Item = parsed.IsSuccess ? await catalog.FindPublishedAsync(parsed.Value, version, cancellationToken) : null;
        if (Item is null)
        {
            return false;
        }

        // Binding falls back to every form field when none is prefixed Answers[...]: keep the item's situations only.
        Answers = Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value) && Item.Content.Situations.Any(s => s.Key == a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        Values = Values.Where(v => Item.Content.Form.Any(f => f.Key == v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var answers = Answers;
        if (Item.Content.Situations.Count == 0 || answers.Count > 0)
        {
            if (MaterialList.For(Item.Content, answers).TryGet(out var materials, out var error))
            {
                Materials = materials;
            }
            else
            {
                ModelState.AddError(error, "situation");
            }
        }

        return true;
    }

    protected async Task PrefillForAsync(Applicant applicant, CancellationToken cancellationToken)
    {
        Prefilled = await assembly.PrefilledAsync(FormFields, applicant, cancellationToken);
        HeldLicences = Materials is { } materials ? await assembly.HeldLicencesForAsync(materials, applicant, cancellationToken) : HeldLicences;
        foreach (var (key, value) in Prefilled)
        {
            Values[key] = value;
        }

        // The directory's personal data is shown: audit the read. A failed attempt may have left a draft
        // changed in memory; only the audit entry is stored.
        audit.Record("cases.prefill-read", applicant.Kind.ToString(), applicant.IdNumber?.Masked ?? applicant.Identifier,
            after: new Dictionary<string, object> { [PrefillSubject.Name] = PrefillSubject.Value, ["fields"] = Prefilled.Keys });
        db.ChangeTracker.Clear();
        await db.SaveChangesAsync(cancellationToken);
    }

    public bool Chosen(Situation situation, SituationAnswer answer) =>
        Answers.TryGetValue(situation.Key, out var chosen) && string.Equals(chosen, answer.Key, StringComparison.Ordinal);

    public string ValueOf(string key) => Values.TryGetValue(key, out var value) ? value : "";

    /// <summary>The posted form as an application: each chosen file is uploaded (checked by content and size), each ticked commitment taken.</summary>
    protected async Task<Result<ApplicationRequest>> ApplicationFromPostAsync(CancellationToken cancellationToken) =>
        (await MaterialsFromPostAsync(cancellationToken)).Map(inputs => new ApplicationRequest(Item!.Code.Value, Answers, FilledValues, inputs));

    /// <summary>The non-empty posted form values.</summary>
    protected Dictionary<string, string> FilledValues =>
        Values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>The posted materials: each chosen file uploaded (checked by content and size), each ticked commitment or 暂缺 taken.</summary>
    protected async Task<Result<IReadOnlyList<MaterialInput>>> MaterialsFromPostAsync(CancellationToken cancellationToken)
    {
        var inputs = new List<MaterialInput>();
        foreach (var material in Materials ?? [])
        {
            if (Request.Form.Files.GetFile(FileInput(material.Key)) is { Length: > 0 } file)
            {
                var uploaded = await UploadAsync(file, cancellationToken);
                if (!uploaded.TryGet(out var fileId, out var error))
                {
                    return error with { Field = "materials" };
                }

                inputs.Add(new MaterialInput(material.Key, "upload", fileId));
            }
            else if (Commitments.Contains(material.Key) && material.Exemptions.Any(e => e.Route == ExemptionRoute.Commitment))
            {
                inputs.Add(new MaterialInput(material.Key, "commitment"));
            }
            else if (Missing.Contains(material.Key) && MayBeLeftMissing(material))
            {
                inputs.Add(new MaterialInput(material.Key, "missing"));
            }
        }

        return inputs;
    }

    protected async Task<Result<Guid>> UploadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        return (await uploads.HandleAsync(content, file.FileName, cancellationToken)).Map(f => f.FileId);
    }

    /// <summary>Shows an error in the summary, beside its form field or the materials.</summary>
    protected void ShowError(Error error)
    {
        var key = error.Field switch
        {
            null => "",
            "materials" or "file" => "materials",
            var field when FormFields.Any(f => f.Key == field) => $"Values.{field}",
            var field => field,
        };
        ModelState.AddModelError(key, error.Message);
    }
}
