using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Tongban.Platform.Http;

/// <summary>Empty error responses become ProblemDetails on the API and a Chinese page for people.</summary>
internal static class StatusCodePages
{
    public static async Task Handle(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = status, Title = Problems.TitleFor(status), Type = Problems.TypePrefix + status },
            });
            return;
        }

        if (status is StatusCodes.Status404NotFound or StatusCodes.Status429TooManyRequests)
        {
            var originalPath = http.Request.Path;
            http.Request.Path = "/error";
            http.Request.QueryString = new QueryString($"?status={status}");
            try
            {
                http.SetEndpoint(null);
                await context.Next(http);
            }
            finally
            {
                http.Request.Path = originalPath;
            }
        }
    }
}
