using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Organisation.Features.AddRegion;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Organisation.Pages.Regions;

public sealed class NewRegionModel(AddRegionHandler addRegion, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = FormInput.Region(Code, nameof(Code));
        var added = code.IsSuccess ? await addRegion.HandleAsync(new AddRegion(code.Value, Name), cancellationToken) : code;
        if (!added.IsSuccess)
        {
            ModelState.AddError(added.Error);
            return Page();
        }

        TempData.Notice(t["已添加区划“{0}”（{1}）。", Name!.Trim(), added.Value.Value]);
        return Redirect("/admin/regions");
    }
}
