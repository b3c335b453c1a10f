using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Catalog;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Features.ShowGuide;

/// <summary>The current published version: identification, then every element as catalog JSON (the import/export shape).</summary>
public sealed record PublishedItemResponse(
    string Code,
    string ImplementationCode,
    int Version,
    DateTimeOffset PublishedAt,
    string ItemType,
    string LegalBasis,
    string Department,
    string Region,
    string RegionName,
    JsonElement Content);

/// <summary>GET /api/v1/items/{implementationCode}.</summary>
public static class ShowGuideApi
{
    public static void Map(RouteGroupBuilder items) =>
        items.MapGet("/{implementationCode}", ShowAsync)
            .WithName("GetItem")
            .WithSummary("Read a published service item")
            .WithDescription("Anonymous. The current published version of the implementation (31-character 实施编码): code, version, department, region, publishedAt, " +
                "and content with every element in catalog JSON form. 404 ProblemDetails when the code is unknown or not published.");

    private static async Task<Results<Ok<PublishedItemResponse>, ProblemHttpResult>> ShowAsync(string implementationCode, ShowGuideHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(implementationCode, cancellationToken);
        if (!result.TryGet(out var guide, out var error))
        {
            return error.ToProblem();
        }

        return TypedResults.Ok(new PublishedItemResponse(
            guide.Code.Value, guide.ImplementationCode.Value, guide.Version, guide.PublishedAt, WireNames.Of(guide.ItemType), guide.LegalBasis,
            guide.Department, guide.Region.Value, guide.RegionName, JsonSerializer.SerializeToElement(guide.Content, CatalogJson.Options)));
    }
}
