using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.Jwks;
using Tongban.Modules.Licences.Seals;
using Tongban.Modules.Organisation;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using Conflict = Tongban.Domain.Primitives.Conflict;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Licences.Features.ManageSeals;

/// <summary>A department and its seals, newest generation first (none before its first signature).</summary>
public sealed record DepartmentSeals(DepartmentSummary Department, IReadOnlyList<Seal> Seals)
{
    public Seal? Current => Seals.FirstOrDefault(s => s.RetiredAt is null);
}

/// <summary>
/// 印章管理: the departments an administrator may act on, with their seals, and 换章 (rotation).
/// Platform admins see every department; region admins those in their region; department admins their own.
/// </summary>
public sealed class ManageSealsHandler(TongbanDbContext db, SealBook seals, IOrganisationDirectory organisation, CurrentUser me, AuditTrail audit)
{
    public async Task<IReadOnlyList<DepartmentSeals>> ListAsync(CancellationToken cancellationToken)
    {
        var departments = new List<DepartmentSummary>();
        foreach (var region in await RegionsInViewAsync(cancellationToken))
        {
            departments.AddRange((await organisation.DepartmentsInAsync(region, cancellationToken)).Where(d => me.CanActOn(d.Region, d.Id)));
        }

        var all = await seals.AllAsync(cancellationToken);
        return [.. departments.DistinctBy(d => d.Id).Select(d => new DepartmentSeals(d, [.. all.Where(s => s.DepartmentId == d.Id).OrderByDescending(s => s.Generation)]))];
    }

    /// <summary>换章: retires the department's seal and starts the next generation; audited as licences.seal-rotate and saved.</summary>
    public async Task<Result<Seal>> RotateAsync(Guid departmentId, CancellationToken cancellationToken)
    {
        var department = await organisation.FindDepartmentAsync(departmentId, cancellationToken);
        if (department is null)
        {
            return new NotFound("licences.seal-department-not-found");
        }

        if (!me.CanActOn(department.Region, department.Id))
        {
            return new Forbidden("licences.seal-not-in-scope", department.Name);
        }

        var before = (await seals.OfDepartmentAsync(department.Id, cancellationToken)).FirstOrDefault();
        var seal = await seals.RotateAsync(department.Id, cancellationToken);
        audit.Record("licences.seal-rotate", nameof(Seal), department.Id.ToString(),
            before: before is null ? null : new { generation = before.Generation, keyId = before.KeyId },
            after: new { generation = seal.Generation, keyId = seal.KeyId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone rotated the same seal at the same moment: their generation stands.
            return new Conflict("licences.seal-rotate-conflict", department.Name);
        }

        return seal;
    }

    private async Task<IReadOnlyList<RegionCode>> RegionsInViewAsync(CancellationToken cancellationToken)
    {
        if (me.IsPlatformAdmin)
        {
            var regions = await organisation.RegionsAsync(RegionLevel.City, cancellationToken);
            var top = regions.Count == 0 ? RegionLevel.City : regions.Min(r => r.Level);
            return [.. regions.Where(r => r.Level == top).Select(r => r.Code)];
        }

        return me.Scope is { } scope ? [scope.Region] : [];
    }
}

/// <summary>POST /api/v1/seals/{departmentId}/rotate.</summary>
public static class ManageSealsApi
{
    public static void Map(RouteGroupBuilder admins)
    {
        admins.MapPost("/seals/{departmentId:guid}/rotate", async Task<Results<Ok<SealJwk>, ProblemHttpResult>> (Guid departmentId, ManageSealsHandler handler, CancellationToken ct) =>
                (await handler.RotateAsync(departmentId, ct)).TryGet(out var seal, out var error) ? TypedResults.Ok(JsonWebKeys.From(seal)) : error.ToProblem())
            .WithName("RotateSeal")
            .WithSummary("Rotate a department's seal (换章)")
            .WithDescription("Retires the department's current seal and starts the next generation with a new key; licences the old seal signed stay verifiable (its key stays in the JWKS). "
                + "Platform admins for any department, region admins within their region, department admins for their own department (403 otherwise). Answers the new seal as a JWK. Audited (licences.seal-rotate).");
    }
}
