using Tongban.Domain.Cases;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>The city's case-handling numbers (Tongban:Cases): the 容缺 grace period, the warning share, how often the 容缺 sweep runs.</summary>
public sealed class CaseTimeOptions
{
    public const string Section = "Tongban:Cases";

    /// <summary>After the second 容缺 notice, the natural days the applicant still has (15 in the city plans).</summary>
    public int DeficiencyGraceDays { get; set; } = 15;

    /// <summary>Yellow warning once this share of a limit is used.</summary>
    public double WarningShare { get; set; } = 0.8;

    public int DeficiencySweepMinutes { get; set; } = 5;

    public CasePolicy Policy => new() { DeficiencyGracePeriod = CaseTimeLimit.NaturalDays(DeficiencyGraceDays), WarningShare = WarningShare };
}
