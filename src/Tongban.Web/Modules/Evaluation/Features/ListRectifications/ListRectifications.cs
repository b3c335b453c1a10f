using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Evaluation.Features.ListRectifications;

/// <param name="RemainingWorkingDays">Working days left to the deadline (negative once past it).</param>
public sealed record RectificationItem(
    Guid Id, int Version, string State, string StateName, string DepartmentName, string? CaseNumber, int Level,
    DateTimeOffset OpenedAt, DateTimeOffset Deadline, int RemainingWorkingDays, bool Overdue, bool Late, string? AppealState);

public sealed record RectificationList(IReadOnlyList<RectificationItem> Items, bool Truncated);

/// <summary>
/// 差评整改 lists: the department's orders (its approvers and admins, in region), every order in the
/// supervisor's region, or the rater's own; filtered by state, overdue and late ones first, then by deadline.
/// </summary>
public sealed class ListRectificationsHandler(EvaluationStore store, RectificationAccess access)
{
    /// <summary>The most orders one list reads; the rest is reached by the state filter.</summary>
    public const int Limit = 500;

    public async Task<Result<RectificationList>> HandleAsync(RectificationReach reach, string? state, CancellationToken cancellationToken)
    {
        var user = access.User;
        var query = store.Rectifications.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<RectificationState>(state.Trim(), ignoreCase: true, out var wanted))
            {
                return new Invalid("evaluation.rectification-state-unknown", state) { Field = "state" };
            }

            query = query.Where(r => r.State == wanted);
        }

        switch (reach)
        {
            case RectificationReach.Department when !user.IsStaff || !user.HasAnyRole(Role.Approver, Role.DepartmentAdmin, Role.PlatformAdmin):
            case RectificationReach.Supervision when !user.IsStaff || !user.HasAnyRole(Role.Supervisor, Role.PlatformAdmin):
                return new Forbidden("evaluation.rectification-list-forbidden");
            case RectificationReach.Department or RectificationReach.Supervision when !user.IsPlatformAdmin:
                if (user.Scope is not { } scope || (reach == RectificationReach.Department && scope.DepartmentId is null))
                {
                    return new RectificationList([], false);
                }

                query = query.Within(r => r.Region, scope.Region);
                if (reach == RectificationReach.Department)
                {
                    query = query.Where(r => r.DepartmentId == scope.DepartmentId);
                }

                break;
            case RectificationReach.Rater:
                var me = user.AccountId;
                var mine = store.Ratings.Where(g => g.Rater.AccountId == me).Select(g => g.Id);
                query = query.Where(r => r.RealName && mine.Contains(r.RatingId));
                break;
        }

        var rows = await query.OrderBy(r => r.Deadline).Take(Limit + 1).ToListAsync(cancellationToken);
        var shown = rows.Take(Limit).ToList();
        var ratingIds = shown.Select(r => r.RatingId).ToList();
        var ratings = await store.Ratings.AsNoTracking().Where(g => ratingIds.Contains(g.Id))
            .Select(g => new { g.Id, g.Subject, g.Level, g.AppealStatus }).ToDictionaryAsync(g => g.Id, cancellationToken);
        var departments = await access.DepartmentNamesAsync(shown.Select(r => r.DepartmentId), cancellationToken);
        var now = access.Now;
        var items = shown
            .Select(r => (Order: r, Rating: ratings[r.RatingId]))
            .Select(x => new RectificationItem(
                x.Order.Id, x.Order.Version, x.Order.State.ToString(), EvaluationErrors.StateName(x.Order.State), departments[x.Order.DepartmentId],
                x.Rating.Subject.Kind == RatingSubjectKind.Case ? x.Rating.Subject.Reference : null, (int)x.Rating.Level,
                x.Order.OpenedAt, x.Order.Deadline, access.RemainingWorkingDays(x.Order), x.Order.Overdue(now), x.Order.Late(now), x.Rating.AppealStatus?.ToString()))
            .OrderByDescending(i => i.Overdue).ThenByDescending(i => i.Late).ThenBy(i => i.Deadline)
            .ToList();
        return new RectificationList(items, rows.Count > Limit);
    }
}

/// <summary>GET /api/v1/backoffice/rectifications, /api/v1/supervision/rectifications and /api/v1/me/rectifications.</summary>
public static class ListRectificationsApi
{
    private const string Shape = "Each with its state, department, case number, level, deadline, remaining working days (negative once past it), overdue (not rectified past the deadline), "
        + "late (rectified after it) and the appeal state; overdue and late ones first, then by deadline. Filter ?state= (Open|Visited|Rectified|Confirmed|Closed|Withdrawn). At most 500 (truncated says when more matched).";

    public static void MapDepartment(RouteGroupBuilder api) =>
        api.MapGet("/backoffice/rectifications", (string? state, ListRectificationsHandler handler, CancellationToken ct) => HandleAsync(RectificationReach.Department, state, handler, ct))
            .WithName("ListDepartmentRectifications")
            .WithSummary("The department's 差评整改 work orders")
            .WithDescription("Approvers and department admins: the work orders of their department in their region. " + Shape)
            .Produces<RectificationList>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static void MapSupervision(RouteGroupBuilder api) =>
        api.MapGet("/supervision/rectifications", (string? state, ListRectificationsHandler handler, CancellationToken ct) => HandleAsync(RectificationReach.Supervision, state, handler, ct))
            .WithName("ListSupervisedRectifications")
            .WithSummary("Every 差评整改 work order in the supervisor's region")
            .WithDescription("Supervisors: every department's work orders in their region, in all states. " + Shape)
            .Produces<RectificationList>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static void MapRater(RouteGroupBuilder api) =>
        api.MapGet("/me/rectifications", (string? state, ListRectificationsHandler handler, CancellationToken ct) => HandleAsync(RectificationReach.Rater, state, handler, ct))
            .WithName("ListMyRectifications")
            .WithSummary("The work orders opened by the caller's real-name 差评")
            .WithDescription("The rater: the work orders their own real-name 差评 opened, to confirm a rectification. " + Shape)
            .Produces<RectificationList>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<RectificationList>, ProblemHttpResult>> HandleAsync(
        RectificationReach reach, string? state, ListRectificationsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(reach, state, cancellationToken)).ToOkOrProblem();
}
