namespace Tongban.Domain.Evaluation;

/// <summary>
/// The city's 好差评 numbers (configuration <c>Tongban:Evaluation</c>): when the invitation is repeated,
/// the window in which a rating counts as in time, whether and when an unrated case gets the default
/// level, and how long a department has to rectify a 差评. All periods are working days.
/// </summary>
public sealed record EvaluationPolicy
{
    /// <summary>The reminder goes out this many working days after the invitation.</summary>
    public int ReminderAfterWorkingDays { get; init; } = 2;

    /// <summary>遂宁: rated actively within 5 working days of completion.</summary>
    public int ActiveRatingWorkingDays { get; init; } = 5;

    /// <summary>Unrated after this many working days, the default applies (when <see cref="DefaultLevel"/> is set).</summary>
    public int DefaultAfterWorkingDays { get; init; } = 10;

    /// <summary>The level given by default (some regions use 基本满意); null: no default, the case stays unrated.</summary>
    public RatingLevel? DefaultLevel { get; init; } = RatingLevel.FairlySatisfied;

    /// <summary>差评整改 within this many working days (5, 7 or 15 locally).</summary>
    public int RectificationWorkingDays { get; init; } = 5;

    /// <summary>The rules a configuration must keep: the reminder before the default, every period positive.</summary>
    public IEnumerable<string> Problems()
    {
        if (ReminderAfterWorkingDays < 1 || ActiveRatingWorkingDays < 1 || DefaultAfterWorkingDays < 1 || RectificationWorkingDays < 1)
        {
            yield return "Every evaluation period must be at least 1 working day.";
        }

        if (DefaultLevel is not null && DefaultAfterWorkingDays <= ReminderAfterWorkingDays)
        {
            yield return "The default must come after the reminder.";
        }

        if (DefaultLevel is { } level && !Enum.IsDefined(level))
        {
            yield return "The default level must be 1 to 5.";
        }
    }
}
