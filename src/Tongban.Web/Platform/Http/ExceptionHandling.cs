using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Tongban.Platform.Http;

/// <summary>
/// Unexpected exceptions: logged with the request id, answered with ProblemDetails for the API and
/// the error page for people; never a stack trace. A lost optimistic-concurrency race is not a
/// crash: it is answered 409 so the caller reloads and tries again.
/// </summary>
public sealed class ExceptionHandling(IProblemDetailsService problemDetails, ILogger<ExceptionHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Lost races are not crashes: a stale optimistic-concurrency version, or a unique key that
        // another request took a moment earlier. Both answer 409 and change nothing.
        var concurrency = exception is DbUpdateConcurrencyException || Persistence.TongbanDbContext.IsUniqueViolation(exception);
        var status = concurrency ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError;
        if (!concurrency)
        {
            logger.LogError(exception, "Unhandled exception for request {RequestId}", httpContext.TraceIdentifier);
        }

        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            httpContext.Response.StatusCode = status;
            return false; // the error page takes over (UseExceptionHandler("/error")).
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = Problems.TitleFor(status),
                Type = Problems.TypePrefix + (concurrency ? "concurrent-update" : "unexpected"),
                Detail = concurrency ? "该记录已被他人修改或已存在，请刷新后重试。" : "系统暂时无法处理您的请求，请稍后再试。",
            },
        });
    }
}
