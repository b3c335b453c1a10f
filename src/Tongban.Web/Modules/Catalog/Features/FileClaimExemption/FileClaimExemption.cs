using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.ClaimItem;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Catalog.Features.FileClaimExemption;

public sealed record FileClaimExemptionRequest(string BasicCode, string? Reason, Guid? LeadDepartmentId);

/// <summary>The item to be filed and the departments that may lead it (the form's choices).</summary>
public sealed record ExemptionForm(CatalogItem Item, string RegionName, IReadOnlyList<DepartmentSummary> LeadDepartments);

/// <summary>
/// 无需认领备案: a region admin records that the region does not implement an item issued to its
/// level, with the reason, filed with the lead department. Not once a department of the region has claimed it.
/// </summary>
public sealed class FileClaimExemptionHandler(
    TongbanDbContext db, IOrganisationDirectory organisation, CatalogAccess access, CurrentUser me, AuditTrail audit, CityClock clock)
{
    public async Task<Result<ExemptionForm>> FormAsync(string basicCode, CancellationToken cancellationToken)
    {
        if (!access.CanFileExemptions || me.Scope is not { } scope)
        {
            return new Forbidden("catalog.exemption-forbidden");
        }

        var item = BasicItemCode.Parse(basicCode) is { IsSuccess: true } code
            ? await db.Set<CatalogItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code.Value, cancellationToken)
            : null;
        if (item is null)
        {
            return new NotFound("catalog.item-not-found", basicCode);
        }

        if (!item.Levels.Contains(ClaimItemHandler.LevelOf(scope.Region)))
        {
            return new Invalid("catalog.level-not-exercised", item.Name);
        }

        var region = await organisation.FindRegionAsync(scope.Region, cancellationToken);
        var departments = await organisation.DepartmentsInAsync(scope.Region, cancellationToken);
        return new ExemptionForm(item, region?.Name ?? scope.Region.Value, [.. departments.Where(d => d.Region == scope.Region)]);
    }

    public async Task<Result<ClaimExemption>> HandleAsync(FileClaimExemptionRequest request, CancellationToken cancellationToken)
    {
        if (!(await FormAsync(request.BasicCode, cancellationToken)).TryGet(out var form, out var error))
        {
            return error;
        }

        var region = me.Scope!.Region;
        var item = form.Item;
        var lead = form.LeadDepartments.FirstOrDefault(d => d.Id == request.LeadDepartmentId);
        if (lead is null)
        {
            return new Invalid("catalog.lead-department-required") { Field = nameof(request.LeadDepartmentId) };
        }

        if (await db.Set<ClaimExemption>().AnyAsync(e => e.BasicCode == item.Code && e.RegionCode == region, cancellationToken))
        {
            return new Conflict("catalog.exemption-exists", item.Name);
        }

        if (await db.Set<Implementation>().AnyAsync(i => i.BasicCode == item.Code && i.RegionCode == region, cancellationToken))
        {
            return new Conflict("catalog.exemption-after-claim", item.Name);
        }

        var filed = ClaimExemption.File(item.Code, region, request.Reason ?? "", lead.Id, clock.UtcNow, access.ActorId);
        if (!filed.IsSuccess)
        {
            return filed.Error;
        }

        db.Add(filed.Value);
        audit.Record("catalog.claim-exemption", nameof(ClaimExemption), $"{item.Code.Value}/{region.Value}",
            after: new { reason = filed.Value.Reason, leadDepartment = lead.Name });
        await db.SaveChangesAsync(cancellationToken);
        return filed.Value;
    }
}
