using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.ListBackOfficeCases;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.Oversight;

/// <summary>
/// <see cref="ICaseOversight"/> over the cases table. Open cases are a small share of the history: they are
/// found by status (ix_cases_status) and a running clock, and their level is computed here from the loaded
/// case (the pauses that move a deadline live in the case's contents), in pages of <see cref="Page"/>.
/// </summary>
internal sealed class CaseOversight(CaseStore cases, CityClock clock, WorkingCalendar calendar, IOptions<CaseTimeOptions> options) : ICaseOversight
{
    private const int Page = 500;

    public async IAsyncEnumerable<OpenCaseTime> OpenCasesAsync(RegionCode? scope, Guid? department, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statuses = ListBackOfficeCasesHandler.InHandling;
        var query = cases.Cases.AsNoTracking().Where(c => statuses.Contains(c.Status) && c.ClockEndedAt == null);
        if (scope is { } region)
        {
            query = query.Within(c => c.RegionCode, region);
        }

        if (department is { } id)
        {
            query = query.Where(c => c.DepartmentId == id);
        }

        await foreach (var c in Paged(query, cancellationToken))
        {
            if (c.TimeStatus(clock.UtcNow, calendar, clock.Zone, options.Value.Policy).TryGet(out var time, out _))
            {
                var nearer = time.Promised.Deadline <= time.Statutory.Deadline ? time.Promised : time.Statutory;
                yield return new OpenCaseTime(c.Id, c.Number!.Value.Value, c.ImplementationCode.Value, c.Applicant.Name, c.RegionCode, c.DepartmentId,
                    CaseNames.Of(c.Status), time.Level, nearer.Deadline, nearer.RemainingWorkingDays);
            }
        }
    }

    public async Task<CaseOwner?> FindOwnerAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var number = CaseNumber.Parse(caseNumber ?? "");
        return number.IsSuccess && await cases.FindAsync(number.Value, cancellationToken) is { } found
            ? new CaseOwner(found.Number!.Value.Value, found.RegionCode, found.DepartmentId)
            : null;
    }

    public async IAsyncEnumerable<LateStep> LateStepsAsync(RegionCode? scope, Guid? department, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;

        // A step approved in the period after the deadline in force (never earlier than the base deadline) needs a base deadline before the period's end.
        var query = cases.Cases.AsNoTracking().Where(c => c.AcceptedAt != null && c.AcceptedAt < to && c.PromisedBaseDeadline < to);
        if (scope is { } region)
        {
            query = query.Within(c => c.RegionCode, region);
        }

        if (department is { } id)
        {
            query = query.Where(c => c.DepartmentId == id);
        }
        await foreach (var c in Paged(query, cancellationToken))
        {
            if (!c.Deadlines(now, calendar, clock.Zone).TryGet(out var deadlines, out _))
            {
                continue;
            }

            var deadline = deadlines.Promised;
            foreach (var step in c.Steps)
            {
                if (step is { Status: CaseStepStatus.Approved, DecidedBy: { } by, DecidedAt: { } at } && at > deadline && at >= from && at < to)
                {
                    yield return new LateStep(by, c.Number!.Value.Value, c.DepartmentId, step.Name, deadline, at);
                }
                else if (step is { Status: CaseStepStatus.Active, Assignee: { } holder } && now > deadline && c.ClockEndedAt is null)
                {
                    yield return new LateStep(holder, c.Number!.Value.Value, c.DepartmentId, step.Name, deadline, null);
                }
            }
        }
    }

    /// <summary>Keyset pages by id: each page is one short query, so nothing holds a connection or the whole set.</summary>
    internal static async IAsyncEnumerable<Case> Paged(IQueryable<Case> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var page = after is { } last ? query.Where(c => c.Id.CompareTo(last) > 0) : query;
            var rows = await page.OrderBy(c => c.Id).Take(Page).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < Page)
            {
                yield break;
            }

            after = rows[^1].Id;
        }
    }
    public async Task<IReadOnlyList<FiledCase>> FiledBetweenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        await cases.Cases.AsNoTracking().Where(c => c.SubmittedAt >= start && c.SubmittedAt < end)
            .Select(c => new FiledCase(new CaseDimensions(c.RegionCode, c.DepartmentId, c.ImplementationCode.Value, c.IntakeHallId, c.Channel), c.IntakeWindowKind))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AcceptedCase>> AcceptedBetweenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        await cases.Cases.AsNoTracking().Where(c => c.AcceptedAt >= start && c.AcceptedAt < end)
            .Select(c => new AcceptedCase(new CaseDimensions(c.RegionCode, c.DepartmentId, c.ImplementationCode.Value, c.IntakeHallId, c.Channel), c.AcceptedAs))
            .ToListAsync(cancellationToken);

    public async IAsyncEnumerable<FinishedCase> FinishedBetweenAsync(DateTimeOffset start, DateTimeOffset end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var c in cases.Cases.AsNoTracking().Where(c => c.CompletedAt >= start && c.CompletedAt < end).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new FinishedCase(new CaseDimensions(c.RegionCode, c.DepartmentId, c.ImplementationCode.Value, c.IntakeHallId, c.Channel), CaseFigures.Of(c, calendar, clock.Zone));
        }
    }

    /// <summary>
    /// Accepted and not yet finished. Only cases whose promised base deadline passed can be overdue (pauses only
    /// move it later), so only those few are read whole and checked.
    /// </summary>
    public async Task<(long Open, long Overdue)> OpenAndOverdueAsync(CaseFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        CaseStatus[] open = [CaseStatus.Accepted, CaseStatus.AcceptedWithDeficiency, CaseStatus.DeficiencyOverdue, CaseStatus.Approved, CaseStatus.Denied, CaseStatus.Issued, CaseStatus.Delivered];
        var query = cases.Cases.AsNoTracking().Where(c => open.Contains(c.Status)).Within(c => c.RegionCode, filter.Region);
        if (filter.DepartmentId is { } department)
        {
            query = query.Where(c => c.DepartmentId == department);
        }

        if (filter.Item is { } item)
        {
            query = query.Where(c => c.ImplementationCode == item);
        }

        if (filter.IntakeHallId is { } hall)
        {
            query = query.Where(c => c.IntakeHallId == hall);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }

        var now = clock.UtcNow;
        long overdue = 0;
        await foreach (var candidate in query.Where(c => c.PromisedBaseDeadline < now).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            overdue += CaseFigures.IsOverdue(candidate, now, calendar, clock.Zone) ? 1 : 0;
        }

        return (await query.LongCountAsync(cancellationToken), overdue);
    }
}
