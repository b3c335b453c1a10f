using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Modules.Cases.Features.SaveDraft;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Features.UploadFile;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Platform.Persistence;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.Apply;

/// <summary>
/// 在线申办: a citizen or enterprise agent answers the 办理情形 questions, sees the exact materials, fills
/// the e-form (免填写 fields from the directory) and provides each material, then submits (once, whatever
/// the retries: the form's token) or saves a draft to resume from “我的办件”.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class ApplyModel(
    ICatalog catalog, ApplicationAssembly assembly, UploadFileHandler uploads, SubmitApplicationHandler submit, SaveDraftHandler drafts,
    TongbanDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t) : ApplicationPageModel(catalog, assembly, uploads, db, audit)
{
    protected override CaseChannel Channel => CaseChannel.Web;

    [BindProperty(SupportsGet = true)]
    public Guid? Draft { get; set; }

    /// <summary>Which button was pressed: submit or draft.</summary>
    [BindProperty]
    public string? Action { get; set; }

    [FromRoute]
    public string Code { get; set; } = "";

    public override string PagePath => $"/items/{Code}/apply";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        FormToken = Guid.NewGuid().ToString("N");
        int? version = null;
        if (Draft is { } draftId)
        {
            if (!(await Assembly.FindDraftAsync(draftId, cancellationToken)).TryGet(out var draft, out _) || draft.ImplementationCode.Value != Code)
            {
                return NotFound();
            }

            version = draft.ImplementationVersion;
            if (!Request.Query.Keys.Any(k => k.StartsWith("Answers[", StringComparison.OrdinalIgnoreCase)))
            {
                Answers = new Dictionary<string, string>(draft.SituationAnswers, StringComparer.Ordinal);
            }

            Values = new Dictionary<string, string>(draft.FormValues, StringComparer.Ordinal);
            Provided = draft.Materials;
        }

        return await ShowAsync(version, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? version = null;
        if (Draft is { } draftId)
        {
            if (!(await Assembly.FindDraftAsync(draftId, cancellationToken)).TryGet(out var draft, out _))
            {
                // Submitted meanwhile by a retried post of this form: land where that one did.
                return await SubmittedAlreadyAsync(cancellationToken) ?? NotFound();
            }

            version = draft.ImplementationVersion;
            Provided = draft.Materials;
        }

        if (await SubmittedAlreadyAsync(cancellationToken) is { } done)
        {
            return done;
        }

        if (!await LoadItemAsync(Code, version, cancellationToken))
        {
            return NotFound();
        }

        if (Materials is null || string.IsNullOrWhiteSpace(FormToken))
        {
            ModelState.AddModelError("", string.IsNullOrWhiteSpace(FormToken) ? t["表单已失效，请重新打开页面后再提交。"] : t["请先回答办理情形问题。"]);
            return await ShowAsync(version, cancellationToken);
        }

        if (!(await ApplicationFromPostAsync(cancellationToken)).TryGet(out var application, out var inputError))
        {
            ShowError(inputError);
            return await ShowAsync(version, cancellationToken);
        }

        if (Action == "draft")
        {
            if (!(await drafts.HandleAsync(application, Draft, cancellationToken)).TryGet(out var id, out var draftError))
            {
                ShowError(draftError);
                return await ShowAsync(version, cancellationToken);
            }

            TempData.Notice(t["草稿已保存。您可以随时在“我的办件”中继续填写。"]);
            return Redirect($"/items/{Code}/apply?draft={id}");
        }

        var result = await submit.HandleFormAsync(application, new Filing(CaseChannel.Web, Draft, Prefill: true), FormToken, cancellationToken);
        if (!result.TryGet(out var submitted, out var error))
        {
            ShowError(error);
            return await ShowAsync(version, cancellationToken);
        }

        return Redirect($"/me/cases/{submitted.CaseNumber}/submitted");
    }

    private async Task<IActionResult?> SubmittedAlreadyAsync(CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(FormToken) && await submit.SubmittedWithFormAsync(FormToken, cancellationToken) is { } submitted
            ? Redirect($"/me/cases/{submitted.CaseNumber}/submitted")
            : null;

    private async Task<IActionResult> ShowAsync(int? version, CancellationToken cancellationToken)
    {
        if (Item is null && !await LoadItemAsync(Code, version, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if ((await Assembly.ApplicantAsync(cancellationToken)).TryGet(out var applicant, out _))
        {
            await PrefillForAsync(applicant, cancellationToken);
        }

        return Page();
    }
}
