namespace Tongban.Platform.Demo;

/// <summary>
/// Whether the demo city also gets its finished history (cases, ratings, the 效能监管 aggregates), so the dashboard,
/// indicators, warnings and 好差评公开 show something on first start. On by default with the demo; the tests turn it off.
/// Each module seeds its own part of it from the same options and the same fixed random seed.
/// </summary>
public sealed class DemoHistoryOptions
{
    public const string Section = "Tongban:DemoHistory";

    /// <summary>The fixed seed every part of the history draws from: the same city on every first start (relative to today).</summary>
    public const int RandomSeed = 20260901;

    public bool Enabled { get; set; } = true;

    /// <summary>How far back the history goes, in months before today.</summary>
    public int Months { get; set; } = 12;

    /// <summary>Cases filed across the city on an average working day.</summary>
    public int CasesPerWorkingDay { get; set; } = 12;

    /// <summary>The first city date of the history.</summary>
    public DateOnly FirstDay(DateOnly today) => today.AddMonths(-Math.Clamp(Months, 1, 36));
}
