namespace Tongban.Domain.Catalog.Reports;

/// <summary>办件频度: how often an implementation is used, over the last 12 months.</summary>
public enum FrequencyClass
{
    High,    // 高频事项
    Low,     // 低频事项
    Zombie,  // 僵尸事项: not one case
}

/// <summary>Cases from <see cref="Minimum"/> up to, not including, <see cref="Below"/>.</summary>
public readonly record struct CaseRange(int Minimum, int Below)
{
    public bool Contains(int cases) => cases >= Minimum && cases < Below;
}

/// <summary>
/// The frequency classes (银川 2020: 按照事项办理频次划分"高频""低频""僵尸"事项): zombie = no case
/// started in the window, high = at least <see cref="HighFrequencyMinimumCases"/> cases, low = the rest.
/// Configured as <c>Tongban:Catalog:HighFrequencyMinimumCases</c>; the default 1000 cases a year is
/// about four a working day, the volume at which an item earns a dedicated window and process attention.
/// </summary>
public sealed record FrequencyPolicy
{
    public const int DefaultHighFrequencyMinimumCases = 1000;

    public int HighFrequencyMinimumCases { get; init; } = DefaultHighFrequencyMinimumCases;

    /// <summary>The cases that put an implementation in a class; the ranges are disjoint and cover every count.</summary>
    public CaseRange RangeOf(FrequencyClass frequency)
    {
        var high = Math.Max(1, HighFrequencyMinimumCases);
        return frequency switch
        {
            FrequencyClass.Zombie => new CaseRange(0, 1),
            FrequencyClass.Low => new CaseRange(1, high),
            FrequencyClass.High => new CaseRange(high, int.MaxValue),
        };
    }

    public FrequencyClass Classify(int cases) =>
        RangeOf(FrequencyClass.Zombie).Contains(cases) ? FrequencyClass.Zombie
        : RangeOf(FrequencyClass.High).Contains(cases) ? FrequencyClass.High
        : FrequencyClass.Low;

    /// <summary>
    /// The months counted for a day: counters are kept per calendar month, so "the last 12 months" is
    /// the current month (up to today) and the eleven before it, each named by its first day.
    /// </summary>
    public static (DateOnly FirstMonth, DateOnly LastMonth) WindowEnding(DateOnly today)
    {
        var current = new DateOnly(today.Year, today.Month, 1);
        return (current.AddMonths(-11), current);
    }
}
