namespace Tongban.Domain.Primitives.Calendar;

/// <summary>How a statutory time limit (办理时限) is counted.</summary>
public enum TimeLimitUnit
{
    /// <summary>工作日: weekends and statutory holidays are skipped, 调休 make-up days count.</summary>
    WorkingDays,

    /// <summary>自然日: every day counts; a last day that is not a working day moves to the next working day.</summary>
    NaturalDays,
}
