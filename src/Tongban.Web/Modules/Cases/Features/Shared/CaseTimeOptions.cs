using Tongban.Domain.Cases;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>The city's case-handling numbers (Tongban:Cases): the 容缺 grace period, the warning share, how often the 容缺 sweep runs, office hours.</summary>
public sealed class CaseTimeOptions
{
    public const string Section = "Tongban:Cases";

    /// <summary>After the second 容缺 notice, the natural days the applicant still has (15 in the city plans).</summary>
    public int DeficiencyGraceDays { get; set; } = 15;

    /// <summary>Yellow warning once this share of a limit is used.</summary>
    public double WarningShare { get; set; } = 0.8;

    public int DeficiencySweepMinutes { get; set; } = 5;

    /// <summary>
    /// 工作时间 (Tongban:Cases:OfficeHours) in which limits counted in working hours (工作小时) run, on every working day of the
    /// calendar, in the city's time zone: blocks "HH:mm-HH:mm" separated by commas. Default 09:00-12:00,13:30-17:00.
    /// </summary>
    public string OfficeHours { get; set; } = Domain.Primitives.Calendar.OfficeHours.Default.ToString();

    /// <summary>The shipped calendar with <see cref="OfficeHours"/>; a malformed value stops the start with the reason.</summary>
    public WorkingCalendar Calendar() =>
        Domain.Primitives.Calendar.OfficeHours.Parse(OfficeHours).TryGet(out var hours, out var error)
            ? WorkingCalendar.LoadShipped().WithOfficeHours(hours)
            : throw new InvalidOperationException($"{Section}:OfficeHours is invalid ({error.Code}): \"{OfficeHours}\"; write blocks such as 09:00-12:00,13:30-17:00.");

    public CasePolicy Policy => new() { DeficiencyGracePeriod = CaseTimeLimit.NaturalDays(DeficiencyGraceDays), WarningShare = WarningShare };
}
