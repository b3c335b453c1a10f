using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.DecideIntake;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.Intake;

/// <summary>One material line of the 补正告知 form: listed or not, and why.</summary>
public sealed class CorrectionField
{
    public string MaterialKey { get; set; } = "";
    public bool Selected { get; set; }
    public string? Reason { get; set; }
}

public sealed class CorrectionForm
{
    public List<CorrectionField> Items { get; set; } = [];
}

public sealed class RefusalForm
{
    public string? Reason { get; set; }
}

public sealed class DeficiencyForm
{
    public string? Commitment { get; set; }
    public int? SupplementPeriod { get; set; }
}

public sealed class CommitmentForm
{
    public string? Commitment { get; set; }
}

/// <summary>
/// 受理 at the window: the application as received (answers, form values, each material with its route
/// and its file), and the five decisions, each a form carrying the version shown. After a decision the
/// page offers its notice (受理通知书, 收件回执 ...) to print.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CaseModel(CaseAccess access, TongbanDbContext db, ICatalog catalog, DecideIntakeHandler decide, HeldLicenceChecks licenceChecks, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The version the page was read at (optimistic concurrency).</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public CorrectionForm Correction { get; set; } = new();

    [BindProperty]
    public RefusalForm Refusal { get; set; } = new();

    [BindProperty]
    public DeficiencyForm Deficiency { get; set; } = new();

    [BindProperty]
    public CommitmentForm UnderCommitment { get; set; } = new();

    public Case Case { get; private set; } = null!;

    /// <summary>The item version the case started with; null if it has gone.</summary>
    public ImplementationContent? Item { get; private set; }

    /// <summary>Each material a held licence satisfied, with the licence as it stands today.</summary>
    public IReadOnlyDictionary<string, Licences.HeldLicence?> LicenceChecks { get; private set; } = new Dictionary<string, Licences.HeldLicence?>();

    public string ItemName => Item?.Name ?? Case.ImplementationCode.Value;

    /// <summary>容缺受理 is offered only when every missing material may be owed.</summary>
    public bool DeficiencyPossible => Case.MissingMaterials is { Count: > 0 } missing && missing.All(m => m.DeficiencyAllowed);

    public CaseAccess Access => access;

    public async Task<IActionResult> OnGetAsync(string caseNumber, CancellationToken cancellationToken) =>
        await LoadAsync(caseNumber, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(string caseNumber, CancellationToken cancellationToken) =>
        DoneAsync(caseNumber, decide.AcceptAsync(caseNumber, new AcceptRequest(Version), cancellationToken), null, t["已受理。请打印受理通知书交申请人。"], cancellationToken);

    public Task<IActionResult> OnPostCorrectionAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var items = Correction.Items.Where(i => i.Selected).Select(i => new CorrectionLine(i.MaterialKey, i.Reason ?? "")).ToList();
        return DoneAsync(caseNumber, decide.RequestCorrectionAsync(caseNumber, new RequestCorrectionRequest(items, Version), cancellationToken), nameof(Correction),
            t["已发出补正告知，申请人可在网上一次性补正。"], cancellationToken);
    }

    public Task<IActionResult> OnPostRefuseAsync(string caseNumber, CancellationToken cancellationToken) =>
        DoneAsync(caseNumber, decide.RefuseAsync(caseNumber, new RefuseRequest(Refusal.Reason, Version), cancellationToken), nameof(Refusal),
            t["已作出不予受理决定。"], cancellationToken);

    public Task<IActionResult> OnPostDeficiencyAsync(string caseNumber, CancellationToken cancellationToken) =>
        DoneAsync(caseNumber, decide.AcceptWithDeficiencyAsync(caseNumber, new AcceptWithDeficiencyRequest(Deficiency.Commitment, Deficiency.SupplementPeriod ?? 0, Version), cancellationToken),
            nameof(Deficiency), t["已容缺受理。请打印容缺受理通知书交申请人。"], cancellationToken);

    public Task<IActionResult> OnPostCommitmentAsync(string caseNumber, CancellationToken cancellationToken) =>
        DoneAsync(caseNumber, decide.AcceptUnderCommitmentAsync(caseNumber, new AcceptUnderCommitmentRequest(UnderCommitment.Commitment, Version), cancellationToken),
            nameof(UnderCommitment), t["已按告知承诺受理。"], cancellationToken);

    private async Task<IActionResult> DoneAsync(string caseNumber, Task<Result<Case>> decision, string? form, string notice, CancellationToken cancellationToken)
    {
        var result = await decision;
        if (result.IsSuccess)
        {
            TempData.Notice(notice);
            return Redirect($"/workbench/intake/{result.Value.Number!.Value.Value}");
        }

        // What a refused decision may have touched in memory is dropped; the page shows the case as stored.
        db.ChangeTracker.Clear();
        ModelState.Clear();
        ModelState.AddError(result.Error, result.Error.Field is null ? null : form);
        return result.Error is NotFound || !await LoadAsync(caseNumber, cancellationToken) ? NotFound() : Page();
    }

    private async Task<bool> LoadAsync(string caseNumber, CancellationToken cancellationToken)
    {
        if (!(await access.FindAsync(caseNumber, CaseReach.Intake, cancellationToken)).TryGet(out var found, out _))
        {
            return false;
        }

        Case = found;
        Version = found.Version;
        LicenceChecks = await licenceChecks.OfAsync(found, cancellationToken);
        Item = (await catalog.FindPublishedAsync(found.ImplementationCode, found.ImplementationVersion, cancellationToken))?.Content;
        if (Correction.Items.Count == 0)
        {
            Correction.Items = [.. found.Materials.Select(m => new CorrectionField { MaterialKey = m.Key, Selected = m.Required && m.IsMissing, Reason = m.Required && m.IsMissing ? t["未提交该材料"].Value : null })];
        }

        return true;
    }
}
