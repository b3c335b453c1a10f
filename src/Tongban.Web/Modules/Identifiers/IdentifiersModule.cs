using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Platform;
using Tongban.Platform.Http;

namespace Tongban.Modules.Identifiers;

public sealed record IdentifierInspection(string Kind, string Value, IReadOnlyDictionary<string, string> Parts);

/// <summary>
/// Identifiers: a public check of the national identifier formats, for department systems and front
/// ends that want the same answer the platform gives (ID number, USCC, region, item code, case number).
/// </summary>
public static class IdentifiersModule
{
    public static IEndpointRouteBuilder MapIdentifiersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/identifiers/{kind}/{value}", Inspect)
            .WithTags("Identifiers")
            .AllowAnonymous()
            .WithName("InspectIdentifier")
            .WithSummary("Validate and parse an identifier")
            .WithDescription("kind: id-number, uscc, region, item-code or case-number. 200 with the parsed parts, or 422 naming the rule that failed.");
        return app;
    }

    private static Results<Ok<IdentifierInspection>, ProblemHttpResult> Inspect(
        string kind, string value, CityClock clock)
    {
        var result = IdentifierInspector.Inspect(kind, value, clock.Today);
        return result.IsSuccess
            ? TypedResults.Ok(new IdentifierInspection(kind, value.Trim(), result.Value))
            : result.Error.ToProblem();
    }
}
