using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.Listing;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Identity.Features.ListEnterprises;

/// <param name="After">The sealed cursor of the next page, as the previous page gave it.</param>
public sealed record ListEnterprisesRequest(string? After);

/// <summary>A legal person as the directory shows it: the USCC is public, the representative's name is masked.</summary>
public sealed record EnterpriseListItem(string Uscc, string Name, RegionCode Region, string MaskedRepresentative);

/// <summary>法人名录 for platform and region admins, in USCC order, inside the admin's region. Every page read is audited.</summary>
public sealed class ListEnterprisesHandler(TongbanDbContext db, DirectoryPages pages)
{
    public Task<Result<DirectoryPage<EnterpriseListItem>>> HandleAsync(ListEnterprisesRequest request, CancellationToken cancellationToken) =>
        pages.ReadAsync(
            "enterprises",
            request.After,
            async (region, after, take, ct) =>
            {
                var enterprises = db.Set<LegalPerson>().AsNoTracking();
                if (region is { } within)
                {
                    enterprises = enterprises.Within(e => e.RegionCode, within);
                }

                if (after is not null)
                {
                    enterprises = enterprises.Where(e => string.Compare((string)(object)e.Uscc, after) > 0);
                }

                return await enterprises
                    .OrderBy(e => e.Uscc)
                    .Take(take)
                    .Select(e => new { e.Uscc, e.Name, e.RegionCode, e.LegalRepresentativeName })
                    .ToListAsync(ct);
            },
            e => new EnterpriseListItem(e.Uscc.Value, e.Name, e.RegionCode, Masking.MaskName(e.LegalRepresentativeName)),
            e => e.Uscc.Value,
            nameof(LegalPerson),
            e => e.Uscc,
            cancellationToken);
}
