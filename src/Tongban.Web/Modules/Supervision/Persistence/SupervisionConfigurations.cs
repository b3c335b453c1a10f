using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Modules.Supervision.Persistence;

/// <summary>
/// The dimensions every pre-aggregate row is keyed by, besides its city date. Empty values stand for
/// "none" (an online filing has no hall, a platform rating no department) so they can be part of the key.
/// </summary>
internal interface IDailyDimensions : IRegionDay
{
    Guid DepartmentId { get; }
    string ImplementationCode { get; }
    Guid HallId { get; }
    string Channel { get; }
}

/// <summary>The city date and region of a pre-aggregate row, per dimensions or per region.</summary>
internal interface IRegionDay
{
    DateOnly Day { get; }
    string RegionCode { get; }
}

/// <summary>A handling-time histogram entry: cases finished on the day after so many working days.</summary>
internal interface IHandlingTimes : IRegionDay
{
    int WorkingDays { get; }
    long Cases { get; }
}

/// <summary>The dimension columns of the handling-time rows (not an entity of its own).</summary>
internal abstract class DailyRow : IDailyDimensions
{
    public DateOnly Day { get; init; }
    public string RegionCode { get; init; } = "";
    public Guid DepartmentId { get; init; }
    public string ImplementationCode { get; init; } = "";
    public Guid HallId { get; init; }
    public string Channel { get; init; } = "";
}

/// <summary>
/// The counters of one city date, each event attributed to the day it happened: per combination of
/// dimensions (<see cref="DailyCounts"/>) or per region (<see cref="RegionDailyCounts"/>). Not an entity of its own.
/// </summary>
internal abstract class CountColumns : IRegionDay
{
    public DateOnly Day { get; init; }
    public string RegionCode { get; init; } = "";
    public long Filed { get; set; }
    public long FiledOnline { get; set; }
    public long FiledAtWindow { get; set; }
    public long FiledAtComprehensiveWindow { get; set; }
    public long Accepted { get; set; }
    public long AcceptedWithDeficiency { get; set; }
    public long AcceptedUnderCommitment { get; set; }
    public long Finished { get; set; }
    public long FinishedFullyOnline { get; set; }
    public long FinishedWithAtMostOneVisit { get; set; }
    public long FinishedWithZeroVisits { get; set; }
    public long FinishedOnTime { get; set; }
    public long FinishedLate { get; set; }
    public long RatingInvitations { get; set; }
    public long ActiveRatings { get; set; }
    public long AnsweredInvitations { get; set; }
    public long GoodRatings { get; set; }
    public long DefaultedRatings { get; set; }
    public long BadRatings { get; set; }
    public long RectificationsClosed { get; set; }

    /// <summary>Adds another row's counters to this one's.</summary>
    public void Add(CountColumns other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Filed += other.Filed;
        FiledOnline += other.FiledOnline;
        FiledAtWindow += other.FiledAtWindow;
        FiledAtComprehensiveWindow += other.FiledAtComprehensiveWindow;
        Accepted += other.Accepted;
        AcceptedWithDeficiency += other.AcceptedWithDeficiency;
        AcceptedUnderCommitment += other.AcceptedUnderCommitment;
        Finished += other.Finished;
        FinishedFullyOnline += other.FinishedFullyOnline;
        FinishedWithAtMostOneVisit += other.FinishedWithAtMostOneVisit;
        FinishedWithZeroVisits += other.FinishedWithZeroVisits;
        FinishedOnTime += other.FinishedOnTime;
        FinishedLate += other.FinishedLate;
        RatingInvitations += other.RatingInvitations;
        ActiveRatings += other.ActiveRatings;
        AnsweredInvitations += other.AnsweredInvitations;
        GoodRatings += other.GoodRatings;
        DefaultedRatings += other.DefaultedRatings;
        BadRatings += other.BadRatings;
        RectificationsClosed += other.RectificationsClosed;
    }
}

/// <summary>One city date's counters for one combination of dimensions.</summary>
internal sealed class DailyCounts : CountColumns, IDailyDimensions
{
    public Guid DepartmentId { get; init; }
    public string ImplementationCode { get; init; } = "";
    public Guid HallId { get; init; }
    public string Channel { get; init; } = "";
}

/// <summary>
/// One city date's counters of one region, summed over its departments, items, halls and channels at
/// refresh: what a region's indicators read, a row per region and day however many cases there are.
/// </summary>
internal sealed class RegionDailyCounts : CountColumns;

/// <summary>The sums of counter rows over a scope and period, as the indicators read them (not stored).</summary>
internal sealed class CountTotals : CountColumns;

/// <summary>Cases finished on one city date after a number of working days, per dimensions: the histogram average and P90 come from.</summary>
internal sealed class DailyHandlingTimes : DailyRow, IHandlingTimes
{
    public int WorkingDays { get; init; }
    public long Cases { get; set; }
}

/// <summary>One city date's handling-time histogram of one region, summed over its other dimensions at refresh.</summary>
internal sealed class RegionDailyHandlingTimes : IHandlingTimes
{
    public DateOnly Day { get; init; }
    public string RegionCode { get; init; } = "";
    public int WorkingDays { get; init; }
    public long Cases { get; set; }
}

/// <summary>When a city date's rows were last recomputed.</summary>
internal sealed class DayRefresh
{
    public DateOnly Day { get; init; }
    public DateTimeOffset RefreshedAt { get; set; }
}

/// <summary>A write changed an older day's figures (an appeal upheld excludes an old rating): the job recomputes that day.</summary>
internal sealed class DirtyDay
{
    public Guid Id { get; init; }
    public DateOnly Day { get; init; }
    public DateTimeOffset MarkedAt { get; init; }
}

internal static class Dimensions
{
    public static void Map<T>(EntityTypeBuilder<T> builder, string table, params string[] moreKey)
        where T : class, IDailyDimensions
    {
        builder.ToTable(table);
        builder.HasKey([nameof(IDailyDimensions.Day), nameof(IDailyDimensions.RegionCode), nameof(IDailyDimensions.DepartmentId),
            nameof(IDailyDimensions.ImplementationCode), nameof(IDailyDimensions.HallId), nameof(IDailyDimensions.Channel), .. moreKey]);
        // A county's (or township's) period: its code range first, then the days.
        builder.HasIndex(r => new { r.RegionCode, r.Day });
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.Property(r => r.ImplementationCode).HasMaxLength(31);
        builder.Property(r => r.Channel).HasMaxLength(40);
    }
}

internal sealed class DailyCountsConfiguration : IEntityTypeConfiguration<DailyCounts>
{
    public void Configure(EntityTypeBuilder<DailyCounts> builder) => Dimensions.Map(builder, "supervision_daily_counts");
}

internal sealed class DailyHandlingTimesConfiguration : IEntityTypeConfiguration<DailyHandlingTimes>
{
    public void Configure(EntityTypeBuilder<DailyHandlingTimes> builder) => Dimensions.Map(builder, "supervision_daily_handling_times", nameof(DailyHandlingTimes.WorkingDays));
}

internal sealed class RegionDailyCountsConfiguration : IEntityTypeConfiguration<RegionDailyCounts>
{
    public void Configure(EntityTypeBuilder<RegionDailyCounts> builder)
    {
        builder.ToTable("supervision_region_daily_counts");
        // A region's period: its code range first, then the days.
        builder.HasKey(r => new { r.RegionCode, r.Day });
        builder.Property(r => r.RegionCode).HasMaxLength(12);
    }
}

internal sealed class RegionDailyHandlingTimesConfiguration : IEntityTypeConfiguration<RegionDailyHandlingTimes>
{
    public void Configure(EntityTypeBuilder<RegionDailyHandlingTimes> builder)
    {
        builder.ToTable("supervision_region_daily_handling_times");
        builder.HasKey(r => new { r.RegionCode, r.Day, r.WorkingDays });
        builder.Property(r => r.RegionCode).HasMaxLength(12);
    }
}

internal sealed class DayRefreshConfiguration : IEntityTypeConfiguration<DayRefresh>
{
    public void Configure(EntityTypeBuilder<DayRefresh> builder)
    {
        builder.ToTable("supervision_day_refreshes");
        builder.HasKey(r => r.Day);
    }
}

internal sealed class DirtyDayConfiguration : IEntityTypeConfiguration<DirtyDay>
{
    public void Configure(EntityTypeBuilder<DirtyDay> builder)
    {
        builder.ToTable("supervision_dirty_days");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.Day);
    }
}
