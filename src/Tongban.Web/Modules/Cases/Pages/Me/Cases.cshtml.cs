using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.DeleteDraft;
using Tongban.Modules.Cases.Features.ListMyBundleCases;
using Tongban.Modules.Cases.Features.ListMyCases;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.Me;

/// <summary>我的办件: the applicant's cases and drafts, newest first; a draft is resumed or deleted here.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class CasesModel(ListMyCasesHandler list, ListMyBundleCasesHandler bundles, DeleteDraftHandler delete, ICatalog catalog, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(MyCaseItem Case, string ItemName, string StatusName, bool IsDraft);

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Next { get; private set; }

    /// <summary>一件事: the applicant's bundle cases, shown above the single cases on the first page.</summary>
    public IReadOnlyList<MyBundleCaseItem> Bundles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await list.HandleAsync(After, 20, cancellationToken)).TryGet(out var page, out var error))
        {
            ModelState.AddError(error);
            return Page();
        }

        if (After is null && (await bundles.HandleAsync(cancellationToken)).TryGet(out var mine, out _))
        {
            Bundles = mine;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in page.Items.Select(i => i.ImplementationCode).Distinct())
        {
            var item = await catalog.FindPublishedAsync(ImplementationCode.FromTrusted(code), null, cancellationToken);
            names[code] = item?.Content.Name ?? code;
        }

        Rows = [.. page.Items.Select(i =>
        {
            var status = Enum.Parse<CaseStatus>(i.Status, ignoreCase: true);
            return new Row(i, names[i.ImplementationCode], CaseNames.Of(status), status == CaseStatus.Draft);
        })];
        Next = page.Next;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if ((await delete.HandleAsync(id, cancellationToken)) is { IsSuccess: false } failed)
        {
            ModelState.AddError(failed.Error!);
            return await OnGetAsync(cancellationToken);
        }

        TempData.Notice(t["草稿已删除。"]);
        return Redirect("/me/cases");
    }
}
