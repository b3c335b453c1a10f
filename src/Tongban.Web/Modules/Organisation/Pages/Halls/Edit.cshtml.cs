using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.EditHall;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Organisation.Pages.Halls;

/// <summary>Edits a hall's details; one outside the administrator's scope answers 404.</summary>
public sealed class EditHallModel(EditHallHandler editHall, IStringLocalizer<SharedResource> t) : HallFormModel
{
    /// <summary>The version the form was filled from (optimistic concurrency).</summary>
    [BindProperty]
    public int Version { get; set; }

    public HallDetails Hall { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        (Name, Address, OpeningHours, Latitude, Longitude, Version) =
            (Hall.Name, Hall.Address, Hall.OpeningHours, Show(Hall.Latitude), Show(Hall.Longitude), Hall.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (latitude, longitude) = ReadCoordinates();
        ModelState.AddErrors(latitude.Error, longitude.Error);
        if (ModelState.IsValid)
        {
            var edited = await editHall.HandleAsync(new EditHall(id, Version, Name, Address, OpeningHours, latitude.Value, longitude.Value), cancellationToken);
            if (edited.IsSuccess)
            {
                TempData.Notice(t["已保存大厅信息。"]);
                return Redirect($"/admin/halls/{id}");
            }

            if (edited.Error is NotFound)
            {
                return NotFound();
            }

            ModelState.AddError(edited.Error);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await editHall.GetAsync(id, cancellationToken)).TryGet(out var hall, out _))
        {
            return false;
        }

        Hall = hall;
        return true;
    }
}
