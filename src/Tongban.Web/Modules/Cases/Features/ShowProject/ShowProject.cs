using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Catalog;
using Tongban.Modules.Organisation;
using Tongban.Platform;

namespace Tongban.Modules.Cases.Features.ShowProject;

public sealed record ProjectItemView(string Key, string Name, string ImplementationCode, Guid DepartmentId, string Department, string? CaseNumber, string? CaseStatus, DateTimeOffset? ResultAt);

public sealed record ProjectInspectionView(string Kind, string Name, IReadOnlyList<string> Departments, DateTimeOffset? ScheduledAt, DateTimeOffset? DoneAt);

public sealed record ProjectStageView(
    string Stage, string Name, string Status, int LimitWorkingDays, int ElapsedWorkingDays, int RemainingWorkingDays, bool Overdue,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, bool MayFile, IReadOnlyList<ProjectItemView> Items, ProjectInspectionView? Inspection);

public sealed record ProjectClockView(int LimitWorkingDays, int ElapsedWorkingDays, int RemainingWorkingDays, bool Overdue);

public sealed record DepartmentShareView(Guid DepartmentId, string Department, int WorkingDays, IReadOnlyList<string> Items);

public sealed record ProjectPauseView(string Procedure, string? Stage, DateTimeOffset From, DateTimeOffset? To, string? Note);

public sealed record ConnectionView(string Utility, string Name, string RequestedInStage, DateTimeOffset RequestedAt, DateTimeOffset? ConnectedAt);

/// <summary>What the enterprise and the involved departments see of a project: stages, items and their cases, the clock, each department's share.</summary>
public sealed record ProjectView(
    string Number, string Code, string Name, string Applicant, DateTimeOffset CreatedAt, bool Completed, string? NextStage,
    ProjectClockView Clock, IReadOnlyList<ProjectStageView> Stages, IReadOnlyList<DepartmentShareView> Departments,
    IReadOnlyList<ProjectPauseView> SpecialProcedures, IReadOnlyList<ConnectionView> Connections, int Version);

public sealed record ProjectSummary(string Number, string Code, string Name, DateTimeOffset CreatedAt, string? CurrentStage, bool Completed);

/// <summary>
/// GET /api/v1/projects/{number}: the project clock counts the working days of each stage on the city's
/// calendar (the day a stage starts does not count, 特别程序 are excluded, time between stages and 报装
/// never count) against 90; each department's share counts the days its items ran.
/// </summary>
public sealed class ShowProjectHandler(ProjectAccess projects, ICatalog catalog, IOrganisationDirectory organisation, CityClock clock, WorkingCalendar calendar)
{
    public async Task<Result<ProjectView>> ForApplicantAsync(string number, CancellationToken cancellationToken) =>
        (await projects.FindOwnAsync(number, cancellationToken)).TryGet(out var found, out var error)
            ? await ViewAsync(found.Project, found.Cases, cancellationToken)
            : error;

    public async Task<Result<ProjectView>> ForStaffAsync(string number, CancellationToken cancellationToken) =>
        (await projects.FindAsStaffAsync(number, null, cancellationToken)).TryGet(out var found, out var error)
            ? await ViewAsync(found.Project, found.Cases, cancellationToken)
            : error;

    public async Task<ProjectView> ViewAsync(ConstructionProject project, IReadOnlyDictionary<string, Case> cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(cases);
        var now = clock.UtcNow;
        var projectClock = project.Clock(calendar, now, clock.Zone);
        var departments = new Dictionary<Guid, string>();
        async Task<string> DepartmentAsync(Guid id)
        {
            if (!departments.TryGetValue(id, out var name))
            {
                name = (await organisation.FindDepartmentAsync(id, cancellationToken))?.Name ?? id.ToString();
                departments[id] = name;
            }

            return name;
        }

        var stages = new List<ProjectStageView>();
        foreach (var plan in project.Stages)
        {
            var items = new List<ProjectItemView>();
            foreach (var item in plan.Items)
            {
                var published = ImplementationCode.Parse(item.ImplementationCode).TryGet(out var code, out _) ? await catalog.FindPublishedAsync(code, null, cancellationToken) : null;
                var @case = item.CaseNumber is { } n && cases.TryGetValue(n, out var c) ? c : null;
                items.Add(new ProjectItemView(item.Key, published?.Content.Name ?? item.Key, item.ImplementationCode, item.DepartmentId, await DepartmentAsync(item.DepartmentId),
                    item.CaseNumber, @case is null ? null : SubmitApplicationHandler.WireStatus(@case.Status), item.ResultAt));
            }

            ProjectInspectionView? inspection = null;
            if (plan.Inspection is { } planned)
            {
                var names = new List<string>();
                foreach (var id in planned.DepartmentIds)
                {
                    names.Add(await DepartmentAsync(id));
                }

                inspection = new ProjectInspectionView(ProjectAccess.Wire(planned.Kind), planned.Kind == JointInspectionKind.Acceptance ? "联合验收" : "联合踏勘", names, planned.ScheduledAt, planned.DoneAt);
            }

            var stageClock = projectClock.Stages.Single(s => s.Stage == plan.Stage);
            stages.Add(new ProjectStageView(ProjectAccess.Wire(plan.Stage), ConstructionProject.StageName(plan.Stage), ProjectAccess.Wire(plan.Status),
                stageClock.LimitWorkingDays, stageClock.ElapsedWorkingDays, stageClock.RemainingWorkingDays, stageClock.Overdue,
                plan.StartedAt, plan.CompletedAt, project.MayStart(plan.Stage).IsSuccess, items, inspection));
        }

        var shares = new List<DepartmentShareView>();
        foreach (var share in project.DepartmentShares(calendar, now, clock.Zone))
        {
            shares.Add(new DepartmentShareView(share.DepartmentId, await DepartmentAsync(share.DepartmentId), share.WorkingDays, share.ItemKeys));
        }

        var next = project.Stages.FirstOrDefault(s => project.MayStart(s.Stage).IsSuccess);
        return new ProjectView(
            project.Number.Value, project.Code, project.Name, project.Applicant.Name, project.CreatedAt, project.Completed,
            next is null ? null : ProjectAccess.Wire(next.Stage),
            new ProjectClockView(projectClock.LimitWorkingDays, projectClock.ElapsedWorkingDays, projectClock.RemainingWorkingDays, projectClock.Overdue),
            stages, shares,
            [.. project.Pauses.Select(p => new ProjectPauseView(ProjectAccess.Wire(p.Procedure), p.Stage is { } s ? ProjectAccess.Wire(s) : null, p.From, p.To, p.Note))],
            [.. project.Connections.Select(c => new ConnectionView(ProjectAccess.Wire(c.Kind), ConstructionProject.UtilityName(c.Kind), ProjectAccess.Wire(c.RequestedInStage), c.RequestedAt, c.ConnectedAt))],
            project.Version);
    }

    /// <summary>The enterprise's projects for its list.</summary>
    public async Task<Result<ProjectSummary[]>> MineAsync(Uscc? uscc, CancellationToken cancellationToken)
    {
        if (uscc is not { } enterprise)
        {
            return new Forbidden("projects.enterprise-only");
        }

        var own = await projects.OwnAsync(enterprise, cancellationToken);
        return own.Select(p => new ProjectSummary(p.Number.Value, p.Code, p.Name, p.CreatedAt,
            p.CurrentStage is { } s ? ConstructionProject.StageName(s.Stage) : null, p.Completed)).ToArray();
    }
}
