using Tongban.Domain.Supervision;

namespace Tongban.Domain.Tests.Supervision;

/// <summary>Every indicator on a constructed period, each expectation computed by hand in the comment beside it.</summary>
public class IndicatorTests
{
    private static readonly IndicatorCounts Period = new()
    {
        Implementations = 40,
        OnlineImplementations = 36,
        FullyOnlineImplementations = 22,
        PromisedLimitDays = 300,
        StatutoryLimitDays = 800,
        CasesFiled = 250,
        CasesFiledOnline = 175,
        CasesFiledAtWindow = 75,
        CasesFiledAtComprehensiveWindow = 60,
        CasesFinished = 200,
        CasesFinishedFullyOnline = 90,
        CasesFinishedWithAtMostOneVisit = 184,
        CasesFinishedWithZeroVisits = 120,
        CasesFinishedOnTime = 190,
        CasesOverdue = 14,
        CasesOpen = 50,
        CasesAccepted = 220,
        CasesAcceptedWithDeficiency = 11,
        CasesAcceptedUnderCommitment = 33,

        // 200 finished: 40 same day, 60 after 1 day, 50 after 2, 30 after 3, 10 after 5, 10 after 8.
        HandlingDays = [40, 60, 50, 30, 0, 10, 0, 0, 10],
        RatingInvitations = 200,
        ActiveRatings = 183,
        AnsweredInvitations = 171,                           // the other 12 active ratings were given at 受理
        GoodRatings = 177,
        DefaultedRatings = 15,
        BadRatings = 6,
        RectificationsClosed = 5,
    };

    private static Indicator Of(string name) => Indicators.From(Period).Single(i => i.Name == name);

    [Theory]
    [InlineData("onlineAvailabilityRate", 36, 40, 0.9)]          // 36 / 40
    [InlineData("fullyOnlineRate", 22, 40, 0.55)]                // 22 / 40
    [InlineData("fullyOnlineCaseRate", 90, 200, 0.45)]           // 90 / 200
    [InlineData("oneWindowRate", 60, 75, 0.8)]                   // 60 / 75
    [InlineData("atMostOneVisitRate", 184, 200, 0.92)]           // 184 / 200
    [InlineData("zeroVisitRate", 120, 200, 0.6)]                 // 120 / 200
    [InlineData("onlineApplicationShare", 175, 250, 0.7)]        // 175 / 250
    [InlineData("limitCompressionRate", 500, 800, 0.625)]        // (800 − 300) / 800
    [InlineData("onTimeRate", 190, 200, 0.95)]                   // 190 / 200
    [InlineData("overdueRate", 14, 250, 0.056)]                  // 14 / (200 + 50)
    [InlineData("activeRatingRate", 171, 200, 0.855)]            // 171 / 200: 办结-stage active only, the 15 defaulted not counted
    [InlineData("goodRatingRate", 177, 183, 0.9672)]             // 177 / 183 = 0.96721…
    [InlineData("rectificationRate", 5, 6, 0.8333)]              // 5 / 6 = 0.83333…
    [InlineData("deficiencyAcceptanceRate", 11, 220, 0.05)]      // 11 / 220
    [InlineData("commitmentRate", 33, 220, 0.15)]                // 33 / 220
    public void EachShare_IsItsNumeratorOverItsDenominator(string name, long numerator, long denominator, double expected)
    {
        var indicator = Of(name);
        Assert.Equal(numerator, indicator.Numerator);
        Assert.Equal(denominator, indicator.Denominator);
        Assert.Equal((decimal)expected, indicator.Value);
        Assert.Equal(Indicator.Share, indicator.Unit);
        Assert.False(string.IsNullOrWhiteSpace(indicator.Formula));
    }

    [Fact]
    public void HandlingTime_AverageAndP90_FromTheHistogram()
    {
        // Σ days = 0·40 + 1·60 + 2·50 + 3·30 + 5·10 + 8·10 = 380 over 200 cases: 1.9.
        var average = Of("averageHandlingDays");
        Assert.Equal(380m, average.Numerator);
        Assert.Equal(1.9m, average.Value);
        Assert.Equal(Indicator.WorkingDays, average.Unit);

        // The 180th case (90% of 200): 40 + 60 + 50 = 150 by day 2, 180 by day 3.
        var p90 = Of("p90HandlingDays");
        Assert.Equal(180m, p90.Numerator);
        Assert.Equal(3m, p90.Value);
    }

    [Fact]
    public void NothingToMeasure_IsNoValue_NotZero()
    {
        var empty = Indicators.From(new IndicatorCounts());
        Assert.All(empty, i => Assert.Null(i.Value));
    }

    [Theory]
    [InlineData(new long[] { 10 }, 0.9, 0)]
    [InlineData(new long[] { 9, 1 }, 0.9, 0)]        // rank 9 of 10 reached on day 0
    [InlineData(new long[] { 8, 1, 1 }, 0.9, 1)]     // rank 9: 8 by day 0, 9 by day 1
    [InlineData(new long[] { 0, 0, 0, 5 }, 0.5, 3)]
    public void Percentile_IsTheNearestRank(long[] histogram, double share, int expected) =>
        Assert.Equal(expected, Indicators.Percentile(histogram, (decimal)share));

    [Fact]
    public void TheApiNames_AreStable()
    {
        Assert.Equal(
            ["onlineAvailabilityRate", "fullyOnlineRate", "fullyOnlineCaseRate", "oneWindowRate", "atMostOneVisitRate", "zeroVisitRate", "onlineApplicationShare",
             "averageHandlingDays", "p90HandlingDays", "limitCompressionRate", "onTimeRate", "overdueRate", "activeRatingRate", "goodRatingRate", "rectificationRate",
             "deficiencyAcceptanceRate", "commitmentRate"],
            Indicators.From(Period).Select(i => i.Name).ToArray());
    }
}
