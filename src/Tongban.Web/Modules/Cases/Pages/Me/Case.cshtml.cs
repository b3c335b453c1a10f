using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowBundleCase;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Modules.Cases.Features.SupplementDeficiency;
using Tongban.Modules.Cases.Features.SupplyCorrection;
using Tongban.Modules.Cases.Features.UploadFile;
using Tongban.Modules.Cases.Features.WithdrawApplication;
using Tongban.Modules.Cases.Pages.Apply;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.Me;

/// <summary>
/// The applicant's case: status, steps with their times, deadlines, history and notices; and what they
/// may do in its state: answer a 补正 notice, supply owed 容缺 materials, withdraw before a decision. Each
/// form carries the version the page showed, so acting on a stale page is refused with the current state.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class CaseModel(
    CaseAccess access, UploadFileHandler uploads, SupplyCorrectionHandler correction, SupplementDeficiencyHandler supplement,
    WithdrawApplicationHandler withdraw, ShowBundleCaseHandler bundles, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromRoute]
    public string CaseNumber { get; set; } = "";

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public List<string> Commitments { get; set; } = [];

    public CaseView? View { get; private set; }

    public Case? Case { get; private set; }

    /// <summary>The 一件事 the case is a member of (its number and name), if any.</summary>
    public (string Number, string Name)? Bundle { get; private set; }

    /// <summary>What the correction notice asks for, when one is open.</summary>
    public IReadOnlyList<CaseMaterial> Requested => Case is { Status: CaseStatus.AwaitingCorrection } c
        ? [.. c.CorrectionNotice.Select(i => c.Materials.First(m => m.Key == i.MaterialKey))]
        : [];

    public bool CanWithdraw => Case?.Status is CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Accepted
        or CaseStatus.AcceptedWithDeficiency or CaseStatus.DeficiencyOverdue;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        ActAsync(() => withdraw.HandleAsync(CaseNumber, new WithdrawRequest(Reason, Version), cancellationToken), t["申请已撤回。"], "Reason", cancellationToken);

    public async Task<IActionResult> OnPostCorrectionAsync(CancellationToken cancellationToken)
    {
        var inputs = await MaterialsFromPostAsync(cancellationToken);
        return !inputs.TryGet(out var materials, out var error)
            ? await ShowAsync(error, "correction", cancellationToken)
            : await ActAsync(() => correction.HandleAsync(CaseNumber, new CaseMaterialsRequest(materials, Version), cancellationToken),
                t["补正材料已提交，请等待窗口审核。"], "correction", cancellationToken);
    }

    public async Task<IActionResult> OnPostSupplementAsync(CancellationToken cancellationToken)
    {
        var inputs = await MaterialsFromPostAsync(cancellationToken);
        return !inputs.TryGet(out var materials, out var error)
            ? await ShowAsync(error, "supplement", cancellationToken)
            : await ActAsync(() => supplement.HandleAsync(CaseNumber, new CaseMaterialsRequest(materials, Version), cancellationToken),
                t["容缺材料已补交。"], "supplement", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(Func<Task<Result<Case>>> action, string notice, string errorKey, CancellationToken cancellationToken)
    {
        if (!(await action()).TryGet(out _, out var error))
        {
            return error is NotFound ? NotFound() : await ShowAsync(error, errorKey, cancellationToken);
        }

        TempData.Notice(notice);
        return Redirect($"/me/cases/{CaseNumber}");
    }

    private async Task<IActionResult> ShowAsync(Error error, string errorKey, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(errorKey, error.Message);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Each posted file is uploaded (checked by content and size); each ticked commitment taken.</summary>
    private async Task<Result<IReadOnlyList<MaterialInput>>> MaterialsFromPostAsync(CancellationToken cancellationToken)
    {
        var inputs = new List<MaterialInput>();
        foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("File_", StringComparison.Ordinal)))
        {
            await using var content = file.OpenReadStream();
            if (!(await uploads.HandleAsync(content, file.FileName, cancellationToken)).TryGet(out var uploaded, out var error))
            {
                return error;
            }

            inputs.Add(new MaterialInput(file.Name["File_".Length..], "upload", uploaded.FileId));
        }

        inputs.AddRange(Commitments.Where(k => inputs.All(i => i.Key != k)).Select(k => new MaterialInput(k, "commitment")));
        return inputs;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Version));
        if (!(await access.FindAsync(CaseNumber, CaseReach.Applicant, cancellationToken)).TryGet(out var found, out _))
        {
            return false;
        }

        Case = found;
        Bundle = await bundles.BundleOfAsync(found, cancellationToken);
        View = ShowCaseHandler.ViewOf(found, access);
        Version = found.Version;
        return true;
    }

    public static string FileInput(string materialKey) => ApplicationPageModel.FileInput(materialKey);
}
