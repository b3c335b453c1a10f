using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Persistence;

namespace Tongban.Modules.Evaluation.Features.ListPublicAppeals;

/// <summary>A reviewed 申诉 as the public sees it: no rater, no case number, no personal data.</summary>
public sealed record PublicAppeal(
    string DepartmentName, string? ItemName, DateOnly RatedOn, string Ground, string GroundName, string Outcome, string OutcomeName, string PublicReason, DateTimeOffset ReviewedAt);

public sealed record PublicAppealList(IReadOnlyList<PublicAppeal> Items);

/// <summary>申诉公开: every reviewed appeal (upheld or rejected) with its department, item, date, outcome and public reason, the latest first.</summary>
public sealed class ListPublicAppealsHandler(EvaluationStore store, RectificationAccess access, ICatalog catalog, Platform.CityClock clock)
{
    /// <summary>The most appeals the page shows.</summary>
    public const int Limit = 200;

    public async Task<PublicAppealList> HandleAsync(CancellationToken cancellationToken)
    {
        var reviewed = await store.Ratings.AsNoTracking()
            .Where(r => r.AppealStatus == AppealState.Upheld || r.AppealStatus == AppealState.Rejected)
            .OrderByDescending(r => r.RatedAt).Take(Limit).ToListAsync(cancellationToken);
        var departments = await access.DepartmentNamesAsync(reviewed.Select(r => r.Scope.ResponsibleDepartmentId), cancellationToken);
        var items = await catalog.ItemNamesAsync(reviewed.Select(r => r.Scope.ImplementationCode).OfType<string>(), cancellationToken);

        return new PublicAppealList([.. reviewed
            .Select(r => (Rating: r, Appeal: r.Appeal!))
            .Select(x => new PublicAppeal(
                departments[x.Rating.Scope.ResponsibleDepartmentId], x.Rating.Scope.ImplementationCode is { } code ? items.GetValueOrDefault(code) : null,
                clock.DayOf(x.Rating.RatedAt),
                x.Appeal.Ground.ToString(), RectificationAccess.GroundName(x.Appeal.Ground), x.Appeal.State.ToString(), RectificationAccess.AppealStateName(x.Appeal.State),
                x.Appeal.PublicReason ?? "", x.Appeal.ReviewedAt!.Value))
            .OrderByDescending(a => a.ReviewedAt)]);
    }
}

/// <summary>GET /api/v1/ratings/appeals.</summary>
public static class ListPublicAppealsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/ratings/appeals", HandleAsync)
            .WithName("ListPublicAppeals")
            .WithSummary("Reviewed 申诉 against 差评, public")
            .WithDescription("No sign-in. Every reviewed appeal (upheld: the rating is excluded from every count; rejected: it stands) with the responsible department, the item, "
                + "the day the rating was given, the ground, the outcome and the reviewer's public reason; no personal data. The latest 200, the latest review first.")
            .Produces<PublicAppealList>();

    private static async Task<Ok<PublicAppealList>> HandleAsync(ListPublicAppealsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(cancellationToken));
}
