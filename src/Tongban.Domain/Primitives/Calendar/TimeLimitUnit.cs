namespace Tongban.Domain.Primitives.Calendar;

/// <summary>How a statutory time limit (办理时限) is counted.</summary>
public enum TimeLimitUnit
{
    /// <summary>工作日: weekends and statutory holidays are skipped, 调休 make-up days count.</summary>
    WorkingDays,

    /// <summary>自然日: every day counts; a last day that is not a working day moves to the next working day.</summary>
    NaturalDays,

    /// <summary>
    /// 工作小时: only the calendar's <see cref="OfficeHours"/> on working days count (a same-day promise such as
    /// 抵押登记 within 1 hour). For promised limits; statutory limits and extensions stay in days.
    /// </summary>
    WorkingHours,
}
