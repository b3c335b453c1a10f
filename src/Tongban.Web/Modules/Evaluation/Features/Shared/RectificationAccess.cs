using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Modules.Organisation;
using Tongban.Modules.Supervision;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>In which capacity the caller reaches a 差评 work order.</summary>
public enum RectificationReach
{
    /// <summary>The responsible department's approvers and admins, in region: visit, rectify, appeal.</summary>
    Department,

    /// <summary>Supervisors in region: check and close, send back, review appeals.</summary>
    Supervision,

    /// <summary>The real-name rater: confirms the rectification.</summary>
    Rater,
}

public sealed record RectificationRatingView(
    Guid Id, int Level, string LevelName, string? Stage, IReadOnlyList<string> Tags, string? Comment, DateTimeOffset RatedAt, string? CaseNumber, string? ImplementationCode);

/// <summary>The rater's name and phone for the 回访; shown to the department and the supervisor only, and the read audited.</summary>
public sealed record RaterContact(string? Name, string? Phone);

public sealed record AppealView(string Ground, string GroundName, string Reason, DateTimeOffset FiledAt, string State, string? PublicReason, DateTimeOffset? ReviewedAt);

public sealed record RectificationEventView(DateTimeOffset At, string State, string StateName, string Note);

/// <param name="RemainingWorkingDays">Working days left to the deadline (0 on the day; negative once past it).</param>
/// <param name="Overdue">Not yet rectified and past the deadline.</param>
/// <param name="Late">Rectified after the deadline, or still not rectified past it.</param>
public sealed record RectificationView(
    Guid Id, int Version, string State, string StateName, bool RealName, Guid DepartmentId, string DepartmentName, string Region,
    DateTimeOffset OpenedAt, DateTimeOffset Deadline, int RemainingWorkingDays, bool Overdue, bool Late, DateTimeOffset? RectifiedAt, DateTimeOffset? ClosedAt,
    RectificationRatingView Rating, RaterContact? Rater, AppealView? Appeal, IReadOnlyList<RectificationEventView> History);

/// <summary>
/// The one way use cases reach and change a 差评 work order: find it with its rating in the caller's reach
/// (outside it the order is not found, so its existence does not leak), run one transition as the caller,
/// audit it with the state before and after, and save under optimistic concurrency (409 when the order
/// moved on since the version the caller saw).
/// </summary>
public sealed class RectificationAccess(EvaluationStore store, TongbanDbContext db, CurrentUser user, AuditTrail audit, CityClock clock, WorkingCalendar calendar, IOrganisationDirectory directory, ISupervision supervision)
{
    public DateTimeOffset Now => clock.UtcNow;

    public CurrentUser User => user;

    public bool Reaches(Rectification order, Rating rating, RectificationReach reach) => reach switch
    {
        RectificationReach.Department => user.IsStaff && user.HasAnyRole(Role.Approver, Role.DepartmentAdmin, Role.PlatformAdmin) && user.CanActOn(order.Region, order.DepartmentId),
        RectificationReach.Supervision => user.IsStaff && user.HasAnyRole(Role.Supervisor, Role.PlatformAdmin) && user.CanSeeRegion(order.Region),
        RectificationReach.Rater => order.RealName && rating.Rater.AccountId is { } rater && rater == user.AccountId,
    };

    /// <summary>The order as the caller may see it; the department and the supervisor see the rater's contact, and that read is audited.</summary>
    public async Task<Result<RectificationView>> ShowAsync(Guid id, RectificationReach reach, CancellationToken cancellationToken)
    {
        if (!(await FindAsync(id, reach, cancellationToken)).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        var contact = reach != RectificationReach.Rater && found.Order.RealName;
        audit.Record("evaluation.rectification.view", nameof(Rectification), id.ToString(), after: new { reach = reach.ToString(), raterContact = contact });
        await store.SaveChangesAsync(cancellationToken);
        return await ViewAsync(found.Order, found.Rating, contact, cancellationToken);
    }

    /// <summary>
    /// Runs one transition on the order (and its rating) as the caller in <paramref name="reach"/>, and saves both with the audit
    /// record. <paramref name="expectedVersion"/> is the order's version the caller saw.
    /// </summary>
    public async Task<Result<RectificationView>> ActAsync(
        Guid id, RectificationReach reach, int? expectedVersion, string auditAction, Func<Rectification, Rating, Guid, Result> transition, CancellationToken cancellationToken)
    {
        if (!(await FindAsync(id, reach, cancellationToken)).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        var (order, rating) = found;
        if (expectedVersion is { } version && db.ExpectVersion(order, version) is { IsSuccess: false } stale)
        {
            return stale.Error!;
        }

        var before = order.State;
        var appealBefore = rating.AppealStatus;
        if (transition(order, rating, user.AccountId!.Value) is { IsSuccess: false } refused)
        {
            // A later save in this request (the audit of a read) must not store half a transition.
            db.ChangeTracker.Clear();
            return refused.Error!;
        }

        // The rating's day counts its closed work orders and leaves out excluded ratings: its figures change.
        supervision.MarkChanged(rating.RatedAt);
        audit.Record(auditAction, nameof(Rectification), id.ToString(),
            before: new { state = before.ToString(), appeal = appealBefore?.ToString() },
            after: new { state = order.State.ToString(), appeal = rating.AppealStatus?.ToString() });
        if (await db.SaveUnlessStaleAsync(cancellationToken) is { IsSuccess: false } raced)
        {
            db.ChangeTracker.Clear();
            return raced.Error!;
        }

        return await ViewAsync(order, rating, reach != RectificationReach.Rater && order.RealName, cancellationToken);
    }

    /// <summary>Working days left to the deadline, as the lists and pages show it.</summary>
    public int RemainingWorkingDays(Rectification order) => calendar.RemainingWorkingDays(Now, order.Deadline, clock.Zone);

    /// <summary>Department names by id, for lists and the public page.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> DepartmentNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var found = await directory.DepartmentNamesAsync(wanted, cancellationToken);
        return wanted.ToDictionary(id => id, id => found.GetValueOrDefault(id, ""));
    }

    public static string GroundName(AppealGround ground) => ground == AppealGround.Malicious ? "恶意评价" : "误评";

    public static string AppealStateName(AppealState state) => state switch
    {
        AppealState.Pending => "待审核",
        AppealState.Upheld => "申诉成立",
        AppealState.Rejected => "申诉不成立",
        _ => state.ToString(),
    };

    private async Task<Result<(Rectification Order, Rating Rating)>> FindAsync(Guid id, RectificationReach reach, CancellationToken cancellationToken)
    {
        var order = await store.Rectifications.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var rating = order is null ? null : await store.Ratings.FirstOrDefaultAsync(r => r.Id == order.RatingId, cancellationToken);
        return order is not null && rating is not null && Reaches(order, rating, reach)
            ? (order, rating)
            : new NotFound("evaluation.rectification-not-found", id.ToString());
    }

    private async Task<RectificationView> ViewAsync(Rectification order, Rating rating, bool contact, CancellationToken cancellationToken)
    {
        var now = Now;
        var department = (await DepartmentNamesAsync([order.DepartmentId], cancellationToken))[order.DepartmentId];
        var ratingView = new RectificationRatingView(
            rating.Id, (int)rating.Level, RatingTexts.LevelName(rating.Level), rating.Stage?.ToString(), rating.Tags, rating.Comment, rating.RatedAt,
            rating.Subject.Kind == RatingSubjectKind.Case ? rating.Subject.Reference : null, rating.Scope.ImplementationCode);
        var appeal = rating.Appeal is { } a
            ? new AppealView(a.Ground.ToString(), GroundName(a.Ground), a.Reason, a.FiledAt, a.State.ToString(), a.PublicReason, a.ReviewedAt)
            : null;
        return new RectificationView(
            order.Id, order.Version, order.State.ToString(), EvaluationErrors.StateName(order.State), order.RealName, order.DepartmentId, department, order.Region.Value,
            order.OpenedAt, order.Deadline, RemainingWorkingDays(order), order.Overdue(now), order.Late(now), order.RectifiedAt, order.ClosedAt,
            ratingView, contact ? new RaterContact(rating.Rater.Name, rating.Rater.Phone) : null, appeal,
            [.. order.History.Select(e => new RectificationEventView(e.At, e.State.ToString(), EvaluationErrors.StateName(e.State), e.Note))]);
    }
}
