using Tongban.Domain.Evaluation;

namespace Tongban.Modules.Evaluation;

/// <summary>Configuration <c>Tongban:Evaluation</c>: the city's <see cref="EvaluationPolicy"/> (periods in working days, the default level).</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Tongban:Evaluation";

    public int ReminderAfterWorkingDays { get; set; } = new EvaluationPolicy().ReminderAfterWorkingDays;

    public int ActiveRatingWorkingDays { get; set; } = new EvaluationPolicy().ActiveRatingWorkingDays;

    public int DefaultAfterWorkingDays { get; set; } = new EvaluationPolicy().DefaultAfterWorkingDays;

    /// <summary>1 to 5; 0 for no default (unrated cases stay unrated).</summary>
    public int DefaultLevel { get; set; } = (int)new EvaluationPolicy().DefaultLevel!.Value;

    public int RectificationWorkingDays { get; set; } = new EvaluationPolicy().RectificationWorkingDays;

    public EvaluationPolicy Policy => new()
    {
        ReminderAfterWorkingDays = ReminderAfterWorkingDays,
        ActiveRatingWorkingDays = ActiveRatingWorkingDays,
        DefaultAfterWorkingDays = DefaultAfterWorkingDays,
        DefaultLevel = DefaultLevel == 0 ? null : (RatingLevel)DefaultLevel,
        RectificationWorkingDays = RectificationWorkingDays,
    };
}
