using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitBundle;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Platform.Http;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.ListMyBundleCases;

public sealed record MyBundleCaseItem(string BundleCaseNumber, string BundleCode, string Name, string Status, DateTimeOffset SubmittedAt, DateTimeOffset PromisedBy, int Members);

/// <summary>The caller's 一件事 (their own, or their enterprise's), newest first: one row and one status each.</summary>
public sealed class ListMyBundleCasesHandler(CaseStore cases, CurrentUser user, ICatalog catalog)
{
    public const int Limit = 50;

    public async Task<Result<IReadOnlyList<MyBundleCaseItem>>> HandleAsync(CancellationToken cancellationToken)
    {
        if (cases.BundleCases.AsNoTracking().OfCaller(user, c => c.Applicant) is not { } query)
        {
            return new Forbidden("cases.applicant-only");
        }

        var rows = await query.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id).Take(Limit).ToListAsync(cancellationToken);
        var names = new Dictionary<BundleCode, string>();
        foreach (var code in rows.Select(r => r.BundleCode).Distinct())
        {
            names[code] = (await catalog.FindBundleAsync(code, cancellationToken))?.Bundle.Name ?? code.Value;
        }

        return Result<IReadOnlyList<MyBundleCaseItem>>.Success([.. rows.Select(r => new MyBundleCaseItem(
            r.Number.Value, r.BundleCode.Value, names[r.BundleCode], SubmitBundleHandler.Wire(r.Status), r.SubmittedAt, r.PromisedBy, r.Members.Count))]);
    }
}

/// <summary>GET /api/v1/me/bundle-cases.</summary>
public static class ListMyBundleCasesApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me/bundle-cases", async Task<Results<Ok<IReadOnlyList<MyBundleCaseItem>>, ProblemHttpResult>> (ListMyBundleCasesHandler handler, CancellationToken cancellationToken) =>
                (await handler.HandleAsync(cancellationToken)).ToOkOrProblem())
            .WithName("ListMyBundleCases")
            .WithSummary("The caller's 一件事")
            .WithDescription("Citizens see the bundle cases they applied for, enterprise agents their enterprise's; newest first, the latest 50. "
                + "Each: bundleCaseNumber, bundleCode, name, status (as GET /api/v1/bundle-cases/{number}), submittedAt, promisedBy, members (how many).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
