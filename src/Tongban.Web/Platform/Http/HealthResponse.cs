using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tongban.Platform.Http;

/// <summary>GET /healthz body: overall status and the database's, for load balancers and operators.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
