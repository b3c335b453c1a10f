using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Modules.Supervision.Persistence;

/// <summary>
/// The dimensions every pre-aggregate row is keyed by, besides its city date. Empty values stand for
/// "none" (an online filing has no hall, a platform rating no department) so they can be part of the key.
/// </summary>
internal interface IDailyDimensions
{
    DateOnly Day { get; }
    string RegionCode { get; }
    Guid DepartmentId { get; }
    string ImplementationCode { get; }
    Guid HallId { get; }
    string Channel { get; }
}

/// <summary>The dimension columns both pre-aggregate tables share (not an entity of its own).</summary>
internal abstract class DailyRow : IDailyDimensions
{
    public DateOnly Day { get; init; }
    public string RegionCode { get; init; } = "";
    public Guid DepartmentId { get; init; }
    public string ImplementationCode { get; init; } = "";
    public Guid HallId { get; init; }
    public string Channel { get; init; } = "";
}

/// <summary>One city date's counters for one combination of dimensions, each event attributed to the day it happened.</summary>
internal sealed class DailyCounts : DailyRow
{
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
}

/// <summary>Cases finished on one city date after a number of working days, per dimensions: the histogram average and P90 come from.</summary>
internal sealed class DailyHandlingTimes : DailyRow
{
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
