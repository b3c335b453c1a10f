using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Domain.Supervision;
using Tongban.Modules.Cases;
using Tongban.Modules.Organisation;
using Tongban.Modules.Supervision.Features.Warnings;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Supervision.Features.Oversight;

/// <summary>督办 (Tongban:Supervision:Orders).</summary>
public sealed class OversightOptions
{
    public const string Section = "Tongban:Supervision:Orders";

    /// <summary>The answer period a supervisor gets by default, in working days.</summary>
    public int AnswerWorkingDays { get; set; } = 3;
}

/// <param name="CaseNumber">The case to order on; or empty with <paramref name="DepartmentId"/> for the department's overdue list.</param>
/// <param name="AnswerWorkingDays">Empty for the configured default.</param>
public sealed record IssueOrderRequest(string? CaseNumber, Guid? DepartmentId, string? Message, int? AnswerWorkingDays);

public sealed record AnswerOrderRequest(string? Answer, int? ExpectedVersion);

public sealed record CloseOrderRequest(string? Note, int? ExpectedVersion);

/// <param name="Subject">case or overdueList.</param>
/// <param name="State">issued, answered or closed.</param>
/// <param name="StateName">待反馈, 逾期未反馈, 已反馈 or 已办结.</param>
public sealed record OrderView(
    Guid Id, string Subject, string? CaseNumber, Guid DepartmentId, string DepartmentName, string Region, string Message,
    DateTimeOffset IssuedAt, DateTimeOffset AnswerDeadline, string State, string StateName, bool AnswerOverdue,
    string? Answer, DateTimeOffset? AnsweredAt, DateTimeOffset? ClosedAt, string? ClosingNote, int Version);

/// <summary>
/// 督办: supervisors issue orders on a case or a department's overdue list and close them; the responsible
/// department (its admins and approvers) answers. Every order is read and changed in the caller's scope only
/// (outside it: not found), every change audited with the state before and after, saved under the order's version.
/// </summary>
public sealed class SupervisionOrders(
    TongbanDbContext db, CurrentUser user, AuditTrail audit, CityClock clock, WorkingCalendar calendar,
    ICaseOversight cases, IOrganisationDirectory directory, IOptions<OversightOptions> options)
{
    public int DefaultAnswerWorkingDays => options.Value.AnswerWorkingDays;

    public async Task<Result<OrderView>> IssueAsync(IssueOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SupervisionAccess.Of(user) is not { Oversees: true } access || !user.HasAnyRole(Role.Supervisor, Role.PlatformAdmin) || user.AccountId is not { } me)
        {
            return new Forbidden("supervision.forbidden");
        }

        SupervisionSubject subject;
        Guid department;
        RegionCode region;
        if (!string.IsNullOrWhiteSpace(request.CaseNumber))
        {
            if (await cases.FindOwnerAsync(request.CaseNumber.Trim(), cancellationToken) is not { } owner || !access.Covers(owner.Region, owner.DepartmentId))
            {
                return new NotFound("supervision.case-not-found", request.CaseNumber.Trim());
            }

            (subject, department, region) = (SupervisionSubject.Case, owner.DepartmentId, owner.Region);
        }
        else if (request.DepartmentId is { } id)
        {
            if (await directory.FindDepartmentAsync(id, cancellationToken) is not { } found || !access.Covers(found.Region, id))
            {
                return new NotFound("supervision.department-not-found", id.ToString());
            }

            (subject, department, region) = (SupervisionSubject.OverdueList, id, found.Region);
        }
        else
        {
            return SupervisionErrors.CaseNeeded();
        }

        if (!SupervisionOrder.Issue(subject, request.CaseNumber, department, region, request.Message, request.AnswerWorkingDays ?? DefaultAnswerWorkingDays,
                me, clock.UtcNow, calendar, clock.Zone).TryGet(out var order, out var refused))
        {
            return refused;
        }

        db.Add(order);
        audit.Record("supervision.order-issued", nameof(SupervisionOrder), order.Id.ToString(),
            after: new { state = order.State.ToString(), subject = subject.ToString(), order.CaseNumber, department, order.AnswerDeadline });
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(order, cancellationToken);
    }

    /// <summary>The orders in the caller's scope, open ones first, newest first; <paramref name="openOnly"/> leaves out closed ones.</summary>
    public async Task<Result<IReadOnlyList<OrderView>>> ListAsync(bool openOnly, string? caseNumber, CancellationToken cancellationToken)
    {
        if (SupervisionAccess.Of(user) is not { } access)
        {
            return new Forbidden("supervision.forbidden");
        }

        var query = db.Set<SupervisionOrder>().AsNoTracking();
        if (!access.Oversees)
        {
            var own = user.Scope!.DepartmentId!.Value;
            query = query.Where(o => o.DepartmentId == own);
        }
        else if (!user.IsPlatformAdmin)
        {
            query = query.Within(o => o.Region, user.Scope!.Region);
        }

        if (openOnly)
        {
            query = query.Where(o => o.State != SupervisionOrderState.Closed);
        }

        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            var number = caseNumber.Trim();
            query = query.Where(o => o.CaseNumber == number);
        }

        var orders = await query.OrderByDescending(o => o.IssuedAt).Take(500).ToListAsync(cancellationToken);
        var views = new List<OrderView>();
        foreach (var order in orders.Where(o => access.Covers(o.Region, o.DepartmentId)).OrderBy(o => o.State == SupervisionOrderState.Closed))
        {
            views.Add(await ViewAsync(order, cancellationToken));
        }

        return views;
    }

    public async Task<Result<OrderView>> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await LoadAsync(id, cancellationToken)).TryGet(out var order, out var error) ? await ViewAsync(order, cancellationToken) : error;

    /// <summary>The responsible department answers with what it did.</summary>
    public Task<Result<OrderView>> AnswerAsync(Guid id, AnswerOrderRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(id, request?.ExpectedVersion, "supervision.order-answered", departmental: true,
            (order, me, now) => order.AnswerWith(request?.Answer, me, now), cancellationToken);

    /// <summary>The supervisor closes the order.</summary>
    public Task<Result<OrderView>> CloseAsync(Guid id, CloseOrderRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(id, request?.ExpectedVersion, "supervision.order-closed", departmental: false,
            (order, me, now) => order.Close(request?.Note, me, now), cancellationToken);

    private async Task<Result<OrderView>> ChangeAsync(
        Guid id, int? expectedVersion, string auditAction, bool departmental, Func<SupervisionOrder, Guid, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        if (!(await LoadAsync(id, cancellationToken, tracked: true)).TryGet(out var order, out var notFound))
        {
            return notFound;
        }

        // Answering is the department's part, closing the supervisor's: the other side may read the order but not do it.
        var oversees = SupervisionAccess.Of(user)!.Oversees;
        if (departmental == oversees || (!departmental && !user.HasAnyRole(Role.Supervisor, Role.PlatformAdmin)))
        {
            return new Forbidden("supervision.forbidden");
        }

        if (expectedVersion is { } version && db.ExpectVersion(order, version) is { IsSuccess: false } stale)
        {
            return stale.Error!;
        }

        var before = order.State;
        if (change(order, user.AccountId!.Value, clock.UtcNow) is { IsSuccess: false } refused)
        {
            return refused.Error!;
        }

        audit.Record(auditAction, nameof(SupervisionOrder), order.Id.ToString(), before: new { state = before.ToString() }, after: new { state = order.State.ToString() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            audit.TakePending();
            return new Conflict("supervision.order-changed-meanwhile");
        }

        return await ViewAsync(order, cancellationToken);
    }

    private async Task<Result<SupervisionOrder>> LoadAsync(Guid id, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.Set<SupervisionOrder>() : db.Set<SupervisionOrder>().AsNoTracking();
        return SupervisionAccess.Of(user) is { } access && await query.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order
            && access.Covers(order.Region, order.DepartmentId)
            ? order
            : new NotFound("supervision.order-not-found", id.ToString());
    }

    private async Task<OrderView> ViewAsync(SupervisionOrder o, CancellationToken cancellationToken)
    {
        var overdue = o.AnswerOverdue(clock.UtcNow);
        var department = (await directory.FindDepartmentAsync(o.DepartmentId, cancellationToken))?.Name ?? o.DepartmentId.ToString();
        return new OrderView(o.Id, o.Subject == SupervisionSubject.Case ? "case" : "overdueList", o.CaseNumber, o.DepartmentId, department, o.Region.Value, o.Message,
            o.IssuedAt, o.AnswerDeadline, o.State.ToString().ToLowerInvariant(), overdue ? "逾期未反馈" : SupervisionErrors.StateName(o.State), overdue,
            o.Answer, o.AnsweredAt, o.ClosedAt, o.ClosingNote, o.Version);
    }
}
