using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.IssueItem;

public sealed record IssueItemRequest(string Code, string Name, ItemType Type, string CompetentDepartment, string LegalBasis, IReadOnlyCollection<ExerciseLevel> Levels, string? ParentCode);

/// <summary>下发: a basic catalog item arrives from above (or is defined by the city) for the regions to claim.</summary>
public sealed class IssueItemHandler(TongbanDbContext db, CatalogAccess access, AuditTrail audit, CityClock clock)
{
    public async Task<Result<CatalogItem>> HandleAsync(IssueItemRequest request, CancellationToken cancellationToken)
    {
        if (!access.CanIssueItems)
        {
            return new Forbidden("catalog.issue-forbidden");
        }

        var code = BasicItemCode.Parse(request.Code);
        if (!code.IsSuccess)
        {
            return code.Error with { Field = nameof(request.Code) };
        }

        BasicItemCode? parent = null;
        if (!string.IsNullOrWhiteSpace(request.ParentCode))
        {
            var parsed = BasicItemCode.Parse(request.ParentCode);
            if (!parsed.IsSuccess)
            {
                return parsed.Error with { Field = nameof(request.ParentCode) };
            }

            if (!await db.Set<CatalogItem>().AnyAsync(i => i.Code == parsed.Value, cancellationToken))
            {
                return new Invalid("catalog.parent-not-found", parsed.Value.Value) { Field = nameof(request.ParentCode) };
            }

            parent = parsed.Value;
        }

        if (await db.Set<CatalogItem>().AnyAsync(i => i.Code == code.Value, cancellationToken))
        {
            return new Conflict("catalog.item-exists", code.Value.Value) { Field = nameof(request.Code) };
        }

        var item = CatalogItem.Issue(code.Value, request.Name, request.Type, request.CompetentDepartment, request.LegalBasis, request.Levels, parent, clock.UtcNow);
        if (!item.IsSuccess)
        {
            return item.Error;
        }

        db.Add(item.Value);
        audit.Record("catalog.item-issue", nameof(CatalogItem), code.Value.Value, after: new { request.Name, request.Type, request.Levels });
        await db.SaveChangesAsync(cancellationToken);
        return item.Value;
    }
}
