using Tongban.Domain.Catalog;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Platform.Security;

namespace Tongban.Modules.Catalog.Features.Shared;

/// <summary>
/// Who may do what in the catalog. Editors: department admins of the implementing department and
/// region admins of its region. Reviewers: region admins whose region contains it. Platform admins:
/// everything. Outside scope the record does not exist for the caller (404, never a leak).
/// </summary>
public sealed class CatalogAccess(CurrentUser me)
{
    public static readonly NotFound ImplementationNotFound = new("catalog.implementation-not-found");

    /// <summary>A region admin's scope may name their own department; they still edit every department of the region.</summary>
    public bool CanEdit(RegionCode region, Guid departmentId) =>
        me.IsPlatformAdmin
        || (me.HasAnyRole(Role.RegionAdmin) && me.CanSeeRegion(region))
        || (me.HasAnyRole(Role.DepartmentAdmin) && me.CanActOn(region, departmentId));

    public bool CanEdit(Implementation implementation) => CanEdit(implementation.RegionCode, implementation.DepartmentId);

    public bool CanReview(Implementation implementation) => IsReviewer && me.CanSeeRegion(implementation.RegionCode);

    public bool CanSee(Implementation implementation) => CanEdit(implementation) || CanReview(implementation);

    /// <summary>Reviewers: platform admins and region admins (each within their region).</summary>
    public bool IsReviewer => me.HasAnyRole(Role.PlatformAdmin, Role.RegionAdmin);

    /// <summary>无需认领备案 is a decision for the whole region: its region admin (or a platform admin) files it.</summary>
    public bool CanFileExemptions => IsReviewer && me.Scope is not null;

    /// <summary>Issuing basic items is for the platform and the city's own region admins.</summary>
    public bool CanIssueItems => me.IsPlatformAdmin || (me.HasAnyRole(Role.RegionAdmin) && me.Scope?.Region.Level <= RegionLevel.City);

    /// <summary>How the actor is named on records (claimed by, submitted by, published by).</summary>
    public string ActorId => me.AccountId?.ToString() ?? "system";

    /// <summary>The actor's display name, for people reading the records.</summary>
    public string ActorName => me.DisplayName;
}
