using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Catalog.Features.Shared;

/// <summary>
/// What a reader of the catalog reports (六统一, frequency classes, claims) sees: platform admins
/// everything; region admins and supervisors (read-only) their region and everything under it;
/// department admins their own department's implementations. The reports hold no personal data,
/// so reading them is not audited.
/// </summary>
public sealed record ReportReach(RegionCode? Region, Guid? DepartmentId)
{
    /// <summary>The roles of <see cref="CatalogModule.ReportsPolicy"/>; the reach is then applied row by row.</summary>
    public static readonly string[] Roles = [nameof(Role.PlatformAdmin), nameof(Role.RegionAdmin), nameof(Role.DepartmentAdmin), nameof(Role.Supervisor)];

    public static Result<ReportReach> Of(CurrentUser me) =>
        me.IsPlatformAdmin ? new ReportReach(null, null)
        : me.Scope is not { } scope ? new Forbidden("catalog.reports-forbidden")
        : me.HasAnyRole(Role.RegionAdmin, Role.Supervisor) ? new ReportReach(scope.Region, null)
        : me.HasAnyRole(Role.DepartmentAdmin) && scope.DepartmentId is { } department ? new ReportReach(scope.Region, department)
        : new Forbidden("catalog.reports-forbidden");

    public bool Covers(RegionCode region, Guid departmentId) =>
        (Region is not { } within || within.Contains(region)) && (DepartmentId is not { } only || only == departmentId);

    /// <summary>The published implementations in reach, filtered in the database.</summary>
    internal IQueryable<CatalogSearchEntry> Apply(IQueryable<CatalogSearchEntry> published)
    {
        if (Region is { } within)
        {
            published = published.Within(e => e.RegionCode, within);
        }

        return DepartmentId is { } only ? published.Where(e => e.DepartmentId == only) : published;
    }
}
