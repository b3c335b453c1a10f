using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.ListHalls;

public sealed record HallRow(Guid Id, string Name, string RegionName, string Address, int WindowCount);

/// <summary>The service halls in the administrator's scope, by region then name.</summary>
public sealed class ListHallsHandler(TongbanDbContext db, OrganisationScope scope)
{
    public async Task<IReadOnlyList<HallRow>> HandleAsync(CancellationToken cancellationToken) =>
        await (from h in scope.Halls.AsNoTracking()
               join r in db.Set<Region>() on h.RegionCode equals r.Code
               orderby h.RegionCode, h.Name
               select new HallRow(h.Id, h.Name, r.Name, h.Address, h.Windows.Count))
            .ToListAsync(cancellationToken);
}
