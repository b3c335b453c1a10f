using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.FileAtWindow;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.UploadFile;
using Tongban.Modules.Cases.Pages.Apply;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.Window;

/// <summary>
/// 窗口收件 / 帮办代办: a window clerk files for a walk-in applicant found in the directory by ID number or
/// USCC (channel Window, filed by the clerk); for 帮办代办 the clerk records for whom and the person's
/// consent (its wording and/or the signed consent's scan). The case then waits in the intake queue.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class WindowApplyModel(
    ICatalog catalog, ApplicationAssembly assembly, UploadFileHandler uploads, FileAtWindowHandler filing, CurrentUser user,
    TongbanDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t) : ApplicationPageModel(catalog, assembly, uploads, db, audit)
{
    public static readonly string[] Circumstances = ["老年人", "残疾人", "行动不便", "不会使用智能设备", "其他"];

    protected override CaseChannel Channel => CaseChannel.Window;

    /// <summary>The implementation code (实施编码) of the item.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The walk-in applicant's ID number or the enterprise's USCC.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Applicant { get; set; }

    /// <summary>The number of the case just filed (after the redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Filed { get; set; }

    [BindProperty]
    public bool Assisted { get; set; }

    [BindProperty]
    public string? OnBehalfOf { get; set; }

    [BindProperty]
    public string? Circumstance { get; set; }

    [BindProperty]
    public string? ConsentText { get; set; }

    /// <summary>收受分离: the clerk checked the applicant's identity and the form.</summary>
    [BindProperty]
    public bool IdentityChecked { get; set; }

    /// <summary>收受分离: post or collect (at this hall).</summary>
    [BindProperty]
    public string? ResultDelivery { get; set; }

    [BindProperty]
    public string? PostAddress { get; set; }

    /// <summary>The window receiving the filing (一窗受理率 counts the 综合窗口 ones).</summary>
    [BindProperty]
    public Guid? WindowId { get; set; }

    /// <summary>The windows of the clerk's halls; empty when the region has none (no picker then).</summary>
    public IReadOnlyList<WindowSummary> Windows { get; private set; } = [];

    public string? ApplicantName { get; private set; }

    public override string PagePath => "/workbench/apply";

    public override IEnumerable<KeyValuePair<string, string>> CarriedQuery => [new("Code", Code ?? ""), new("Applicant", Applicant ?? "")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsClerk)
        {
            return Forbid();
        }

        FormToken = Guid.NewGuid().ToString("N");
        await ShowAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsClerk)
        {
            return Forbid();
        }

        if (!await ShowAsync(cancellationToken) || Materials is null)
        {
            return Page();
        }

        if (Assisted && string.IsNullOrWhiteSpace(OnBehalfOf))
        {
            ModelState.AddModelError(nameof(OnBehalfOf), t["请填写代办对象的姓名。"]);
            return Page();
        }

        if (!(await ApplicationFromPostAsync(cancellationToken)).TryGet(out var application, out var inputError))
        {
            ShowError(inputError);
            return Page();
        }

        string? consentReference = null;
        if (Assisted && Request.Form.Files.GetFile("ConsentScan") is { Length: > 0 } scan)
        {
            await using var content = scan.OpenReadStream();
            if (!(await Uploads.HandleAsync(content, scan.FileName, cancellationToken)).TryGet(out var uploaded, out var scanError))
            {
                ModelState.AddModelError("ConsentScan", scanError.Message);
                return Page();
            }

            consentReference = $"{uploaded.FileName} sha256:{uploaded.Sha256}";
        }

        var request = new WindowApplicationRequest(application.ImplementationCode, application.Answers, application.FormValues, application.Materials, Applicant ?? "",
            Assisted ? $"{OnBehalfOf?.Trim()}（{Circumstance}）" : null, Assisted ? ConsentText : null, consentReference,
            IdentityChecked, ResultDelivery, PostAddress, WindowId: WindowId);
        var result = await filing.HandleFormAsync(request, FormToken, cancellationToken);
        if (!result.TryGet(out var submitted, out var error))
        {
            if (error.Code == CaseErrors.AssistedFilingNeedsConsentCode)
            {
                ModelState.AddModelError(nameof(ConsentText), error.Message);
            }
            else if (error.Field == "windowId")
            {
                ModelState.AddModelError(nameof(WindowId), error.Message);
            }
            else
            {
                ShowError(error);
            }

            return Page();
        }

        TempData.Notice(t["已收件，办件编号 {0}。该办件已进入受理队列。", submitted.CaseNumber]);
        return Redirect($"/workbench/apply?filed={submitted.CaseNumber}");
    }

    private bool IsClerk => user.IsStaff && user.HasAnyRole(Domain.Identity.Role.WindowClerk, Domain.Identity.Role.PlatformAdmin);

    /// <summary>Loads the item and the walk-in applicant once both are given; false when either is not found.</summary>
    private async Task<bool> ShowAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Applicant))
        {
            return false;
        }

        if (!await LoadItemAsync(Code.Trim(), null, cancellationToken))
        {
            ModelState.AddModelError(nameof(Code), t["未找到已发布的事项“{0}”，请核对实施编码。", Code]);
            return false;
        }

        if (!(await Assembly.WalkInAsync(new WindowFiling(Applicant), cancellationToken)).TryGet(out var applicant, out var error))
        {
            ModelState.AddModelError(nameof(Applicant), error.Message);
            return false;
        }

        ApplicantName = applicant.Name;
        await PrefillForAsync(applicant, cancellationToken);
        var (windows, usual) = await filing.WindowsForClerkAsync();
        Windows = windows;
        // A re-shown form keeps the clerk's pick; a new one starts at the clerk's usual window.
        WindowId ??= usual?.Id;
        return true;
    }
}
