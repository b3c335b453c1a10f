using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Organisation.Pages.Halls;

/// <summary>The fields the new and edit hall pages share (_HallFields.cshtml).</summary>
public abstract class HallFormModel : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? OpeningHours { get; set; }

    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    protected (Result<decimal?> Latitude, Result<decimal?> Longitude) ReadCoordinates() =>
        (FormInput.OptionalDecimal(Latitude, nameof(Latitude), "hall.latitude-format"),
         FormInput.OptionalDecimal(Longitude, nameof(Longitude), "hall.longitude-format"));

    protected static string? Show(decimal? coordinate) => coordinate is { } value ? FormInput.Coordinate(value) : null;
}
