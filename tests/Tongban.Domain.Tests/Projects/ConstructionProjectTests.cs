using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Domain.Tests.Identifiers;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Projects;

/// <summary>
/// 工程建设项目: four stages one after another, parallel items within a stage, joint inspection, 特别程序 that stop
/// the clock, 报装 off the clock, and the 90-working-day project clock. Expectations are counted by hand over the
/// shipped 2026 calendar (清明 4/4-4/6, 劳动节 5/1-5/5 with 5/9 a 调休 working Saturday, 端午 6/19,
/// 中秋 9/25 with 9/20 a working Sunday, 国庆 10/1-10/7 with 10/10 a working Saturday).
/// </summary>
public class ConstructionProjectTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadShipped();
    private static readonly TimeZoneInfo Zone = WorkingCalendar.ChinaStandardTime;

    private static readonly Guid Development = Guid.NewGuid();   // 发展改革局
    private static readonly Guid Resources = Guid.NewGuid();     // 自然资源和规划局
    private static readonly Guid Housing = Guid.NewGuid();       // 住房和城乡建设局

    private static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static Applicant Builder => Succeeds(Applicant.Organisation(Uscc.FromTrusted(TestIds.Uscc("91", "510903", "MA6AB001")), "遂宁市某置业有限公司"));

    private static ConstructionProject NewProject(IReadOnlyDictionary<ProjectStage, int>? limits = null)
    {
        var project = Succeeds(ConstructionProject.Create("2026-510903-70-01-000001", "船山区某住宅小区项目", Builder, At(3, 1), limits));
        Ok(project.AddItem(ProjectStage.LandUsePlanning, "approval", "立项审批", Development));
        Ok(project.AddItem(ProjectStage.LandUsePlanning, "land-use", "建设用地规划许可", Resources));
        Ok(project.AddItem(ProjectStage.ConstructionWorksPermit, "works-planning", "建设工程规划许可", Resources));
        Ok(project.AddItem(ProjectStage.ConstructionWorksPermit, "drawings", "施工图审查备案", Housing));
        Ok(project.AddItem(ProjectStage.ConstructionPermit, "construction", "建筑工程施工许可", Housing));
        Ok(project.AddItem(ProjectStage.CompletionAcceptance, "planning-check", "规划核实", Resources));
        Ok(project.AddItem(ProjectStage.CompletionAcceptance, "fire", "消防验收", Housing));
        Ok(project.AddItem(ProjectStage.CompletionAcceptance, "filing", "竣工验收备案", Housing));
        return project;
    }

    private static Dictionary<string, string> CasesFor(ConstructionProject project, ProjectStage stage) =>
        project.Stage(stage).Items.ToDictionary(i => i.Key, i => $"case-{i.Key}");

    private static void Start(ConstructionProject project, ProjectStage stage, DateTimeOffset at) =>
        Ok(project.StartStage(stage, CasesFor(project, stage), at));

    private static void Ok(Result result) =>
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : $"Expected success, got {result.Error.Code}.");

    private static void Fails(Result result, string code)
    {
        Assert.False(result.IsSuccess, $"Expected failure '{code}'.");
        Assert.Equal(code, result.Error.Code);
        AssertChineseMessage(result.Error);
    }

    [Fact]
    public void Project_ThroughFourStages_WithAnExpertReviewInside_CountsFortyThreeOfNinetyWorkingDays()
    {
        var project = NewProject();

        // 立项用地规划许可 (limit 15): 3/2 → 3/13, with 联合踏勘 on 3/4.
        Ok(project.PlanInspection(ProjectStage.LandUsePlanning, [Development, Resources]));
        Start(project, ProjectStage.LandUsePlanning, At(3, 2));
        Ok(project.ScheduleInspection(ProjectStage.LandUsePlanning, At(3, 4)));
        Ok(project.CompleteInspection(ProjectStage.LandUsePlanning, At(3, 4, 11)));
        Ok(project.RecordResult("approval", At(3, 6, 16)));                // 3/3-3/6: 4
        Ok(project.RecordResult("land-use", At(3, 13, 16)));               // + 3/9-3/13: 9
        Assert.Equal(ProjectStageStatus.Completed, project.Stage(ProjectStage.LandUsePlanning).Status);

        // 工程建设许可 (limit 20): 3/16 → 4/10, 专家评审 3/23 09:00 - 3/27 17:00 stops its clock.
        Start(project, ProjectStage.ConstructionWorksPermit, At(3, 16));
        Ok(project.StartPause(SpecialProcedure.ExpertReview, ProjectStage.ConstructionWorksPermit, At(3, 23), "施工图专家评审"));

        // Mid-way, inside the pause: 3/17-3/20 counted, 3/23-3/25 paused (the running pause runs to today).
        var during = project.Clock(Calendar, At(3, 25, 15), Zone);
        Assert.Equal(4, during.Stages[1].ElapsedWorkingDays);
        Assert.Equal(9 + 4, during.ElapsedWorkingDays);

        Ok(project.EndPause(ProjectStage.ConstructionWorksPermit, At(3, 27, 17)));
        Ok(project.RequestConnection(UtilityKind.Water, At(4, 1)));       // 报装: attached, never on the clock
        Ok(project.RecordResult("works-planning", At(4, 3, 16)));          // 3/17-3/20 + 3/30-4/3: 9
        Ok(project.RecordResult("drawings", At(4, 10, 16)));               // + 4/7-4/10 (4/6 清明): 13

        // 施工许可 (limit 15): 4/13 → 4/30.
        Start(project, ProjectStage.ConstructionPermit, At(4, 13));
        Ok(project.RequestConnection(UtilityKind.Power, At(4, 20)));
        Ok(project.RecordResult("construction", At(4, 30, 16)));           // 4/14-17, 4/20-24, 4/27-30: 13

        // 竣工验收 (limit 10): 5/6 → 5/15 after 劳动节, 联合验收 on 5/12, 5/9 a working Saturday.
        Ok(project.PlanInspection(ProjectStage.CompletionAcceptance, [Resources, Housing]));
        Start(project, ProjectStage.CompletionAcceptance, At(5, 6));
        Ok(project.ScheduleInspection(ProjectStage.CompletionAcceptance, At(5, 12)));
        Ok(project.CompleteInspection(ProjectStage.CompletionAcceptance, At(5, 12, 12)));
        Ok(project.RecordResult("fire", At(5, 13, 16)));                   // 5/7, 5/8, 5/9, 5/11-13: 6
        Ok(project.RecordResult("planning-check", At(5, 14, 16)));         // 7
        Ok(project.RecordResult("filing", At(5, 15, 16)));                 // 8
        Assert.True(project.Completed);

        var clock = project.Clock(Calendar, At(6, 1), Zone);
        Assert.Equal([9, 13, 13, 8], clock.Stages.Select(s => s.ElapsedWorkingDays));
        Assert.Equal([15, 20, 15, 10], clock.Stages.Select(s => s.LimitWorkingDays));
        Assert.All(clock.Stages, s => Assert.False(s.Overdue));
        Assert.Equal(90, clock.LimitWorkingDays);
        Assert.Equal(43, clock.ElapsedWorkingDays);
        Assert.Equal(47, clock.RemainingWorkingDays);
        Assert.False(clock.Overdue);

        // Each department's share: 住建 13 + 13 + 8 (fire and filing ran in parallel, counted once), 自然资源 9 + 9 + 7, 发改 4.
        var shares = project.DepartmentShares(Calendar, At(6, 1), Zone).ToDictionary(s => s.DepartmentId, s => s.WorkingDays);
        Assert.Equal(34, shares[Housing]);
        Assert.Equal(25, shares[Resources]);
        Assert.Equal(4, shares[Development]);

        Assert.Equal([UtilityKind.Water, UtilityKind.Power], project.Connections.Select(c => c.Kind));
        Assert.Equal(ProjectStage.ConstructionWorksPermit, project.Connections[0].RequestedInStage);
    }

    [Fact]
    public void StageClock_WithoutThePause_WouldCountEveryWorkingDay()
    {
        var project = NewProject();
        Start(project, ProjectStage.LandUsePlanning, At(3, 2));
        Ok(project.RecordResult("approval", At(3, 6)));
        Ok(project.RecordResult("land-use", At(3, 13)));
        Start(project, ProjectStage.ConstructionWorksPermit, At(3, 16));
        Ok(project.RecordResult("works-planning", At(4, 3)));
        Ok(project.RecordResult("drawings", At(4, 10)));

        // 3/17-3/20, 3/23-3/27, 3/30-4/3, 4/7-4/10: 18 working days, within the 20.
        Assert.Equal(18, project.Clock(Calendar, At(4, 10, 17), Zone).Stages[1].ElapsedWorkingDays);
    }

    [Fact]
    public void Stage_PastItsLimit_IsOverdue_WhileTheProjectIsNot()
    {
        var project = NewProject();
        Start(project, ProjectStage.LandUsePlanning, At(3, 2));

        // 3/3-3/6 (4), 3/9-3/13 (5), 3/16-3/20 (5), 3/23-3/25 (3): 17 of 15.
        var clock = project.Clock(Calendar, At(3, 25, 10), Zone);
        Assert.Equal(17, clock.Stages[0].ElapsedWorkingDays);
        Assert.Equal(-2, clock.Stages[0].RemainingWorkingDays);
        Assert.True(clock.Stages[0].Overdue);
        Assert.Equal(73, clock.RemainingWorkingDays);
        Assert.False(clock.Overdue);
    }

    [Fact]
    public void Project_PastNinetyWorkingDays_IsOverdue()
    {
        var project = NewProject();
        Start(project, ProjectStage.LandUsePlanning, At(6, 1));

        // 6/2-6/30: 20 (6/19 端午), July: 23, August: 21, September: 22 (9/20 on, 9/25 off), 10/8-10/10: 3 (国庆 off, 10/10 on),
        // 10/12: 90th, 10/13: 91st.
        Assert.Equal(90, project.Clock(Calendar, At(10, 12), Zone).ElapsedWorkingDays);
        Assert.False(project.Clock(Calendar, At(10, 12), Zone).Overdue);
        var clock = project.Clock(Calendar, At(10, 13), Zone);
        Assert.Equal(91, clock.ElapsedWorkingDays);
        Assert.Equal(-1, clock.RemainingWorkingDays);
        Assert.True(clock.Overdue);
    }

    [Fact]
    public void ProjectPause_StopsTheRunningStage_AndItsDepartments()
    {
        var project = NewProject();
        Start(project, ProjectStage.LandUsePlanning, At(3, 2));
        Ok(project.StartPause(SpecialProcedure.Testing, null, At(3, 9, 10), "地质检测"));
        Ok(project.EndPause(null, At(3, 10, 16)));
        Ok(project.RecordResult("approval", At(3, 13)));

        // 3/3-3/13 is 9 working days, 3/9 and 3/10 touched by the 检测: 7.
        var clock = project.Clock(Calendar, At(3, 13, 17), Zone);
        Assert.Equal(7, clock.Stages[0].ElapsedWorkingDays);
        Assert.Equal(7, project.DepartmentShares(Calendar, At(3, 13, 17), Zone).Single(s => s.DepartmentId == Development).WorkingDays);
    }

    [Fact]
    public void StageLimits_AddingUpToMoreThanNinety_AreRefused()
    {
        var limits = new Dictionary<ProjectStage, int>
        {
            [ProjectStage.LandUsePlanning] = 30,
            [ProjectStage.ConstructionWorksPermit] = 30,
            [ProjectStage.ConstructionPermit] = 20,
            [ProjectStage.CompletionAcceptance] = 20,
        };
        FailsInvalid(ConstructionProject.Create("P-1", "项目", Builder, At(3, 1), limits), "project.stage-limits-over-project-limit");
        FailsInvalid(ConstructionProject.Create("P-1", "项目", Builder, At(3, 1), new Dictionary<ProjectStage, int> { [ProjectStage.ConstructionPermit] = 0 }), "project.stage-limit-not-positive");
        Assert.Equal(60, ConstructionProject.DefaultStageLimits.Values.Sum());
        Assert.Equal(25, Succeeds(ConstructionProject.Create("P-1", "项目", Builder, At(3, 1), new Dictionary<ProjectStage, int> { [ProjectStage.LandUsePlanning] = 25 }))
            .Stage(ProjectStage.LandUsePlanning).LimitWorkingDays);
    }

    [Fact]
    public void Stage_StartsOnlyAfterThePreviousStageIsComplete()
    {
        var project = NewProject();
        Fails(project.StartStage(ProjectStage.ConstructionWorksPermit, CasesFor(project, ProjectStage.ConstructionWorksPermit), At(3, 2)), "project.previous-stage-incomplete");

        Start(project, ProjectStage.LandUsePlanning, At(3, 2));
        Ok(project.RecordResult("approval", At(3, 6)));
        Fails(project.StartStage(ProjectStage.ConstructionWorksPermit, CasesFor(project, ProjectStage.ConstructionWorksPermit), At(3, 9)), "project.previous-stage-incomplete");
        Fails(project.StartStage(ProjectStage.LandUsePlanning, CasesFor(project, ProjectStage.LandUsePlanning), At(3, 9)), "project.stage-started");
        Fails(project.AddItem(ProjectStage.LandUsePlanning, "late", "迟到事项", Development), "project.stage-started");
    }

    [Fact]
    public void StageItems_StartTogether_EachWithItsCase()
    {
        var project = NewProject();
        Fails(project.StartStage(ProjectStage.LandUsePlanning, new Dictionary<string, string> { ["approval"] = "case-1" }, At(3, 2)), "project.items-start-together");
        Fails(project.StartStage(ProjectStage.LandUsePlanning, new Dictionary<string, string> { ["approval"] = "case-1", ["land-use"] = "case-2", ["other"] = "case-3" }, At(3, 2)), "project.item-not-in-stage");
        Assert.Equal(ProjectStageStatus.NotStarted, project.Stage(ProjectStage.LandUsePlanning).Status);

        Start(project, ProjectStage.LandUsePlanning, At(3, 2));
        Assert.All(project.Stage(ProjectStage.LandUsePlanning).Items, i => Assert.Equal(At(3, 2), i.StartedAt));
        Assert.Equal(["case-approval", "case-land-use"], project.Stage(ProjectStage.LandUsePlanning).Items.Select(i => i.CaseNumber));
    }

    [Fact]
    public void Stage_CompletesWhenEveryItemHasItsResult_AndTheJointInspectionIsDone()
    {
        var project = NewProject();
        Ok(project.PlanInspection(ProjectStage.LandUsePlanning, [Development, Resources]));
        Assert.Equal(JointInspectionKind.SiteSurvey, project.Stage(ProjectStage.LandUsePlanning).Inspection!.Kind);
        Start(project, ProjectStage.LandUsePlanning, At(3, 2));
        Ok(project.RecordResult("approval", At(3, 3)));
        Assert.Equal(ProjectStageStatus.InProgress, project.Stage(ProjectStage.LandUsePlanning).Status);
        Fails(project.RecordResult("approval", At(3, 4)), "project.item-has-result");
        Ok(project.RecordResult("land-use", At(3, 4)));
        Assert.Equal(ProjectStageStatus.InProgress, project.Stage(ProjectStage.LandUsePlanning).Status);

        Fails(project.CompleteInspection(ProjectStage.LandUsePlanning, At(3, 5)), "project.inspection-not-scheduled");
        Ok(project.ScheduleInspection(ProjectStage.LandUsePlanning, At(3, 5)));
        Ok(project.CompleteInspection(ProjectStage.LandUsePlanning, At(3, 5, 11)));
        Assert.Equal(At(3, 5, 11), project.Stage(ProjectStage.LandUsePlanning).CompletedAt);
        Assert.Equal(ProjectStage.ConstructionWorksPermit, project.Stages.First(s => s.Status == ProjectStageStatus.NotStarted).Stage);

        Ok(project.PlanInspection(ProjectStage.CompletionAcceptance, [Resources, Housing]));
        Assert.Equal(JointInspectionKind.Acceptance, project.Stage(ProjectStage.CompletionAcceptance).Inspection!.Kind);
    }

    [Fact]
    public void Connections_AttachFromTheWorksPermitStageOn_AndNeverCountOnTheClock()
    {
        var project = NewProject();
        Fails(project.RequestConnection(UtilityKind.Water, At(3, 1)), "project.connection-too-early");
        Start(project, ProjectStage.LandUsePlanning, At(3, 2));
        Fails(project.RequestConnection(UtilityKind.Water, At(3, 3)), "project.connection-too-early");
        Ok(project.RecordResult("approval", At(3, 3)));
        Ok(project.RecordResult("land-use", At(3, 4)));
        Start(project, ProjectStage.ConstructionWorksPermit, At(3, 9));
        var before = project.Clock(Calendar, At(3, 20), Zone).ElapsedWorkingDays;

        Ok(project.RequestConnection(UtilityKind.Gas, At(3, 10)));
        Fails(project.RequestConnection(UtilityKind.Gas, At(3, 11)), "project.connection-duplicate");
        Ok(project.Connected(UtilityKind.Gas, At(3, 20)));
        Fails(project.Connected(UtilityKind.Gas, At(3, 20)), "project.connection-not-open");
        Fails(project.Connected(UtilityKind.Telecom, At(3, 20)), "project.connection-not-open");

        Assert.Equal(before, project.Clock(Calendar, At(3, 20), Zone).ElapsedWorkingDays);
    }

    [Fact]
    public void Pauses_OnlyWhileTheStageRuns_OneAtATime()
    {
        var project = NewProject();
        Fails(project.StartPause(SpecialProcedure.SiteSurvey, ProjectStage.LandUsePlanning, At(3, 1)), "project.pause-needs-running-stage");
        Fails(project.StartPause(SpecialProcedure.SiteSurvey, null, At(3, 1)), "project.pause-needs-running-project");
        Start(project, ProjectStage.LandUsePlanning, At(3, 2));
        Ok(project.StartPause(SpecialProcedure.SiteSurvey, ProjectStage.LandUsePlanning, At(3, 3)));
        Fails(project.StartPause(SpecialProcedure.ExpertReview, ProjectStage.LandUsePlanning, At(3, 4)), "project.pause-running");
        Fails(project.EndPause(ProjectStage.LandUsePlanning, At(3, 2)), "project.pause-ends-before-start");
        Fails(project.EndPause(null, At(3, 5)), "project.no-pause");
        Ok(project.EndPause(ProjectStage.LandUsePlanning, At(3, 5)));
        Assert.Equal(At(3, 5), project.Pauses.Single().To);
    }
}
