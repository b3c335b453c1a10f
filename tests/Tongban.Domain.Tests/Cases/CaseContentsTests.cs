using Tongban.Domain.Cases;
using static Tongban.Domain.Tests.Cases.CaseTestData;

namespace Tongban.Domain.Tests.Cases;

/// <summary>What persistence stores beside the columns: the case's collections as one value taken at a moment.</summary>
public class CaseContentsTests
{
    [Fact]
    public void Contents_HoldsEveryCollection_AsTheyStandNow()
    {
        var @case = Submitted(At("2026-03-02 09:00"), Plan);
        Ok(@case.RequestCorrection([new(Plan, "未提交经营方案")], Clerk, At("2026-03-02 11:00")));

        var contents = @case.Contents;

        Assert.Equal(@case.Materials, contents.Materials);
        Assert.Equal([Plan], contents.CorrectionNotice.Select(i => i.MaterialKey));
        Assert.Equal(@case.History.Select(e => e.Action), contents.History.Select(e => e.Action));
        Assert.Equal(@case.FormValues, contents.FormValues);
    }

    [Fact]
    public void Contents_IsASnapshot_ALaterTransitionDoesNotChangeIt()
    {
        var @case = Submitted(At("2026-03-02 09:00"), Plan);
        var before = @case.Contents;

        Ok(@case.RequestCorrection([new(Plan, "未提交经营方案")], Clerk, At("2026-03-02 11:00")));

        Assert.Empty(before.CorrectionNotice);
        Assert.Equal(@case.History.Count - 1, before.History.Count);
    }
}
