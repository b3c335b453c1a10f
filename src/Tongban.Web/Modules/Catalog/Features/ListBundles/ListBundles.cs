using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Features.ListBundles;

public sealed record BundleMemberSummary(string Key, string ImplementationCode, string Name, string Department, IReadOnlyList<string> After, IReadOnlyList<DataFlow> Flows, TimeLimit? PromisedLimit);

public sealed record BundleSummary(string Code, string Name, string LifeEvent, string Description, string LeadDepartment, TimeLimit PromisedLimit, string Delivery, IReadOnlyList<BundleMemberSummary> Members);

/// <summary>What the applicant fills in for a bundle: each field, question and material asked once.</summary>
public sealed record BundleApplicationView(string Code, string Name, IReadOnlyList<BundleField> Fields, IReadOnlyList<BundleSituation> Situations, IReadOnlyList<BundleMaterial> Materials);

/// <summary>一件事 in the catalog: every bundle with its members (their items, waits and data flows) and limits, and a bundle's merged application.</summary>
public sealed class ListBundlesHandler(ICatalog catalog, IOrganisationDirectory organisation)
{
    public async Task<IReadOnlyList<BundleSummary>> HandleAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<BundleSummary>();
        foreach (var published in await catalog.ListBundlesAsync(cancellationToken))
        {
            summaries.Add(await SummaryAsync(published, cancellationToken));
        }

        return summaries;
    }

    public async Task<Result<BundleSummary>> FindAsync(string code, CancellationToken cancellationToken) =>
        await FindPublishedAsync(code, cancellationToken) is { } published ? await SummaryAsync(published, cancellationToken) : new Tongban.Domain.Primitives.NotFound("bundles.not-found", code ?? "");

    /// <summary>The merged application for the answers given (none: the questions' defaults add no conditional material).</summary>
    public async Task<Result<BundleApplicationView>> ApplicationAsync(string code, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken)
    {
        if (await FindPublishedAsync(code, cancellationToken) is not { } published)
        {
            return new Tongban.Domain.Primitives.NotFound("bundles.not-found", code ?? "");
        }

        if (!published.Application().TryGet(out var application, out var error) || !application.MaterialsFor(answers).TryGet(out var materials, out error))
        {
            return error;
        }

        return new BundleApplicationView(published.Bundle.Code.Value, published.Bundle.Name, application.Fields, application.Situations, materials);
    }

    private async Task<PublishedBundle?> FindPublishedAsync(string code, CancellationToken cancellationToken) =>
        BundleCode.Parse(code).TryGet(out var parsed, out _) ? await catalog.FindBundleAsync(parsed, cancellationToken) : null;

    private async Task<BundleSummary> SummaryAsync(PublishedBundle published, CancellationToken cancellationToken)
    {
        var bundle = published.Bundle;
        var members = new List<BundleMemberSummary>();
        foreach (var member in bundle.Members)
        {
            var item = published.Members.GetValueOrDefault(member.Key);
            var department = item is null ? null : await organisation.FindDepartmentAsync(item.DepartmentId, cancellationToken);
            members.Add(new BundleMemberSummary(member.Key, member.Implementation.Value, item?.Content.Name ?? "", department?.Name ?? "", member.After, member.Flows, item?.Content.PromisedLimit));
        }

        var lead = await organisation.FindDepartmentAsync(bundle.LeadDepartmentId, cancellationToken);
        return new BundleSummary(bundle.Code.Value, bundle.Name, bundle.LifeEvent, bundle.Description, lead?.Name ?? "", bundle.PromisedLimit,
            System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(bundle.Delivery.ToString()), members);
    }
}

/// <summary>GET /api/v1/bundles, /api/v1/bundles/{code}, /api/v1/bundles/{code}/application.</summary>
public static class ListBundlesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        // Catalog content in the catalog's one JSON shape (enums by name), as the import and export write it.
        api.MapGet("/bundles", async (ListBundlesHandler handler, CancellationToken cancellationToken) => TypedResults.Json(await handler.HandleAsync(cancellationToken), CatalogJson.Options))
            .Produces<IReadOnlyList<BundleSummary>>()
            .WithName("ListBundles")
            .WithSummary("一件事: every bundle with its members and limits")
            .WithDescription("Public. Each bundle: code, name, lifeEvent, description, leadDepartment, promisedLimit {amount, unit, explanation}, delivery (together|asReady), "
                + "members [{key, implementationCode, name, department, after (keys it waits for), flows [{from, source, target}], promisedLimit}].");
        api.MapGet("/bundles/{code}", async Task<Results<JsonHttpResult<BundleSummary>, ProblemHttpResult>> (string code, ListBundlesHandler handler, CancellationToken cancellationToken) =>
                (await handler.FindAsync(code, cancellationToken)).TryGet(out var bundle, out var error) ? TypedResults.Json(bundle, CatalogJson.Options) : error.ToProblem())
            .Produces<BundleSummary>()
            .WithName("ShowBundle")
            .WithSummary("One bundle with its members and limits")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/bundles/{code}/application", async Task<Results<JsonHttpResult<BundleApplicationView>, ProblemHttpResult>> (string code, HttpRequest http, ListBundlesHandler handler, CancellationToken cancellationToken) =>
                (await handler.ApplicationAsync(code, http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal), cancellationToken)).TryGet(out var view, out var error)
                    ? TypedResults.Json(view, CatalogJson.Options)
                    : error.ToProblem())
            .Produces<BundleApplicationView>()
            .WithName("ShowBundleApplication")
            .WithSummary("What a bundle's one application asks")
            .WithDescription("Public. Query: situation answers as ?situationKey=answerKey. Answers fields [{field, members}] (each asked once; fields data flows fill are not asked), "
                + "situations [{situation, members}] and materials [{key, requirement, uses [{member, materialKey}]}] (merged by name; the key is what POST /api/v1/bundles/{code}/cases takes).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
