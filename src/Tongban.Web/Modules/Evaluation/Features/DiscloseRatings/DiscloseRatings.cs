using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Evaluation.Features.DiscloseRatings;

/// <param name="By">department (every rating with a responsible department) or item (case ratings per implementation).</param>
/// <param name="From">First local day counted (by the rating's date), inclusive.</param>
/// <param name="To">Last local day counted, inclusive.</param>
public sealed record DiscloseRatingsRequest(string? Region, string? By, DateOnly? From, DateOnly? To);

/// <param name="Key">The department's id or the implementation code.</param>
/// <param name="Levels">Active ratings per level, 5 非常满意 first.</param>
/// <param name="Defaulted">默认评价, shown apart: counted in <paramref name="Total"/> but not in the levels or the rate.</param>
/// <param name="GoodRatingRate">好评率 = 好评数（5、4、3）÷ 主动评价数; null when nobody rated actively.</param>
public sealed record DisclosureRow(string Key, string Name, int Total, int Active, IReadOnlyList<LevelCount> Levels, int Defaulted, decimal? GoodRatingRate);

public sealed record LevelCount(int Level, string Name, int Count);

public sealed record DisclosureView(string Region, string By, DateOnly? From, DateOnly? To, IReadOnlyList<DisclosureRow> Rows);

/// <summary>
/// 好差评公示: per department or per item, the counts by level, the defaulted apart, and the good-rating rate
/// (docs/supervision.md). Ratings excluded by an upheld appeal are not counted. The database groups
/// (department or item, level, defaulted) over the region and period, so only the counts travel.
/// </summary>
public sealed class DiscloseRatingsHandler(EvaluationStore store, IOrganisationDirectory organisation, ICatalog catalog, CityClock clock)
{
    public async Task<Result<DisclosureView>> HandleAsync(DiscloseRatingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var byItem = request.By?.Trim().ToUpperInvariant() switch
        {
            null or "" or "DEPARTMENT" => false,
            "ITEM" => true,
            _ => (bool?)null,
        };
        if (byItem is null)
        {
            return new Invalid("evaluation.disclosure-by-unknown", request.By ?? "") { Field = "by" };
        }

        var city = (await organisation.RegionsAsync(RegionLevel.City, cancellationToken)).FirstOrDefault(r => r.Level == RegionLevel.City);
        RegionCode region;
        if (string.IsNullOrWhiteSpace(request.Region))
        {
            if (city is null)
            {
                return new NotFound("evaluation.region-not-found", "");
            }

            region = city.Code;
        }
        else if (!RegionCode.Parse(request.Region.Trim()).TryGet(out region, out var invalid))
        {
            return invalid;
        }

        var ratings = store.Ratings.AsNoTracking().Within(r => r.Scope.Region, region).Where(r => r.AppealStatus != AppealState.Upheld || r.AppealStatus == null);
        if (request.From is { } from)
        {
            var start = clock.StartOf(from);
            ratings = ratings.Where(r => r.RatedAt >= start);
        }

        if (request.To is { } to)
        {
            var end = clock.StartOf(to.AddDays(1));
            ratings = ratings.Where(r => r.RatedAt < end);
        }

        List<(string Key, RatingLevel Level, bool Defaulted, int Count)> groups;
        if (byItem.Value)
        {
            groups = [.. (await ratings.Where(r => r.Scope.ImplementationCode != null)
                .GroupBy(r => new { r.Scope.ImplementationCode, r.Level, r.Defaulted })
                .Select(g => new { g.Key.ImplementationCode, g.Key.Level, g.Key.Defaulted, Count = g.Count() })
                .ToListAsync(cancellationToken)).Select(g => (g.ImplementationCode!, g.Level, g.Defaulted, g.Count))];
        }
        else
        {
            groups = [.. (await ratings.Where(r => r.Scope.ResponsibleDepartmentId != Guid.Empty)
                .GroupBy(r => new { r.Scope.ResponsibleDepartmentId, r.Level, r.Defaulted })
                .Select(g => new { g.Key.ResponsibleDepartmentId, g.Key.Level, g.Key.Defaulted, Count = g.Count() })
                .ToListAsync(cancellationToken)).Select(g => (g.ResponsibleDepartmentId.ToString(), g.Level, g.Defaulted, g.Count))];
        }

        IReadOnlyDictionary<string, string> names = byItem.Value
            ? await catalog.ItemNamesAsync(groups.Select(g => g.Key), cancellationToken)
            : (await organisation.DepartmentsInAsync(region, cancellationToken)).ToDictionary(d => d.Id.ToString(), d => d.Name);
        var rows = groups.GroupBy(g => g.Key).Select(row =>
        {
            var active = row.Where(g => !g.Defaulted).ToList();
            var activeCount = active.Sum(g => g.Count);
            var good = active.Where(g => g.Level >= RatingLevel.FairlySatisfied).Sum(g => g.Count);
            return new DisclosureRow(
                row.Key, names.GetValueOrDefault(row.Key, row.Key), row.Sum(g => g.Count), activeCount,
                [.. RatingTexts.Levels.Select(l => new LevelCount((int)l, RatingTexts.LevelName(l), active.Where(g => g.Level == l).Sum(g => g.Count)))],
                row.Where(g => g.Defaulted).Sum(g => g.Count),
                activeCount == 0 ? null : Math.Round((decimal)good / activeCount, 4));
        }).OrderByDescending(r => r.Total).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        return new DisclosureView(region.Value, byItem.Value ? "item" : "department", request.From, request.To, rows);
    }
}

/// <summary>GET /api/v1/public/ratings.</summary>
public static class DiscloseRatingsApi
{
    public static void Map(RouteGroupBuilder anyone) =>
        anyone.MapGet("/public/ratings", HandleAsync)
            .AllowAnonymous()
            .WithName("DiscloseRatings")
            .WithSummary("好差评公示: counts and good-rating rate per department or item")
            .WithDescription("Query: region (12 digits, default the city), by (department|item), from, to (local dates, inclusive). Each row: total, active, "
                + "counts per level (active ratings only), defaulted (默认评价, apart), goodRatingRate = 好评数（5、4、3）÷ 主动评价数 (null when 0). "
                + "Ratings excluded by an upheld 申诉 are not counted. No sign-in.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<DisclosureView>, ProblemHttpResult>> HandleAsync(
        string? region, string? by, DateOnly? from, DateOnly? to, DiscloseRatingsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new DiscloseRatingsRequest(region, by, from, to), cancellationToken)).ToOkOrProblem();
}
