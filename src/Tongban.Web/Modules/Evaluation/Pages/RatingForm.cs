using Microsoft.AspNetCore.Mvc;
using Tongban.Modules.Evaluation.Features.RateCase;

namespace Tongban.Modules.Evaluation.Pages;

/// <summary>What every rating form posts: a level, reason tags ticked, a comment.</summary>
public sealed class RatingInput
{
    [FromForm(Name = "level")]
    public int? Level { get; set; }

    [FromForm(Name = "tags")]
    public List<string> Tags { get; set; } = [];

    [FromForm(Name = "comment")]
    public string? Comment { get; set; }

    public RateCaseRequest ForStage(string? stage) => new(stage, Level, Tags, Comment);
}

/// <summary>The form partial's model: where it posts, the stage (for a case), the tags offered, and extra hidden fields.</summary>
public sealed record RatingFormModel(string Action, string Title, string? Stage, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string>? Hidden = null, bool Big = false);
