using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Cases;

/// <summary>The four stages of 工程建设项目审批, in the order they run.</summary>
public enum ProjectStage
{
    /// <summary>立项用地规划许可 (立项、用地预审与选址、建设用地规划许可).</summary>
    LandUsePlanning,

    /// <summary>工程建设许可 (建设工程规划许可).</summary>
    ConstructionWorksPermit,

    /// <summary>施工许可 (建筑工程施工许可).</summary>
    ConstructionPermit,

    /// <summary>竣工验收 (规划、消防、人防等验收和竣工验收备案).</summary>
    CompletionAcceptance,
}

/// <summary>Where a stage stands.</summary>
public enum ProjectStageStatus
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>The shared on-site step of a stage: 联合踏勘 before approval, 联合验收 at 竣工验收.</summary>
public enum JointInspectionKind
{
    /// <summary>联合踏勘.</summary>
    SiteSurvey,

    /// <summary>联合验收.</summary>
    Acceptance,
}

/// <summary>市政公用服务报装 (水电气信).</summary>
public enum UtilityKind
{
    Water,     // 供水
    Power,     // 供电
    Gas,       // 燃气
    Telecom,   // 通信
}

/// <summary>
/// One approval item of a stage: its implementation (实施编码), the department that handles it, and once the
/// stage starts its case (<see cref="CaseNumber"/>, started with the stage) and the instant it had its result.
/// </summary>
public sealed record ProjectItem(string Key, string ImplementationCode, Guid DepartmentId, string? CaseNumber = null, DateTimeOffset? StartedAt = null, DateTimeOffset? ResultAt = null)
{
    public bool Started => CaseNumber is not null;

    public bool HasResult => ResultAt is not null;
}

/// <summary>The stage's shared joint inspection (联合踏勘 / 联合验收): who takes part, when it is scheduled and when it was done.</summary>
public sealed record JointInspection(JointInspectionKind Kind, IReadOnlyList<Guid> DepartmentIds, DateTimeOffset? ScheduledAt = null, DateTimeOffset? DoneAt = null);

/// <summary>
/// A 特别程序 (专家评审, 现场勘察, 检测 …) that stopped the clock: on one stage, or on the whole project when
/// <see cref="Stage"/> is null. <see cref="To"/> is null while it runs.
/// </summary>
public sealed record ProjectPause(SpecialProcedure Procedure, ProjectStage? Stage, DateTimeOffset From, DateTimeOffset? To = null, string? Note = null);

/// <summary>A 水电气信 connection request (报装) attached to the project; never on the project clock.</summary>
public sealed record ConnectionRequest(UtilityKind Kind, ProjectStage RequestedInStage, DateTimeOffset RequestedAt, DateTimeOffset? ConnectedAt = null);

/// <summary>One stage of a project: its limit, its items (run in parallel), its joint inspection, when it started and completed.</summary>
public sealed record ProjectStagePlan(
    ProjectStage Stage, int LimitWorkingDays, IReadOnlyList<ProjectItem> Items, JointInspection? Inspection = null,
    DateTimeOffset? StartedAt = null, DateTimeOffset? CompletedAt = null)
{
    public ProjectStageStatus Status =>
        CompletedAt is not null ? ProjectStageStatus.Completed
        : StartedAt is not null ? ProjectStageStatus.InProgress
        : ProjectStageStatus.NotStarted;
}

/// <summary>The clock of one stage: working days used (pauses excluded), its limit, what is left (negative when overdue).</summary>
public sealed record StageClock(ProjectStage Stage, ProjectStageStatus Status, int LimitWorkingDays, int ElapsedWorkingDays)
{
    public int RemainingWorkingDays => LimitWorkingDays - ElapsedWorkingDays;

    public bool Overdue => ElapsedWorkingDays > LimitWorkingDays;
}

/// <summary>The project clock: the stages' working days added up against the whole-project limit.</summary>
public sealed record ProjectClock(int LimitWorkingDays, int ElapsedWorkingDays, IReadOnlyList<StageClock> Stages)
{
    public int RemainingWorkingDays => LimitWorkingDays - ElapsedWorkingDays;

    public bool Overdue => ElapsedWorkingDays > LimitWorkingDays;
}

/// <summary>How many working days one department's items took (parallel items of the same department counted once per day).</summary>
public sealed record DepartmentShare(Guid DepartmentId, int WorkingDays, IReadOnlyList<string> ItemKeys);

/// <summary>
/// 工程建设项目: the container of a project's approvals. Four stages run one after another; within a stage
/// every item starts at once (多审合一 / 并联审批, one application and one set of drawings) and the stage
/// completes when every item has its result (and its joint inspection, when planned, is done). Each stage
/// has a limit in working days and the whole project at most <see cref="ProjectLimitWorkingDays"/>; time
/// in 特别程序 does not count. 报装 (水电气信) attach to the project from 工程建设许可 on and never count.
/// </summary>
public sealed class ConstructionProject : IVersioned
{
    /// <summary>全流程审批时间: at most 90 working days.</summary>
    public const int ProjectLimitWorkingDays = 90;

    public const int MaxCodeLength = 50;
    public const int MaxNameLength = 200;

    /// <summary>Default stage limits: 15 + 20 + 15 + 10 = 60 working days, well inside the 90.</summary>
    public static readonly IReadOnlyDictionary<ProjectStage, int> DefaultStageLimits = new Dictionary<ProjectStage, int>
    {
        [ProjectStage.LandUsePlanning] = 15,
        [ProjectStage.ConstructionWorksPermit] = 20,
        [ProjectStage.ConstructionPermit] = 15,
        [ProjectStage.CompletionAcceptance] = 10,
    };

    private ConstructionProject()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>审批编号 (<c>GCXM…</c>), given when the project is opened on the platform.</summary>
    public ProjectNumber Number { get; private init; }

    /// <summary>项目代码 (e.g. the investment project code).</summary>
    public string Code { get; private init; } = "";
    public string Name { get; private init; } = "";
    public Applicant Applicant { get; private init; } = null!;
    public DateTimeOffset CreatedAt { get; private init; }
    public IReadOnlyList<ProjectStagePlan> Stages { get; private set; } = [];
    public IReadOnlyList<ProjectPause> Pauses { get; private set; } = [];
    public IReadOnlyList<ConnectionRequest> Connections { get; private set; } = [];
    public int Version { get; set; }

    /// <summary>The whole project has completed its last stage.</summary>
    public bool Completed => Stages.All(s => s.Status == ProjectStageStatus.Completed);

    /// <summary>Opens a project on the platform under its 审批编号.</summary>
    public static Result<ConstructionProject> Open(
        ProjectNumber number, string code, string name, Applicant applicant, DateTimeOffset now, IReadOnlyDictionary<ProjectStage, int>? stageLimits = null) =>
        Create(code, name, applicant, now, stageLimits, number);

    /// <param name="stageLimits">limits in working days per stage; missing stages take <see cref="DefaultStageLimits"/>.</param>
    public static Result<ConstructionProject> Create(
        string code, string name, Applicant applicant, DateTimeOffset now, IReadOnlyDictionary<ProjectStage, int>? stageLimits = null) =>
        Create(code, name, applicant, now, stageLimits, default);

    private static Result<ConstructionProject> Create(
        string code, string name, Applicant applicant, DateTimeOffset now, IReadOnlyDictionary<ProjectStage, int>? stageLimits, ProjectNumber number)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > MaxCodeLength)
        {
            return ProjectErrors.CodeInvalid(MaxCodeLength);
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return ProjectErrors.NameInvalid(MaxNameLength);
        }

        var limits = Enum.GetValues<ProjectStage>()
            .Select(s => (Stage: s, Limit: stageLimits is not null && stageLimits.TryGetValue(s, out var l) ? l : DefaultStageLimits[s]))
            .ToList();
        foreach (var (stage, limit) in limits)
        {
            if (limit <= 0)
            {
                return ProjectErrors.StageLimitNotPositive(StageName(stage));
            }
        }

        var total = limits.Sum(l => l.Limit);
        if (total > ProjectLimitWorkingDays)
        {
            return ProjectErrors.StageLimitsOverProjectLimit(total, ProjectLimitWorkingDays);
        }

        return new ConstructionProject
        {
            Id = Guid.NewGuid(),
            Number = number,
            Code = code.Trim(),
            Name = name.Trim(),
            Applicant = applicant,
            CreatedAt = now,
            Stages = [.. limits.Select(l => new ProjectStagePlan(l.Stage, l.Limit, []))],
        };
    }

    public ProjectStagePlan Stage(ProjectStage stage) => Stages.Single(s => s.Stage == stage);

    /// <summary>The stage running now, if any.</summary>
    public ProjectStagePlan? CurrentStage => Stages.FirstOrDefault(s => s.Status == ProjectStageStatus.InProgress);

    /// <summary>Adds an approval item to a stage that has not started.</summary>
    public Result AddItem(ProjectStage stage, string key, string implementationCode, Guid departmentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(implementationCode);
        var plan = Stage(stage);
        if (plan.Status != ProjectStageStatus.NotStarted)
        {
            return ProjectErrors.StageAlreadyStarted(StageName(stage));
        }

        if (Stages.SelectMany(s => s.Items).Any(i => i.Key == key))
        {
            return ProjectErrors.ItemDuplicate(key);
        }

        Replace(plan with { Items = [.. plan.Items, new ProjectItem(key, implementationCode, departmentId)] });
        return Result.Success;
    }

    /// <summary>Plans the stage's joint inspection: 联合验收 at 竣工验收, 联合踏勘 in the other stages.</summary>
    public Result PlanInspection(ProjectStage stage, IReadOnlyList<Guid> departmentIds)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        var plan = Stage(stage);
        if (plan.Status == ProjectStageStatus.Completed)
        {
            return ProjectErrors.StageCompleted(StageName(stage));
        }

        if (departmentIds.Count == 0)
        {
            return ProjectErrors.InspectionNeedsDepartments();
        }

        var kind = stage == ProjectStage.CompletionAcceptance ? JointInspectionKind.Acceptance : JointInspectionKind.SiteSurvey;
        Replace(plan with { Inspection = new JointInspection(kind, [.. departmentIds.Distinct()]) });
        return Result.Success;
    }

    /// <summary>
    /// Starts a stage: only after the previous stage is complete, and all its items together, each with its case.
    /// </summary>
    /// <param name="caseNumbers">the case filed for each item, by item key: one for every item of the stage.</param>
    public Result StartStage(ProjectStage stage, IReadOnlyDictionary<string, string> caseNumbers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caseNumbers);
        if (MayStart(stage) is { IsSuccess: false } refused)
        {
            return refused;
        }

        var plan = Stage(stage);

        if (caseNumbers.Keys.FirstOrDefault(k => plan.Items.All(i => i.Key != k)) is { } unknown)
        {
            return ProjectErrors.ItemNotInStage(unknown, StageName(stage));
        }

        var missing = plan.Items.Where(i => !caseNumbers.TryGetValue(i.Key, out var n) || string.IsNullOrWhiteSpace(n)).Select(i => i.Key).ToList();
        if (missing.Count > 0)
        {
            return ProjectErrors.ItemsStartTogether(string.Join("、", missing));
        }

        Replace(plan with
        {
            StartedAt = now,
            Items = [.. plan.Items.Select(i => i with { CaseNumber = caseNumbers[i.Key], StartedAt = now })],
        });
        return Result.Success;
    }

    /// <summary>Whether the stage may start now (before its items' cases are filed): not started, the previous stage complete, items planned.</summary>
    public Result MayStart(ProjectStage stage)
    {
        var plan = Stage(stage);
        if (plan.Status != ProjectStageStatus.NotStarted)
        {
            return ProjectErrors.StageAlreadyStarted(StageName(stage));
        }

        if (stage != ProjectStage.LandUsePlanning && Stage(stage - 1).Status != ProjectStageStatus.Completed)
        {
            return ProjectErrors.PreviousStageIncomplete(StageName(stage), StageName(stage - 1));
        }

        return plan.Items.Count == 0 ? ProjectErrors.StageHasNoItems(StageName(stage)) : Result.Success;
    }

    public Result ScheduleInspection(ProjectStage stage, DateTimeOffset at)
    {
        var plan = Stage(stage);
        if (InspectionOpen(plan) is { } error)
        {
            return error;
        }

        Replace(plan with { Inspection = plan.Inspection! with { ScheduledAt = at } });
        return Result.Success;
    }

    /// <summary>Records that the joint inspection took place; the stage completes if every item already has its result.</summary>
    public Result CompleteInspection(ProjectStage stage, DateTimeOffset at)
    {
        var plan = Stage(stage);
        if (InspectionOpen(plan) is { } error)
        {
            return error;
        }

        if (plan.Inspection!.ScheduledAt is null)
        {
            return ProjectErrors.InspectionNotScheduled(StageName(stage));
        }

        Replace(plan with { Inspection = plan.Inspection with { DoneAt = at } });
        CompleteIfDone(stage, at);
        return Result.Success;
    }

    /// <summary>An item's case produced its result; when it is the stage's last (and the inspection is done) the stage completes.</summary>
    public Result RecordResult(string key, DateTimeOffset at)
    {
        var plan = Stages.FirstOrDefault(s => s.Items.Any(i => i.Key == key))
            ?? throw new ArgumentException($"No item {key} in project {Code}", nameof(key));
        if (plan.Status != ProjectStageStatus.InProgress)
        {
            return plan.Status == ProjectStageStatus.Completed ? ProjectErrors.StageCompleted(StageName(plan.Stage)) : ProjectErrors.StageNotStarted(StageName(plan.Stage));
        }

        var item = plan.Items.Single(i => i.Key == key);
        if (item.HasResult)
        {
            return ProjectErrors.ItemHasResult(key);
        }

        Replace(plan with { Items = [.. plan.Items.Select(i => i.Key == key ? i with { ResultAt = at } : i)] });
        CompleteIfDone(plan.Stage, at);
        return Result.Success;
    }

    /// <summary>A 特别程序 stops the clock, of one stage (which must be running) or of the whole project (<paramref name="stage"/> null).</summary>
    public Result StartPause(SpecialProcedure procedure, ProjectStage? stage, DateTimeOffset from, string? note = null)
    {
        if (stage is { } s && Stage(s).Status != ProjectStageStatus.InProgress)
        {
            return ProjectErrors.PauseNeedsRunningStage(StageName(s));
        }

        if (stage is null && (CurrentStage is null))
        {
            return ProjectErrors.PauseNeedsRunningProject();
        }

        if (Pauses.Any(p => p.To is null && p.Stage == stage))
        {
            return ProjectErrors.PauseAlreadyRunning();
        }

        Pauses = [.. Pauses, new ProjectPause(procedure, stage, from, null, note)];
        return Result.Success;
    }

    /// <summary>The running 特别程序 of the stage (or of the project) ended.</summary>
    public Result EndPause(ProjectStage? stage, DateTimeOffset to)
    {
        var open = Pauses.FirstOrDefault(p => p.To is null && p.Stage == stage);
        if (open is null)
        {
            return ProjectErrors.NoPauseRunning();
        }

        if (to < open.From)
        {
            return ProjectErrors.PauseEndsBeforeStart();
        }

        Pauses = [.. Pauses.Select(p => ReferenceEquals(p, open) ? p with { To = to } : p)];
        return Result.Success;
    }

    /// <summary>
    /// 报装: a water, power, gas or telecom connection request attached to the project, once 工程建设许可 has started
    /// (报装提前到工程建设许可阶段), one open request per utility. It never counts on the project clock.
    /// </summary>
    public Result RequestConnection(UtilityKind kind, DateTimeOffset at)
    {
        var current = Stages.LastOrDefault(s => s.Status != ProjectStageStatus.NotStarted);
        if (current is null || current.Stage < ProjectStage.ConstructionWorksPermit)
        {
            return ProjectErrors.ConnectionTooEarly();
        }

        if (Connections.Any(c => c.Kind == kind))
        {
            return ProjectErrors.ConnectionDuplicate(UtilityName(kind));
        }

        Connections = [.. Connections, new ConnectionRequest(kind, current.Stage, at)];
        return Result.Success;
    }

    public Result Connected(UtilityKind kind, DateTimeOffset at)
    {
        var request = Connections.FirstOrDefault(c => c.Kind == kind);
        if (request is null || request.ConnectedAt is not null)
        {
            return ProjectErrors.ConnectionNotOpen(UtilityName(kind));
        }

        Connections = [.. Connections.Select(c => c.Kind == kind ? c with { ConnectedAt = at } : c)];
        return Result.Success;
    }

    /// <summary>
    /// The project clock at <paramref name="now"/>. A stage counts the working days in (its start date, its completion
    /// date or today], minus the working days a pause of that stage or of the project touched (the rule of
    /// <see cref="WorkingCalendar.ExtendForPauses(DateTimeOffset, IEnumerable{ValueTuple{DateTimeOffset, DateTimeOffset}}, TimeZoneInfo)"/>:
    /// a working day touched by a pause, however briefly, does not count; a running pause runs to today). The
    /// project's elapsed time is the sum of its stages: time between stages (the applicant preparing the next
    /// application) is not on the clock, and 报装 never are.
    /// </summary>
    public ProjectClock Clock(WorkingCalendar calendar, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var stages = Stages
            .Select(s => new StageClock(s.Stage, s.Status, s.LimitWorkingDays,
                s.StartedAt is { } start ? CountedDays(calendar, zone, s.Stage, start, s.CompletedAt ?? now, now).Count : 0))
            .ToList();
        return new ProjectClock(ProjectLimitWorkingDays, stages.Sum(s => s.ElapsedWorkingDays), stages);
    }

    /// <summary>
    /// Each department's share of the project: the working days its items ran (from case start to result, or to
    /// today while open), pauses excluded as on the clock; a day on which several of its items ran counts once.
    /// </summary>
    public IReadOnlyList<DepartmentShare> DepartmentShares(WorkingCalendar calendar, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var items = Stages.SelectMany(s => s.Items.Where(i => i.StartedAt is not null).Select(i => (s.Stage, Item: i)));
        return [.. items
            .GroupBy(x => x.Item.DepartmentId)
            .Select(g => new DepartmentShare(
                g.Key,
                g.SelectMany(x => CountedDays(calendar, zone, x.Stage, x.Item.StartedAt!.Value, x.Item.ResultAt ?? now, now)).Distinct().Count(),
                [.. g.Select(x => x.Item.Key)]))
            .OrderByDescending(d => d.WorkingDays)];
    }

    /// <summary>The Chinese name of a stage, as rules and pages show it.</summary>
    public static string StageName(ProjectStage stage) => stage switch
    {
        ProjectStage.LandUsePlanning => "立项用地规划许可",
        ProjectStage.ConstructionWorksPermit => "工程建设许可",
        ProjectStage.ConstructionPermit => "施工许可",
        ProjectStage.CompletionAcceptance => "竣工验收",
    };

    public static string UtilityName(UtilityKind kind) => kind switch
    {
        UtilityKind.Water => "供水",
        UtilityKind.Power => "供电",
        UtilityKind.Gas => "燃气",
        UtilityKind.Telecom => "通信",
    };

    private HashSet<DateOnly> CountedDays(WorkingCalendar calendar, TimeZoneInfo zone, ProjectStage stage, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var paused = PausedDays(zone, stage, now);
        var days = new HashSet<DateOnly>();
        for (var day = LocalDate(from, zone).AddDays(1); day <= LocalDate(to, zone); day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day) && !paused.Contains(day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    private HashSet<DateOnly> PausedDays(TimeZoneInfo zone, ProjectStage stage, DateTimeOffset now)
    {
        var days = new HashSet<DateOnly>();
        foreach (var pause in Pauses.Where(p => p.Stage is null || p.Stage == stage))
        {
            var to = pause.To ?? now;
            if (to <= pause.From)
            {
                continue;
            }

            var end = TimeZoneInfo.ConvertTime(to, zone).DateTime;
            var last = DateOnly.FromDateTime(end);
            if (end.TimeOfDay == TimeSpan.Zero)
            {
                last = last.AddDays(-1);
            }

            for (var day = LocalDate(pause.From, zone); day <= last; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        return days;
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static Error? InspectionOpen(ProjectStagePlan plan)
    {
        if (plan.Inspection is null)
        {
            return ProjectErrors.NoInspectionPlanned(StageName(plan.Stage));
        }

        if (plan.Status != ProjectStageStatus.InProgress)
        {
            return plan.Status == ProjectStageStatus.Completed ? ProjectErrors.StageCompleted(StageName(plan.Stage)) : ProjectErrors.StageNotStarted(StageName(plan.Stage));
        }

        return plan.Inspection.DoneAt is not null ? ProjectErrors.InspectionDone(StageName(plan.Stage)) : null;
    }

    private void CompleteIfDone(ProjectStage stage, DateTimeOffset at)
    {
        var plan = Stage(stage);
        if (plan.Items.All(i => i.HasResult) && plan.Inspection is not { DoneAt: null })
        {
            Replace(plan with { CompletedAt = at });
        }
    }

    private void Replace(ProjectStagePlan plan) =>
        Stages = [.. Stages.Select(s => s.Stage == plan.Stage ? plan : s)];
}

/// <summary>The rules of <see cref="ConstructionProject"/>, as named errors (<c>project.*</c>).</summary>
public static class ProjectErrors
{
    public static Invalid CodeInvalid(int max) => new("project.code-invalid", max);
    public static Invalid NameInvalid(int max) => new("project.name-invalid", max);
    public static Invalid StageLimitNotPositive(string stage) => new("project.stage-limit-not-positive", stage);
    public static Invalid StageLimitsOverProjectLimit(int total, int limit) => new("project.stage-limits-over-project-limit", total, limit);
    public static Conflict StageAlreadyStarted(string stage) => new("project.stage-started", stage);
    public static Conflict StageNotStarted(string stage) => new("project.stage-not-started", stage);
    public static Conflict StageCompleted(string stage) => new("project.stage-completed", stage);
    public static Conflict PreviousStageIncomplete(string stage, string previous) => new("project.previous-stage-incomplete", stage, previous);
    public static Invalid StageHasNoItems(string stage) => new("project.stage-has-no-items", stage);
    public static Invalid ItemDuplicate(string key) => new("project.item-duplicate", key);
    public static Invalid ItemNotInStage(string key, string stage) => new("project.item-not-in-stage", key, stage);
    public static Invalid ItemsStartTogether(string missing) => new("project.items-start-together", missing);
    public static Conflict ItemHasResult(string key) => new("project.item-has-result", key);
    public static Invalid InspectionNeedsDepartments() => new("project.inspection-needs-departments");
    public static Conflict NoInspectionPlanned(string stage) => new("project.no-inspection", stage);
    public static Conflict InspectionNotScheduled(string stage) => new("project.inspection-not-scheduled", stage);
    public static Conflict InspectionDone(string stage) => new("project.inspection-done", stage);
    public static Conflict PauseNeedsRunningStage(string stage) => new("project.pause-needs-running-stage", stage);
    public static Conflict PauseNeedsRunningProject() => new("project.pause-needs-running-project");
    public static Conflict PauseAlreadyRunning() => new("project.pause-running");
    public static Conflict NoPauseRunning() => new("project.no-pause");
    public static Invalid PauseEndsBeforeStart() => new("project.pause-ends-before-start");
    public static Conflict ConnectionTooEarly() => new("project.connection-too-early");
    public static Conflict ConnectionDuplicate(string utility) => new("project.connection-duplicate", utility);
    public static Conflict ConnectionNotOpen(string utility) => new("project.connection-not-open", utility);
}
