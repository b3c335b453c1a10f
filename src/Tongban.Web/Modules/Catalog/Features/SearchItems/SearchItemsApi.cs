using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tongban.Modules.Catalog.Features.ShowGuide;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Features.SearchItems;

public sealed record ItemSummary(
    string Code,
    string ImplementationCode,
    string Name,
    string Department,
    string Region,
    string RegionName,
    string Audience,
    string OnlineDepth,
    string ServiceScope,
    int Version);

public sealed record ItemSearchResponse(IReadOnlyList<ItemSummary> Items, int Total, int Page, int PageSize);

/// <summary>GET /api/v1/items: the public search.</summary>
public static class SearchItemsApi
{
    public static void Map(RouteGroupBuilder items) =>
        items.MapGet("", SearchAsync)
            .WithName("SearchItems")
            .WithSummary("Search published service items")
            .WithDescription("Anonymous. q matches name, pinyin (jidongche), pinyin initials (jdcdj, jdc), keywords, life events, department and colloquial synonyms (办执照 → 营业执照). " +
                "region (6 or 12 digits) keeps items implemented in that region or a region above it; audience is naturalPerson or legalPerson; department is a department id; " +
                "lifeEvent a 主题 such as 结婚. Ranked: exact name, name prefix, name contains, pinyin or initials, keyword; ties by the name's pinyin. page from 1, pageSize 1-100 (default 20).");

    private static async Task<Results<Ok<ItemSearchResponse>, ProblemHttpResult>> SearchAsync(
        [FromQuery] string? q, [FromQuery] string? region, [FromQuery] string? audience, [FromQuery] string? department, [FromQuery] string? lifeEvent,
        [FromQuery] int? page, [FromQuery] int? pageSize, SearchItemsHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new SearchItemsRequest(q, region, audience, department, lifeEvent, page, pageSize), cancellationToken);
        if (!result.TryGet(out var found, out var error))
        {
            return error.ToProblem();
        }

        var summaries = found.Items.Select(h => new ItemSummary(
            h.Code.Value, h.ImplementationCode.Value, h.Name, h.Department, h.Region.Value, h.RegionName,
            WireNames.Of(h.Audience), WireNames.Of(h.OnlineDepth), WireNames.Of(h.ServiceScope), h.Version));
        return TypedResults.Ok(new ItemSearchResponse([.. summaries], found.Total, found.Page, found.PageSize));
    }
}
