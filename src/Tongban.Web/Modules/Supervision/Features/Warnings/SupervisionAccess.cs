using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation;
using Tongban.Platform.Security;

namespace Tongban.Modules.Supervision.Features.Warnings;

/// <summary>Where a supervision list looks: a region (everywhere when null) and possibly one department.</summary>
public sealed record SupervisionScope(RegionCode? Region, Guid? DepartmentId);

/// <summary>
/// Who may read supervision lists and in which scope: supervisors, region admins and the platform admin
/// oversee their region; department admins and approvers see their own department. Anything asked for
/// outside that is not found, so its existence does not leak.
/// </summary>
public sealed class SupervisionAccess
{
    private readonly CurrentUser _user;

    private SupervisionAccess(CurrentUser user, bool oversees)
    {
        _user = user;
        Oversees = oversees;
    }

    /// <summary>Supervises (reads every department of the region, issues and closes 督办) rather than handles.</summary>
    public bool Oversees { get; }

    public static SupervisionAccess? Of(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsStaff)
        {
            return null;
        }

        if (user.HasAnyRole(Role.Supervisor, Role.RegionAdmin, Role.PlatformAdmin) && (user.IsPlatformAdmin || user.Scope is not null))
        {
            return new SupervisionAccess(user, oversees: true);
        }

        return user.HasAnyRole(Role.DepartmentAdmin, Role.Approver) && user.Scope is { DepartmentId: not null }
            ? new SupervisionAccess(user, oversees: false)
            : null;
    }

    /// <summary>Whether a case or order of this region and department is in the caller's scope.</summary>
    public bool Covers(RegionCode region, Guid departmentId) =>
        Oversees ? _user.CanSeeRegion(region) : _user.CanActOn(region, departmentId) && _user.Scope?.DepartmentId == departmentId;

    /// <summary>The caller's scope narrowed to the region and department asked for, or not found when they lie outside it.</summary>
    public async Task<Result<SupervisionScope>> NarrowAsync(string? region, Guid? department, IOrganisationDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var own = _user.IsPlatformAdmin ? null : _user.Scope;
        RegionCode? area = own?.Region;
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (!RegionCode.Parse(region.Trim()).TryGet(out var asked, out _))
            {
                return new Invalid("supervision.region-invalid", region) { Field = "region" };
            }

            if (!_user.CanSeeRegion(asked))
            {
                return new NotFound("supervision.region-not-found", asked.Value);
            }

            area = asked;
        }

        var unit = Oversees ? department : own?.DepartmentId;
        if (department is { } id)
        {
            if (await directory.FindDepartmentAsync(id, cancellationToken) is not { } found || !Covers(found.Region, id))
            {
                return new NotFound("supervision.department-not-found", id.ToString());
            }
        }

        return new SupervisionScope(area, unit);
    }
}
