using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.Oversight;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.ExchangeRecords;

/// <summary>
/// <see cref="ICaseExchange"/> over the cases table: accepted or finished in the period by that instant; in handling
/// during the period when accepted before its end and not finished before its start. Each case is read whole (steps
/// and pauses live in its contents), in keyset pages.
/// </summary>
internal sealed class CaseExchangeReader(CaseStore cases, CityClock clock, WorkingCalendar calendar) : ICaseExchange
{
    private static readonly CaseAction[] Acceptances = [CaseAction.Accepted, CaseAction.AcceptedWithDeficiency, CaseAction.AcceptedUnderCommitment];

    public async IAsyncEnumerable<CaseExchangeView> CasesAsync(
        CaseActivity activity, RegionCode? scope, DateTimeOffset start, DateTimeOffset end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = activity switch
        {
            CaseActivity.AcceptedIn => cases.Cases.AsNoTracking().Where(c => c.AcceptedAt >= start && c.AcceptedAt < end),
            CaseActivity.FinishedIn => cases.Cases.AsNoTracking().Where(c => c.CompletedAt >= start && c.CompletedAt < end),
            CaseActivity.HandledIn => cases.Cases.AsNoTracking().Where(c => c.AcceptedAt != null && c.AcceptedAt < end && (c.CompletedAt == null || c.CompletedAt >= start)),
        };
        if (scope is { } region)
        {
            query = query.Within(c => c.RegionCode, region);
        }

        await foreach (var c in CaseOversight.Paged(query, cancellationToken))
        {
            yield return View(c);
        }
    }

    private CaseExchangeView View(Case c)
    {
        var accepted = c.History.LastOrDefault(e => Acceptances.Contains(e.Action));
        var steps = c.Steps.Where(s => s.Status != CaseStepStatus.Pending).OrderBy(s => s.Order)
            .Select(s => new CaseExchangeStep(s.Key, s.Name, s.DecidedBy ?? s.Assignee, s.ActivatedAt, s.Status == CaseStepStatus.Active ? null : s.DecidedAt, s.Status, s.Comment))
            .ToList();
        var pauses = c.ClockStops.Where(p => p is { Kind: ClockStopKind.SpecialProcedure, Procedure: not null })
            .Select((p, i) => new CaseExchangePause(i + 1, p.Procedure!.Value, p.StartedAt, p.EndedAt, p.Reason)).ToList();
        int? days = c.CompletedAt is null ? null : CaseFigures.Of(c, calendar, clock.Zone).HandlingDays;
        return new CaseExchangeView(c.Number!.Value.Value, c.ImplementationCode.Value, c.DepartmentId, c.RegionCode, c.Applicant, c.Channel,
            c.AcceptedAs, c.DeemedAccepted, c.AcceptedAt, accepted is { ActorId: var by } && by != Guid.Empty ? by : null,
            steps, c.Decision?.Outcome, c.Issuance?.DocumentId, c.Issuance?.LicenceId, c.CompletedAt, days, pauses);
    }
}
