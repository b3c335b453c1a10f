using Tongban.Domain.Evaluation;

namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>The Chinese names of levels, stages, subjects and channels, and the API's words for them.</summary>
public static class RatingTexts
{
    public static string LevelName(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.FairlySatisfied => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        RatingLevel.VeryDissatisfied => "非常不满意",
        _ => level.ToString(),
    };

    /// <summary>The levels from best to worst, as the forms list them.</summary>
    public static IReadOnlyList<RatingLevel> Levels { get; } = [.. Enum.GetValues<RatingLevel>().OrderDescending()];

    public static string StageName(RatingStage stage) => stage switch
    {
        RatingStage.Acceptance => "受理",
        RatingStage.Completion => "办结",
        _ => stage.ToString(),
    };

    public static string SubjectName(RatingSubjectKind kind) => kind switch
    {
        RatingSubjectKind.Case => "办件",
        RatingSubjectKind.Hall => "政务服务大厅",
        RatingSubjectKind.Window => "窗口",
        RatingSubjectKind.Clerk => "工作人员",
        RatingSubjectKind.Platform => "平台",
        _ => kind.ToString(),
    };

    /// <summary>"acceptance" or "completion" (the API's words), case-insensitively.</summary>
    public static RatingStage? ParseStage(string? stage) =>
        Enum.TryParse<RatingStage>(stage?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(stage, out _) ? parsed : null;

    /// <summary>The channels a caller may name: web or mobile (the kiosk and SMS link pages set their own).</summary>
    public static RatingChannel? ParseCallerChannel(string? channel) => channel?.Trim().ToUpperInvariant() switch
    {
        null or "" or "WEB" => RatingChannel.Web,
        "MOBILE" => RatingChannel.Mobile,
        _ => null,
    };

    public static string ApiName<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
