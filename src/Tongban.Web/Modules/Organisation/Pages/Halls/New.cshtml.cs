using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Organisation.Features.CreateHall;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Organisation.Pages.Halls;

public sealed class NewHallModel(CreateHallHandler createHall, OrganisationScope scope, IStringLocalizer<SharedResource> t) : HallFormModel
{
    [BindProperty]
    public string? RegionCode { get; set; }

    public IReadOnlyList<RegionNode> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Regions = await scope.RegionTreeAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var region = FormInput.Region(RegionCode, nameof(RegionCode));
        var (latitude, longitude) = ReadCoordinates();
        ModelState.AddErrors(region.Error, latitude.Error, longitude.Error);
        if (ModelState.IsValid)
        {
            var created = await createHall.HandleAsync(new CreateHall(region.Value, Name, Address, OpeningHours, latitude.Value, longitude.Value), cancellationToken);
            if (created.IsSuccess)
            {
                TempData.Notice(t["已新增大厅“{0}”，请继续设置窗口。", Name!.Trim()]);
                return Redirect($"/admin/halls/{created.Value}");
            }

            ModelState.AddError(created.Error);
        }

        Regions = await scope.RegionTreeAsync(cancellationToken);
        return Page();
    }
}
