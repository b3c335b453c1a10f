using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tongban.Domain.Primitives;
using Conflict = Tongban.Domain.Primitives.Conflict;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Platform.Http;

/// <summary>
/// The one mapping from domain <see cref="Error"/> values to RFC 9457 ProblemDetails (API) and to
/// the error summary of a page (ModelState).
/// </summary>
public static class Problems
{
    public const string TypePrefix = "https://tongban.dev/problems/";

    public static int StatusCodeOf(Error error) => error switch
    {
        Invalid => StatusCodes.Status422UnprocessableEntity,
        NotFound => StatusCodes.Status404NotFound,
        Conflict => StatusCodes.Status409Conflict,
        Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var status = StatusCodeOf(error);
        var problem = new ProblemDetails
        {
            Type = TypePrefix + error.Code,
            Title = TitleFor(status),
            Status = status,
            Detail = error.Message,
        };
        problem.Extensions["code"] = error.Code;
        if (error.Field is not null)
        {
            problem.Extensions["field"] = error.Field;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>A use case's answer as an endpoint's: 200 with the value, or the error as ProblemDetails.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOkOrProblem<T>(this Result<T> result) =>
        result.TryGet(out var value, out var error) ? TypedResults.Ok(value) : error.ToProblem();

    /// <summary>Adds the error to the page's error summary, linked to its field when it has one.</summary>
    public static void AddError(this ModelStateDictionary modelState, Error error, string? prefix = null)
    {
        var key = error.Field is null ? string.Empty : prefix is null ? error.Field : $"{prefix}.{error.Field}";
        modelState.AddModelError(key, error.Message);
    }

    public static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求有误",
        StatusCodes.Status401Unauthorized => "需要登录",
        StatusCodes.Status403Forbidden => "无权执行此操作",
        StatusCodes.Status404NotFound => "未找到",
        StatusCodes.Status409Conflict => "与当前状态冲突",
        StatusCodes.Status422UnprocessableEntity => "输入不符合规则",
        StatusCodes.Status429TooManyRequests => "请求过于频繁",
        _ => "系统暂时无法处理",
    };
}
