using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Organisation.Features.ListHalls;

namespace Tongban.Modules.Organisation.Pages.Halls;

public sealed class HallsModel(ListHallsHandler listHalls) : PageModel
{
    public IReadOnlyList<HallRow> Halls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Halls = await listHalls.HandleAsync(cancellationToken);
}
