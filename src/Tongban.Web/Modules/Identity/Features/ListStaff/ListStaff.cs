using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.Listing;
using Tongban.Modules.Identity.Features.StaffAdministration;
using Tongban.Platform.Http;

namespace Tongban.Modules.Identity.Features.ListStaff;

/// <param name="Status">Active or Disabled; empty for both.</param>
/// <param name="After">The employee id the previous page ended with.</param>
public sealed record ListStaffRequest(string? Status, string? After, int? Limit = null);

public sealed record StaffListItem(Guid Id, string EmployeeId, string Name, IReadOnlyList<Role> Roles, RegionCode ScopeRegion, Guid? DepartmentId, AccountStatus Status);

/// <summary>Staff accounts the administrator oversees, by employee id, one page at a time.</summary>
public sealed class ListStaffHandler(StaffAccounts staff)
{
    public const int MaxLimit = 200;

    public async Task<Result<DirectoryPage<StaffListItem>>> HandleAsync(ListStaffRequest request, CancellationToken cancellationToken)
    {
        var query = staff.Overseen();
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            if (!Enum.TryParse<AccountStatus>(request.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return new Invalid("staff.status-unknown", request.Status) { Field = nameof(request.Status) };
            }

            query = query.Where(a => a.Status == status);
        }

        if (request.After?.Trim().ToUpperInvariant() is { Length: > 0 } after)
        {
            query = query.Where(a => string.Compare(a.LoginName, after) > 0);
        }

        var limit = Math.Clamp(request.Limit ?? DirectoryPage<StaffListItem>.Size, 1, MaxLimit);
        var rows = await query
            .OrderBy(a => a.LoginName)
            .Take(limit + 1)
            .Select(a => new { a.Id, a.LoginName, a.DisplayName, a.Roles, a.ScopeRegion, a.ScopeDepartmentId, a.Status })
            .ToListAsync(cancellationToken);
        return DirectoryPage<StaffListItem>.From(
            rows,
            limit,
            a => new StaffListItem(a.Id, a.LoginName, a.DisplayName, a.Roles, a.ScopeRegion!.Value, a.ScopeDepartmentId, a.Status),
            a => a.LoginName);
    }
}

/// <summary>A staff account as department systems read it: no personal identifiers.</summary>
public sealed record StaffSummary(Guid Id, string EmployeeId, string Name, IReadOnlyList<string> Roles, string ScopeRegion, Guid? DepartmentId, string Status);

public sealed record StaffSummaryPage(IReadOnlyList<StaffSummary> Items, string? Next);

/// <summary>GET /api/v1/staff: the staff list for department systems.</summary>
internal static class ListStaffEndpoint
{
    public static async Task<Results<Ok<StaffSummaryPage>, ProblemHttpResult>> HandleAsync(
        ListStaffHandler handler, string? status, string? after, int? limit, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListStaffRequest(status, after, limit), cancellationToken);
        if (!result.TryGet(out var page, out var error))
        {
            return error.ToProblem();
        }

        return TypedResults.Ok(new StaffSummaryPage(
            [.. page.Items.Select(s => new StaffSummary(s.Id, s.EmployeeId, s.Name, [.. s.Roles.Select(r => r.ToString())], s.ScopeRegion.Value, s.DepartmentId, s.Status.ToString()))],
            page.Next));
    }
}
