using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.RenameRegion;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Organisation.Pages.Regions;

public sealed class EditRegionModel(RenameRegionHandler renameRegion, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public RegionDetails Region { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Name = Region.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var renamed = await renameRegion.HandleAsync(new RenameRegion(Region.Code, Name), cancellationToken);
        if (!renamed.IsSuccess)
        {
            if (renamed.Error is NotFound)
            {
                return NotFound();
            }

            ModelState.AddError(renamed.Error);
            return Page();
        }

        TempData.Notice(t["已将区划 {0} 更名为“{1}”。", Region.Code.Value, Name!.Trim()]);
        return Redirect("/admin/regions");
    }

    /// <summary>A malformed code, an unknown one and one outside the scope all answer 404.</summary>
    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var parsed = RegionCode.Parse(code);
        if (!parsed.IsSuccess || !(await renameRegion.GetAsync(parsed.Value, cancellationToken)).TryGet(out var region, out _))
        {
            return false;
        }

        Region = region;
        return true;
    }
}
