using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences.Features.ListLicenceTypes;

/// <summary>
/// Finds a licence type by its code or by its exact name (a catalog item's result names the licence
/// it yields: "营业执照"). The lead wires this into the module's face for the Cases module.
/// </summary>
public sealed class LicenceTypeLookup(TongbanDbContext db)
{
    public async Task<LicenceType?> FindTypeByReferenceAsync(string nameOrCode, CancellationToken cancellationToken = default)
    {
        var reference = nameOrCode?.Trim() ?? "";
        if (reference.Length == 0)
        {
            return null;
        }

        if (LicenceTypeCode.Parse(reference).TryGet(out var code, out _))
        {
            return await db.Set<LicenceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
        }

        // Names are not unique across defining bodies: only an unambiguous name is an answer.
        var named = await db.Set<LicenceType>().AsNoTracking().Where(t => t.Name == reference).Take(2).ToListAsync(cancellationToken);
        return named.Count == 1 ? named[0] : null;
    }
}
