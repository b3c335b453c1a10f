using Tongban.Domain.Catalog;

namespace Tongban.Domain.Tests.Catalog;

/// <summary>办理流程 steps name known roles, 会签 groups are adjacent, 秒批 names known checks.</summary>
public class StepRulesTests
{
    private static ImplementationContent With(params ProcessStep[] steps) => CatalogRulesTests.Passing() with { Process = steps };

    [Fact]
    public void AdjacentParallelGroup_AndKnownRoles_BreakNoRule() =>
        Assert.Empty(CatalogRules.StepsNameKnownRolesAndAdjacentParallelGroups(With(
            new("accept", "受理"),
            new("a", "甲会签", Role: "Approver", ParallelGroup: "会签"),
            new("b", "乙会签", Role: "DepartmentAdmin", ParallelGroup: "会签"),
            new("check", "系统核验", Role: "DepartmentSystem"),
            new("decide", "决定"))));

    [Fact]
    public void ParallelGroupSplitByAnotherStep_IsNamed()
    {
        var error = Assert.Single(CatalogRules.StepsNameKnownRolesAndAdjacentParallelGroups(With(
            new("a", "甲会签", ParallelGroup: "会签"), new("review", "审查"), new("b", "乙会签", ParallelGroup: "会签"))));

        Assert.Equal("catalog.process-parallel-not-adjacent", error.Code);
        Assert.Contains("会签组“会签”的环节须相邻排列", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoDifferentGroupsBackToBack_AreBothAdjacent() =>
        Assert.Empty(CatalogRules.StepsNameKnownRolesAndAdjacentParallelGroups(With(
            new("a1", "甲", ParallelGroup: "一"), new("a2", "乙", ParallelGroup: "一"), new("b1", "丙", ParallelGroup: "二"), new("b2", "丁", ParallelGroup: "二"))));

    [Fact]
    public void UnknownRole_IsNamedWithTheStep()
    {
        var error = Assert.Single(CatalogRules.StepsNameKnownRolesAndAdjacentParallelGroups(With(new ProcessStep("check", "核验", Role: "Robot"))));

        Assert.Equal("catalog.process-role-unknown", error.Code);
        Assert.Contains("“核验”环节的办理角色“Robot”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownInstantApprovalRule_IsNamed()
    {
        var content = CatalogRulesTests.Passing() with { InstantApprovalRules = [InstantApprovalChecks.IdentityVerified, "lucky-day"] };

        var error = Assert.Single(CatalogRules.ForSubmission(content, CatalogPolicy.Default));

        Assert.Equal("catalog.instant-approval-rule-unknown", error.Code);
    }
}
