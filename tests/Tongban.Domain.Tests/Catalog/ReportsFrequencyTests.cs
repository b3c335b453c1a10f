using Tongban.Domain.Catalog.Reports;

namespace Tongban.Domain.Tests.Catalog;

public class ReportsFrequencyTests
{
    private static readonly FrequencyPolicy Policy = new() { HighFrequencyMinimumCases = 1000 };

    [Fact]
    public void NoCaseInTheWindow_IsAZombieItem() => Assert.Equal(FrequencyClass.Zombie, Policy.Classify(0));

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    public void SomeCasesBelowTheThreshold_AreLowFrequency(int cases) => Assert.Equal(FrequencyClass.Low, Policy.Classify(cases));

    [Theory]
    [InlineData(1000)]
    [InlineData(250_000)]
    public void CasesFromTheThresholdUp_AreHighFrequency(int cases) => Assert.Equal(FrequencyClass.High, Policy.Classify(cases));

    [Fact]
    public void TheDefaultThreshold_IsAThousandCasesAYear() =>
        Assert.Equal(FrequencyClass.Low, new FrequencyPolicy().Classify(FrequencyPolicy.DefaultHighFrequencyMinimumCases - 1));

    [Fact]
    public void AThresholdOfOne_LeavesNoLowBand_ButAZeroCountStaysZombie()
    {
        var policy = new FrequencyPolicy { HighFrequencyMinimumCases = 1 };
        Assert.Equal(FrequencyClass.Zombie, policy.Classify(0));
        Assert.Equal(FrequencyClass.High, policy.Classify(1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(1000)]
    public void EveryCount_FallsInExactlyTheRangeOfItsClass(int cases) =>
        Assert.Equal(Policy.Classify(cases), Assert.Single(Enum.GetValues<FrequencyClass>(), c => Policy.RangeOf(c).Contains(cases)));

    [Fact]
    public void TheWindow_IsTheCurrentMonthAndTheElevenBefore()
    {
        var (first, last) = FrequencyPolicy.WindowEnding(new DateOnly(2026, 3, 2));
        Assert.Equal(new DateOnly(2025, 4, 1), first);
        Assert.Equal(new DateOnly(2026, 3, 1), last);
    }
}
