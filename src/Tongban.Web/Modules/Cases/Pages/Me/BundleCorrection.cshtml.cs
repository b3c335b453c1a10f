using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.BundleDocuments;
using Tongban.Modules.Cases.Features.ShowBundleCase;
using Tongban.Modules.Cases.Features.SupplyBundleCorrection;
using Tongban.Modules.Cases.Features.UploadFile;
using Tongban.Modules.Identity;
using Tongban.Platform.Web;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Cases.Pages.Me;

/// <summary>
/// 补正 once through the 一件事: every correction the members' windows asked for, merged by material, with
/// one upload each; the answer goes to every member case that asked for it, and the applicant returns to
/// the bundle case. A missing file or a refused upload shows the error summary and changes nothing.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class BundleCorrectionModel(SupplyBundleCorrectionHandler handler, UploadFileHandler uploads, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    /// <summary>The material of each item as the page listed it, by position (the file inputs are File_0, File_1 ...).</summary>
    [BindProperty]
    public List<string> Materials { get; set; } = [];

    /// <summary>One answer per form: a retry of the same post changes nothing more.</summary>
    [BindProperty]
    public string FormToken { get; set; } = "";

    public IReadOnlyList<BundleCorrection> Corrections { get; private set; } = [];

    /// <summary>Where the merged 一次性补正告知书 is downloaded.</summary>
    public string NoticePath => BundleDocuments.PathOf(Number, BundleDocumentKind.Correction);

    public static string FileInput(int index) => $"File_{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Corrections.Count == 0)
        {
            return Redirect($"/me/bundles/{Number}");
        }

        FormToken = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(FormToken))
        {
            return await ShowAsync(t["表单已失效，请重新打开页面后再提交。"], "", cancellationToken);
        }

        var answers = new List<BundleCorrectionAnswer>();
        for (var i = 0; i < Materials.Count; i++)
        {
            var file = Request.Form.Files.GetFile(FileInput(i));
            if (file is null || file.Length == 0)
            {
                return await ShowAsync(t["请上传“{0}”。", Materials[i]], FileInput(i), cancellationToken);
            }

            await using var content = file.OpenReadStream();
            if (!(await uploads.HandleAsync(content, file.FileName, cancellationToken)).TryGet(out var uploaded, out var refused))
            {
                return await ShowAsync(refused.Message, FileInput(i), cancellationToken);
            }

            answers.Add(new BundleCorrectionAnswer(Materials[i], "upload", uploaded.FileId));
        }

        if (!(await handler.HandleFormAsync(Number, new BundleCorrectionRequest(answers), FormToken, cancellationToken)).TryGet(out _, out var error))
        {
            return error is NotFound ? NotFound() : await ShowAsync(error.Message, "", cancellationToken);
        }

        TempData.Notice(t["补正材料已提交，将同时用于各相关事项，请等待窗口审核。"]);
        return Redirect($"/me/bundles/{Number}");
    }

    private async Task<IActionResult> ShowAsync(string message, string field, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, message);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(await handler.FindAsync(Number, cancellationToken)).TryGet(out var found, out _))
        {
            return false;
        }

        Corrections = ShowBundleCaseHandler.CorrectionsOf(found.Members);
        return true;
    }
}
