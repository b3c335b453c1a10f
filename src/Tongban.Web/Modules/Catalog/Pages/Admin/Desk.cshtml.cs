using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.ClaimItem;
using Tongban.Modules.Catalog.Features.IssueItem;
using Tongban.Modules.Catalog.Features.ListClaimable;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Admin;

/// <summary>The fields of 下发基本目录事项 (platform and city region admins).</summary>
public sealed class IssueItemForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public ItemType Type { get; set; } = ItemType.AdministrativeLicensing;

    public string? CompetentDepartment { get; set; }

    public string? LegalBasis { get; set; }

    public List<ExerciseLevel> Levels { get; set; } = [];

    public string? ParentCode { get; set; }
}

/// <summary>事项认领: the items issued to the administrator's level, their claim status, claiming, and issuing new items.</summary>
[Authorize(Policy = Policies.StaffAdmin)]
public sealed class DeskModel(ListClaimableHandler list, ClaimItemHandler claim, IssueItemHandler issue, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Unclaimed { get; set; }

    [BindProperty]
    public IssueItemForm Issue { get; set; } = new();

    public ClaimDesk Desk { get; private set; } = null!;

    /// <summary>This page with its filters, to which the pager adds its part.</summary>
    public string Filtered => $"/admin/catalog?q={Uri.EscapeDataString(Q ?? "")}&unclaimed={(Unclaimed ? "true" : "false")}";

    public string? NextPage => Desk.Next is { } next ? $"{Filtered}&after={Uri.EscapeDataString(next)}" : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostClaimAsync(string code, Guid departmentId, CancellationToken cancellationToken)
    {
        var claimed = await claim.HandleAsync(code, departmentId, cancellationToken);
        if (claimed.IsSuccess)
        {
            TempData.Notice(t["已认领“{0}”。请完善实施清单要素后提交审核。", claimed.Value.DraftName]);
            return Redirect($"/admin/catalog/implementations/{claimed.Value.Id}");
        }

        // The claim forms repeat on every row, so the message goes to the summary without a field link.
        ModelState.AddError(claimed.Error with { Field = null });
        return await LoadAsync(cancellationToken) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var issued = await issue.HandleAsync(
                new IssueItemRequest(Issue.Code ?? "", Issue.Name ?? "", Issue.Type, Issue.CompetentDepartment ?? "", Issue.LegalBasis ?? "", Issue.Levels, Issue.ParentCode),
                cancellationToken);
            if (issued.IsSuccess)
            {
                TempData.Notice(t["已下发基本目录事项“{0}”（{1}）。", issued.Value.Name, issued.Value.Code.Value]);
                return Redirect("/admin/catalog");
            }

            ModelState.AddError(issued.Error, nameof(Issue));
        }

        return await LoadAsync(cancellationToken) ? Page() : Forbid();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(await list.HandleAsync(new ListClaimableRequest(Q, After, Unclaimed), cancellationToken)).TryGet(out var desk, out _))
        {
            return false;
        }

        Desk = desk;
        return true;
    }
}
