using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.FileProjectStage;
using Tongban.Modules.Cases.Features.RequestConnection;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Modules.Cases.Features.UploadFile;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.Me;

/// <summary>
/// 我的工程建设项目: the stages with their cases, the project clock and each department's share; the next
/// stage filed once here (one application, one set of drawings), and 水电气信报装 attached.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class ProjectModel(
    ShowProjectHandler show, StageApplicationBuilder applications, FileProjectStageHandler file, RequestConnectionHandler connections,
    UploadFileHandler uploads, IStringLocalizer<SharedResource> t) : PageModel
{
    public const string MaterialPrefix = "material-";

    [BindProperty(SupportsGet = true)] public string Number { get; set; } = "";
    [BindProperty] public Dictionary<string, string> Answers { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Values { get; set; } = [];
    [BindProperty] public IFormFile? Drawings { get; set; }
    [BindProperty] public string FormToken { get; set; } = "";
    [BindProperty] public string? Utility { get; set; }

    public ProjectView? View { get; private set; }
    public StageApplication? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await show.ForApplicantAsync(Number, cancellationToken)).TryGet(out var view, out _))
        {
            return NotFound();
        }

        View = view;
        Next = await applications.ForAsync(view, cancellationToken);
        if (string.IsNullOrEmpty(FormToken))
        {
            FormToken = Guid.NewGuid().ToString("N");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostFileAsync(string stage, CancellationToken cancellationToken)
    {
        if (!(await show.ForApplicantAsync(Number, cancellationToken)).TryGet(out var view, out _))
        {
            return NotFound();
        }

        var application = await applications.ForAsync(view, cancellationToken);
        Guid? drawings = null;
        var materials = new List<ProjectMaterialInput>();
        Error? error = null;
        if (Drawings is { Length: > 0 } drawing)
        {
            error = (await UploadAsync(drawing, cancellationToken)).TryGet(out var id, out var uploadError) ? null : uploadError;
            drawings = id;
        }

        foreach (var material in application?.Materials ?? [])
        {
            if (Request.Form.Files.GetFile(MaterialPrefix + material.Key) is { Length: > 0 } upload)
            {
                if (!(await UploadAsync(upload, cancellationToken)).TryGet(out var id, out var uploadError))
                {
                    error ??= uploadError;
                    continue;
                }

                materials.Add(new ProjectMaterialInput(material.Key, "upload", id));
            }
            else if (material.SharedData is { } resource)
            {
                materials.Add(new ProjectMaterialInput(material.Key, "sharedData", Reference: resource));
            }
        }

        var values = Values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        if (error is null && !(await file.HandleFormAsync(Number, stage, new ProjectStageRequest(Answers, values, drawings, materials), FormToken, cancellationToken)).TryGet(out _, out error))
        {
            // Shown below.
        }

        if (error is not null)
        {
            ModelState.AddError(error);
            return await OnGetAsync(cancellationToken);
        }

        TempData.Notice(t["本阶段已一次申报，各审批事项已分别生成办件。"]);
        return Redirect($"/me/projects/{Number}");
    }

    public async Task<IActionResult> OnPostConnectionAsync(CancellationToken cancellationToken)
    {
        if (!(await connections.HandleAsync(Number, new ConnectionRequestBody(Utility), cancellationToken)).TryGet(out _, out var error))
        {
            if (error is NotFound)
            {
                return NotFound();
            }

            ModelState.AddError(error);
            return await OnGetAsync(cancellationToken);
        }

        TempData.Notice(t["报装申请已提交，不计入审批时间。"]);
        return Redirect($"/me/projects/{Number}");
    }

    private async Task<Result<Guid>> UploadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        return (await uploads.HandleAsync(content, file.FileName, cancellationToken)).Map(f => f.FileId);
    }
}
