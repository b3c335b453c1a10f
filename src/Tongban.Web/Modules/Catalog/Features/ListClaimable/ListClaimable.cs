using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Catalog;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.ClaimItem;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Catalog.Features.ListClaimable;

/// <param name="Query">Part of the item's name, or its whole 基本编码.</param>
/// <param name="After">基本编码 of the last item of the previous page (keyset paging).</param>
/// <param name="UnclaimedOnly">Only the items nobody in the caller's unit has claimed or filed as not needing a claim.</param>
public sealed record ListClaimableRequest(string? Query, string? After, bool UnclaimedOnly);

public enum ClaimState
{
    Claimed,     // 已认领
    Unclaimed,   // 未认领
    Exempted,    // 无需认领
}

/// <summary>An implementation claimed in the caller's unit, linked from the desk.</summary>
public sealed record ClaimLink(Guid ImplementationId, string DepartmentName, ImplementationStatus Status, int? PublishedVersion);

/// <summary>A filed 无需认领: why, and with which lead department.</summary>
public sealed record FiledExemption(string Reason, string LeadDepartmentName, DateTimeOffset FiledAt);

/// <summary>
/// One basic item on the desk with its claim status in the caller's unit. <see cref="ClaimableBy"/>
/// lists the departments the caller may still claim it for; <see cref="Overdue"/> flags an item still
/// unclaimed after the claim period (逾期未认领).
/// </summary>
public sealed record ClaimableItem(
    CatalogItem Item,
    DateTimeOffset ClaimDeadline,
    IReadOnlyList<ClaimLink> Claims,
    IReadOnlyList<FiledExemption> Exemptions,
    bool Overdue,
    IReadOnlyList<DepartmentSummary> ClaimableBy,
    bool ExemptionAllowed)
{
    public ClaimState State => Claims.Count > 0 ? ClaimState.Claimed : Exemptions.Count > 0 ? ClaimState.Exempted : ClaimState.Unclaimed;
}

/// <param name="Level">The level whose items are listed; null for a platform admin, who sees every item.</param>
public sealed record ClaimDesk(ExerciseLevel? Level, IReadOnlyList<ClaimableItem> Items, string? Next, bool CanIssueItems, bool IsReviewer);

/// <summary>
/// 事项认领台: the basic items issued to the caller's level and, for each, whether the caller's unit
/// has claimed it — a department admin's unit is their department, a region admin's their region,
/// a platform admin's everywhere.
/// </summary>
public sealed class ListClaimableHandler(
    TongbanDbContext db, IOrganisationDirectory organisation, CatalogAccess access, CurrentUser me, CityClock clock, IOptions<CatalogPolicy> policy)
{
    public const int PageSize = 50;

    public async Task<Result<ClaimDesk>> HandleAsync(ListClaimableRequest request, CancellationToken cancellationToken)
    {
        if (UnitOfCaller() is not { } unit)
        {
            return new Forbidden("catalog.desk-forbidden");
        }

        var claims = db.Set<Implementation>().AsNoTracking().AsQueryable();
        var exemptions = db.Set<ClaimExemption>().AsNoTracking().AsQueryable();
        if (unit.Region is { } region)
        {
            claims = unit.Department is { } department ? claims.Where(i => i.DepartmentId == department) : claims.Where(i => i.RegionCode == region);
            exemptions = exemptions.Where(e => e.RegionCode == region);
        }

        var items = db.Set<CatalogItem>().AsNoTracking().AsQueryable();
        if (unit.Level is { } level)
        {
            // 行使层级 is stored as digits ("3,4"); one digit per level, so a LIKE finds it.
            var digit = $"%{((int)level).ToString(CultureInfo.InvariantCulture)}%";
            items = items.Where(i => EF.Functions.Like((string)(object)i.Levels, digit));
        }

        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            var query = request.Query.Trim();
            var code = query.ToUpperInvariant();
            items = items.Where(i => i.Name.Contains(query) || (string)(object)i.Code == code);
        }

        if (!string.IsNullOrWhiteSpace(request.After))
        {
            var after = request.After.Trim();
            items = items.Where(i => string.Compare((string)(object)i.Code, after) > 0);
        }

        if (request.UnclaimedOnly)
        {
            items = items.Where(i => !claims.Any(c => c.BasicCode == i.Code) && !exemptions.Any(e => e.BasicCode == i.Code));
        }

        var page = await items.OrderBy(i => i.Code).Take(PageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > PageSize ? page[PageSize - 1].Code.Value : null;
        page = page[..Math.Min(page.Count, PageSize)];

        var codes = page.Select(i => i.Code).ToList();
        var pageClaims = await claims.Where(c => codes.Contains(c.BasicCode))
            .Select(c => new { c.Id, c.BasicCode, c.DepartmentId, c.Status, c.PublishedVersion })
            .ToListAsync(cancellationToken);
        var pageExemptions = await exemptions.Where(e => codes.Contains(e.BasicCode)).ToListAsync(cancellationToken);
        var candidates = await CandidateDepartmentsAsync(unit, cancellationToken);
        var names = await DepartmentNames.OfAsync(
            organisation,
            pageClaims.Select(c => c.DepartmentId).Concat(pageExemptions.Select(e => e.LeadDepartmentId)).Where(id => candidates.All(d => d.Id != id)),
            cancellationToken);
        string NameOf(Guid id) => candidates.FirstOrDefault(d => d.Id == id)?.Name ?? names.GetValueOrDefault(id)?.Name ?? "";

        var now = clock.UtcNow;
        var rows = page.Select(item =>
        {
            var itemClaims = pageClaims.Where(c => c.BasicCode == item.Code)
                .Select(c => new ClaimLink(c.Id, NameOf(c.DepartmentId), c.Status, c.PublishedVersion))
                .OrderBy(c => c.DepartmentName, StringComparer.Ordinal)
                .ToList();
            var filed = pageExemptions.Where(e => e.BasicCode == item.Code)
                .Select(e => new FiledExemption(e.Reason, NameOf(e.LeadDepartmentId), e.FiledAt))
                .ToList();
            var claimedBy = pageClaims.Where(c => c.BasicCode == item.Code).Select(c => c.DepartmentId).ToHashSet();
            var open = itemClaims.Count == 0 && filed.Count == 0;
            var deadline = item.ClaimDeadline(policy.Value);
            return new ClaimableItem(
                item,
                deadline,
                itemClaims,
                filed,
                Overdue: open && now > deadline,
                ClaimableBy: filed.Count > 0 ? [] : [.. candidates.Where(d => !claimedBy.Contains(d.Id) && item.Levels.Contains(ClaimItemHandler.LevelOf(d.Region)))],
                ExemptionAllowed: open && access.CanFileExemptions && me.Scope is { } scope && item.Levels.Contains(ClaimItemHandler.LevelOf(scope.Region)));
        }).ToList();

        return new ClaimDesk(unit.Level, rows, next, access.CanIssueItems, access.IsReviewer);
    }

    /// <summary>The departments the caller may claim for: their own (department admin), their region's (region admin), all (platform admin).</summary>
    private async Task<IReadOnlyList<DepartmentSummary>> CandidateDepartmentsAsync(Unit unit, CancellationToken cancellationToken)
    {
        if (me.Scope is not { } scope)
        {
            return [];
        }

        var top = scope.Region;
        while (unit.Region is null && top.Parent is { } parent)
        {
            top = parent;
        }

        var departments = await organisation.DepartmentsInAsync(unit.Region ?? top, cancellationToken);
        return [.. departments.Where(d =>
            (unit.Department is null || d.Id == unit.Department)
            && (unit.Region is null || d.Region == unit.Region)
            && access.CanEdit(d.Region, d.Id))];
    }

    /// <summary>Where the caller's claims are counted: a region (and department), or everywhere with a null region.</summary>
    private sealed record Unit(RegionCode? Region, Guid? Department, ExerciseLevel? Level);

    private Unit? UnitOfCaller() =>
        me.IsPlatformAdmin ? new Unit(null, null, null)
        : me.Scope is not { } scope ? null
        : me.HasAnyRole(Role.RegionAdmin) ? new Unit(scope.Region, null, ClaimItemHandler.LevelOf(scope.Region))
        : me.HasAnyRole(Role.DepartmentAdmin) && scope.DepartmentId is { } department ? new Unit(scope.Region, department, ClaimItemHandler.LevelOf(scope.Region))
        : null;
}
