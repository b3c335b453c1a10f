using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Catalog.Features.ListForReview;

public sealed record ReviewQueueEntry(Guid Id, ImplementationCode Code, string Name, string DepartmentName, string RegionName, DateTimeOffset SubmittedAt, int? PublishedVersion);

/// <param name="Total">All drafts waiting in scope; <see cref="Entries"/> holds the oldest of them.</param>
public sealed record ReviewQueue(IReadOnlyList<ReviewQueueEntry> Entries, int Total);

/// <summary>待审核: drafts submitted in the reviewer's region and below (everywhere for a platform admin), oldest first.</summary>
public sealed class ListForReviewHandler(TongbanDbContext db, IOrganisationDirectory organisation, CatalogAccess access, CurrentUser me)
{
    public const int Shown = 100;

    public async Task<Result<ReviewQueue>> HandleAsync(CancellationToken cancellationToken)
    {
        if (!access.IsReviewer)
        {
            return new Forbidden("catalog.review-forbidden");
        }

        var submitted = db.Set<Implementation>().AsNoTracking().Where(i => i.Status == ImplementationStatus.Submitted);
        if (!me.IsPlatformAdmin)
        {
            if (me.Scope is not { } scope)
            {
                return new Forbidden("catalog.review-forbidden");
            }

            var inScope = (await organisation.DepartmentsInAsync(scope.Region, cancellationToken)).Select(d => d.Id).ToList();
            submitted = submitted.Where(i => inScope.Contains(i.DepartmentId));
        }

        var total = await submitted.CountAsync(cancellationToken);
        var oldest = await submitted.OrderBy(i => i.SubmittedAt).ThenBy(i => i.Id).Take(Shown)
            .Select(i => new { i.Id, i.Code, i.DraftName, i.DepartmentId, i.RegionCode, i.SubmittedAt, i.PublishedVersion })
            .ToListAsync(cancellationToken);
        var departments = await DepartmentNames.OfAsync(organisation, oldest.Select(i => i.DepartmentId), cancellationToken);
        var regions = await RegionNames.OfAsync(organisation, oldest.Select(i => i.RegionCode), cancellationToken);
        return new ReviewQueue(
            [.. oldest.Select(i => new ReviewQueueEntry(
                i.Id, i.Code, i.DraftName, departments.GetValueOrDefault(i.DepartmentId)?.Name ?? "", regions[i.RegionCode], i.SubmittedAt!.Value, i.PublishedVersion))],
            total);
    }
}
