using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitBundle;
using Tongban.Modules.Cases.Features.UploadFile;
using Tongban.Modules.Cases.Pages.Apply;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.Bundles;

/// <summary>
/// 一件事一次办: one form for a whole bundle, the merged 办理情形 questions, form fields and materials each
/// asked once (the single application page's partials), filed by <see cref="SubmitBundleHandler"/> under
/// the form's one-time token so a double post files once; then the bundle case page.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class BundleApplyModel(
    ICatalog catalog, ApplicationAssembly assembly, UploadFileHandler uploads, SubmitBundleHandler submit,
    TongbanDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> t) : ApplicationPageModel(catalog, assembly, uploads, db, audit)
{
    private IReadOnlyList<FormField> fields = [];
    private IReadOnlyList<Situation> situations = [];

    protected override CaseChannel Channel => CaseChannel.Web;

    [FromRoute]
    public string Code { get; set; } = "";

    public override string PagePath => $"/bundles/{Code}/apply";

    public PublishedBundle? Bundle { get; private set; }

    public BundleApplication? Application { get; private set; }

    public override IReadOnlyList<FormField> FormFields => fields;

    public override IReadOnlyList<Situation> SituationQuestions => situations;

    protected override (string Name, string Value) PrefillSubject => ("bundle", Code);

    /// <summary>Each member's item name, in the bundle's order.</summary>
    public IReadOnlyList<string> MemberNames => Application is { } application ? [.. application.Bundle.Members.Select(m => application.Contents[m.Key].Name)] : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        FormToken = Guid.NewGuid().ToString("N");
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(FormToken) && await submit.SubmittedWithFormAsync(FormToken, cancellationToken) is { } done)
        {
            return Redirect($"/me/bundles/{done.BundleCaseNumber}");
        }

        if (!await LoadBundleAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Materials is null || string.IsNullOrWhiteSpace(FormToken))
        {
            ModelState.AddModelError("", string.IsNullOrWhiteSpace(FormToken) ? t["表单已失效，请重新打开页面后再提交。"] : t["请先回答办理情形问题。"]);
            return await ShowAsync(cancellationToken);
        }

        if (!(await MaterialsFromPostAsync(cancellationToken)).TryGet(out var materials, out var inputError))
        {
            ShowError(inputError);
            return await ShowAsync(cancellationToken);
        }

        var result = await submit.HandleFormAsync(Code, new BundleApplicationRequest(Answers, FilledValues, materials), FormToken, cancellationToken);
        if (!result.TryGet(out var submitted, out var error))
        {
            if (error is NotFound)
            {
                return NotFound();
            }

            ShowError(error);
            return await ShowAsync(cancellationToken);
        }

        return Redirect($"/me/bundles/{submitted.BundleCaseNumber}");
    }

    /// <summary>The bundle's merged application; its materials once the questions are answered (at once when it asks none).</summary>
    private async Task<bool> LoadBundleAsync(CancellationToken cancellationToken)
    {
        if (!(await submit.ApplicationAsync(Code, cancellationToken)).TryGet(out var found, out _))
        {
            return false;
        }

        (Bundle, Application) = found;
        fields = [.. Application.Fields.Select(f => f.Field)];
        situations = [.. Application.Situations.Select(s => s.Situation)];

        // Binding falls back to every form field when none is prefixed Answers[...]: keep the bundle's questions only.
        Answers = Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value) && situations.Any(s => s.Key == a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        Values = Values.Where(v => fields.Any(f => f.Key == v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        if (situations.Count == 0 || Answers.Count > 0)
        {
            if (Application.MaterialsFor(Answers).TryGet(out var materials, out var error))
            {
                Materials = [.. materials.Select(m => m.Requirement)];
            }
            else
            {
                ModelState.AddError(error, "situation");
            }
        }

        return true;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (Application is null && !await LoadBundleAsync(cancellationToken))
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
