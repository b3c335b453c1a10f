using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.Listing;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Identity.Features.ListEnterprises;

/// <param name="After">The sealed cursor of the next page, as the previous page gave it.</param>
public sealed record ListEnterprisesRequest(string? After);

/// <summary>A legal person as the directory shows it: the USCC is public, the representative's name is masked.</summary>
public sealed record EnterpriseListItem(string Uscc, string Name, RegionCode Region, string MaskedRepresentative);

/// <summary>法人名录 for platform and region admins, in USCC order, inside the admin's region. Every page read is audited.</summary>
public sealed class ListEnterprisesHandler(TongbanDbContext db, CurrentUser me, AuditTrail audit, SealedCursors cursors)
{
    private const string CursorPurpose = "enterprises";

    public async Task<Result<DirectoryPage<EnterpriseListItem>>> HandleAsync(ListEnterprisesRequest request, CancellationToken cancellationToken)
    {
        if (!DirectoryReach.Of(me).TryGet(out var region, out var refused))
        {
            return refused;
        }

        if (!cursors.Open(CursorPurpose, request.After).TryGet(out var after, out var invalid))
        {
            return invalid;
        }

        var enterprises = db.Set<LegalPerson>().AsNoTracking();
        if (region is { } within)
        {
            var (from, to) = CodePrefix.Range(CodePrefix.Of(within));
            enterprises = enterprises.Where(e => string.Compare((string)(object)e.RegionCode, from) >= 0 && string.Compare((string)(object)e.RegionCode, to) < 0);
        }

        if (after is not null)
        {
            enterprises = enterprises.Where(e => string.Compare((string)(object)e.Uscc, after) > 0);
        }

        var rows = await enterprises
            .OrderBy(e => e.Uscc)
            .Take(DirectoryPage<EnterpriseListItem>.Size + 1)
            .Select(e => new { e.Uscc, e.Name, e.RegionCode, e.LegalRepresentativeName })
            .ToListAsync(cancellationToken);
        var page = DirectoryPage<EnterpriseListItem>.From(
            rows,
            DirectoryPage<EnterpriseListItem>.Size,
            e => new EnterpriseListItem(e.Uscc.Value, e.Name, e.RegionCode, Masking.MaskName(e.LegalRepresentativeName)),
            e => cursors.Seal(CursorPurpose, e.Uscc.Value));
        audit.Record("person.list-read", nameof(LegalPerson), "list", after: new
        {
            Region = region?.Value,
            Shown = page.Items.Select(e => e.Uscc).ToArray(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return page;
    }
}
