using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Http;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.ListMyCases;

public sealed record MyCaseItem(Guid Id, string? CaseNumber, string ImplementationCode, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ReceivedAt);

/// <param name="Next">The cursor for the next page; null on the last.</param>
public sealed record MyCasesPage(IReadOnlyList<MyCaseItem> Items, string? Next);

/// <summary>The caller's cases (drafts and submitted), newest first, keyset-paged on (created, id).</summary>
public sealed class ListMyCasesHandler(CaseStore cases, CurrentUser user)
{
    public const int MaxPageSize = 100;

    public async Task<Result<MyCasesPage>> HandleAsync(string? after, int pageSize, CancellationToken cancellationToken)
    {
        if (cases.Cases.AsNoTracking().OfCaller(user, c => c.Applicant) is not { } query)
        {
            return new Forbidden("cases.applicant-only");
        }

        if (after is not null)
        {
            var parts = after.Split('_');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParse(parts[1], out var id))
            {
                return new Invalid("cases.cursor-invalid") { Field = "after" };
            }

            var created = new DateTimeOffset(ticks, TimeSpan.Zero);
            query = query.Where(c => c.CreatedAt < created || (c.CreatedAt == created && c.Id.CompareTo(id) < 0));
        }

        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Number, c.ImplementationCode, c.Status, c.CreatedAt, c.ReceivedAt })
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var items = rows.Take(size).Select(r => new MyCaseItem(r.Id, r.Number?.Value, r.ImplementationCode.Value, SubmitApplicationHandler.WireStatus(r.Status), r.CreatedAt, r.ReceivedAt)).ToList();
        var next = rows.Count > size ? string.Create(CultureInfo.InvariantCulture, $"{items[^1].CreatedAt.UtcTicks}_{items[^1].Id}") : null;
        return new MyCasesPage(items, next);
    }
}

/// <summary>GET /api/v1/me/cases.</summary>
public static class ListMyCasesApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me/cases", HandleAsync)
            .WithName("ListMyCases")
            .WithSummary("The caller's cases")
            .WithDescription("Citizens see the cases they applied for, enterprise agents their enterprise's; drafts included, newest first. "
                + "Keyset-paged: pass the answer's next as ?after= for the following page; pageSize 1-100 (default 20).")
            .Produces<MyCasesPage>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<MyCasesPage>, ProblemHttpResult>> HandleAsync(string? after, int? pageSize, ListMyCasesHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(after, pageSize ?? 20, cancellationToken);
        return result.ToOkOrProblem();
    }
}
