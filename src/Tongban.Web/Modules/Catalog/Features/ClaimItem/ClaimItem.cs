using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.ClaimItem;

/// <summary>认领: a department takes on a basic item in its own region and gets a draft implementation.</summary>
public sealed class ClaimItemHandler(TongbanDbContext db, IOrganisationDirectory organisation, CatalogAccess access, AuditTrail audit, CityClock clock)
{
    public async Task<Result<Implementation>> HandleAsync(string basicCode, Guid departmentId, CancellationToken cancellationToken)
    {
        var code = BasicItemCode.Parse(basicCode);
        if (!code.IsSuccess)
        {
            return code.Error;
        }

        var item = await db.Set<CatalogItem>().FirstOrDefaultAsync(i => i.Code == code.Value, cancellationToken);
        if (item is null)
        {
            return new NotFound("catalog.item-not-found", basicCode);
        }

        var department = await organisation.FindDepartmentAsync(departmentId, cancellationToken);
        if (department is null || !access.CanEdit(department.Region, department.Id))
        {
            return new NotFound("department.not-found");
        }

        var level = LevelOf(department.Region);
        if (!item.Levels.Contains(level))
        {
            return new Invalid("catalog.level-not-exercised", item.Name) { Field = nameof(departmentId) };
        }

        var implementationCode = ImplementationCode.Create(department.Uscc, level, item.Code);
        if (await db.Set<Implementation>().AnyAsync(i => i.Code == implementationCode, cancellationToken))
        {
            return new Conflict("catalog.already-claimed", item.Name);
        }

        var implementation = Implementation.Claim(Guid.CreateVersion7(), item, department.Uscc, department.Id, department.Region, level, access.ActorId, clock.UtcNow,
            new ImplementationContent { Name = item.Name, ImplementingBody = department.Name });
        db.Add(implementation);
        audit.Record("catalog.claim", nameof(Implementation), implementationCode.Value, after: new { item = item.Code.Value, department = department.Name });
        await db.SaveChangesAsync(cancellationToken);
        return implementation;
    }

    /// <summary>行使层级 of a region: a city department exercises the item at city level, and so on.</summary>
    public static ExerciseLevel LevelOf(RegionCode region) => region.Level switch
    {
        RegionLevel.Province => ExerciseLevel.Provincial,
        RegionLevel.City => ExerciseLevel.Municipal,
        RegionLevel.County => ExerciseLevel.County,
        RegionLevel.Township => ExerciseLevel.Township,
        RegionLevel.Village => ExerciseLevel.Village,
    };
}
