using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;

namespace Tongban.Domain.Tests.Cases;

/// <summary>秒批: rules over verified data approve without a human, and the case records which passed.</summary>
public class CaseInstantApprovalTests
{
    private static readonly DateTimeOffset Monday = At("2026-03-02 10:00");

    private static InstantApprovalRule[] Rules(bool creditClean = true) =>
    [
        new("身份已核验", true, "公安人口库比对一致"),
        new("营业执照有效", true, "电子证照库：存续"),
        new("无严重失信记录", creditClean, creditClean ? "信用中国：无" : "信用中国：列入严重失信名单"),
    ];

    [Fact]
    public void ApproveInstantly_WhenEveryRulePasses_ApprovesTheWholeBackOfficeAndRecordsTheRules()
    {
        var @case = Accepted(Monday);
        var instant = Monday.AddSeconds(2);

        Ok(@case.ApproveInstantly(Rules(), CaseActor.System, instant));

        Assert.Equal(CaseStatus.Approved, @case.Status);
        Assert.All(@case.Steps, s => Assert.Equal(CaseStepStatus.Approved, s.Status));
        Assert.All(@case.Steps, s => Assert.Equal(Guid.Empty, s.DecidedBy));
        Assert.Equal(["身份已核验", "营业执照有效", "无严重失信记录"], @case.InstantApprovalRules.Select(r => r.Name));
        Assert.All(@case.InstantApprovalRules, r => Assert.True(r.Passed));
        Assert.Equal(instant, @case.DecidedAt);
        Assert.Equal(instant, @case.ClockEndedAt);
        var entry = @case.History[^1];
        Assert.Equal(CaseAction.InstantlyApproved, entry.Action);
        Assert.Equal(CaseActor.SystemRole, entry.ActorRole);
        Assert.Equal("秒批，规则均通过：身份已核验、营业执照有效、无严重失信记录", entry.Comment);
    }

    [Fact]
    public void ApproveInstantly_WhenOneRuleFails_IsRefusedNamingItAndChangesNothing()
    {
        var @case = Accepted(Monday);
        var before = @case.History.Count;

        var error = Refused<Conflict>(@case.ApproveInstantly(Rules(creditClean: false), CaseActor.System, Monday), "case.instant-approval-rules-failed");

        Assert.Contains("无严重失信记录", ChineseMessage(error), StringComparison.Ordinal);
        Assert.DoesNotContain("身份已核验", ChineseMessage(error), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Accepted, @case.Status);
        Assert.Empty(@case.InstantApprovalRules);
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Review));
        Assert.Equal(before, @case.History.Count);
    }

    [Fact]
    public void ApproveInstantly_WithoutRules_IsRefused() =>
        Refused<Invalid>(Accepted(Monday).ApproveInstantly([], CaseActor.System, Monday), "case.instant-approval-needs-rules");

    [Fact]
    public void ApproveInstantly_BeforeAcceptance_IsRefused() =>
        Refused<Conflict>(Submitted(Monday).ApproveInstantly(Rules(), CaseActor.System, Monday), "case.not-in-back-office");
}
