using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Platform;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// How case pages and documents write a time limit and where it stands: day limits by date and working days left,
/// limits in working hours (工作小时) by date with hour and minute and the office minutes left.
/// </summary>
public static class LimitTexts
{
    /// <summary>"20 个工作日", "15 个自然日", "1 个工作小时".</summary>
    public static string Of(CaseTimeLimit? limit, IStringLocalizer<SharedResource> t) => limit is null ? "" : t["{0} 个{1}", limit.Amount, UnitName(limit.Unit, t)];

    public static string UnitName(TimeLimitUnit unit, IStringLocalizer<SharedResource> t) => unit switch
    {
        TimeLimitUnit.WorkingDays => t["工作日"],
        TimeLimitUnit.NaturalDays => t["自然日"],
        TimeLimitUnit.WorkingHours => t["工作小时"],
    };

    /// <summary>The deadline: "2026-03-09" for a day limit, "2026-03-02 14:00" for an hour limit.</summary>
    public static string Deadline(DateTimeOffset deadline, TimeLimitUnit unit, CityClock clock) =>
        unit == TimeLimitUnit.WorkingHours ? Formats.Minute(deadline, clock) : Formats.Day(deadline, clock);

    /// <summary>"剩余 3 个工作日"; for an hour limit "剩余 30 分钟（工作时间）" or, once overdue, "已超时 15 分钟（工作时间）".</summary>
    public static string Remaining(TimeLimitUnit unit, int workingDays, int workingMinutes, IStringLocalizer<SharedResource> t) =>
        unit != TimeLimitUnit.WorkingHours ? t["剩余 {0} 个工作日", workingDays]
        : workingMinutes >= 0 ? t["剩余 {0} 分钟（工作时间）", workingMinutes]
        : t["已超时 {0} 分钟（工作时间）", -workingMinutes];

    /// <summary>The wire name of a unit (camelCase, as catalog JSON writes it): workingDays, naturalDays, workingHours.</summary>
    public static string Wire(TimeLimitUnit unit) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(unit.ToString());

    public static TimeLimitUnit Parse(string wire) => Enum.Parse<TimeLimitUnit>(wire, ignoreCase: true);
}
