using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Catalog.Features.ShowGuide;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Features.ListMaterials;

/// <summary>Situation key → answer key, for the 办理情形 questions of the item.</summary>
public sealed record MaterialsRequest(IReadOnlyDictionary<string, string>? Answers);

public sealed record MaterialExemption(string Route, string? Reference);

public sealed record MaterialItem(
    string Key,
    string Name,
    string Necessity,
    string Form,
    int Copies,
    string Source,
    IReadOnlyList<MaterialExemption> Exemptions,
    bool DeficiencyAllowed,
    string AcceptanceCriteria,
    string? BlankForm,
    string? Sample);

public sealed record MaterialsResponse(string ImplementationCode, int Version, IReadOnlyList<MaterialItem> Materials);

/// <summary>POST /api/v1/items/{implementationCode}/materials.</summary>
public static class ListMaterialsApi
{
    public static void Map(RouteGroupBuilder items) =>
        items.MapPost("/{implementationCode}/materials", ListAsync)
            .WithName("ListItemMaterials")
            .WithSummary("The exact material list for situation answers")
            .WithDescription("Anonymous. Body {\"answers\":{\"situationKey\":\"answerKey\"}}; unanswered situations add nothing. " +
                "Answers the materials to bring, each with necessity, form, copies, source, the ways it can be had without handing it in (exemptions) and whether 容缺 is allowed. " +
                "422 ProblemDetails for an unknown situation or answer, 404 for an unknown item.");

    private static async Task<Results<Ok<MaterialsResponse>, ProblemHttpResult>> ListAsync(
        string implementationCode, MaterialsRequest request, ListMaterialsHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(implementationCode, request.Answers ?? new Dictionary<string, string>(), cancellationToken);
        if (!result.TryGet(out var list, out var error))
        {
            return error.ToProblem();
        }

        var materials = list.Materials.Select(m => new MaterialItem(
            m.Key, m.Name, WireNames.Of(m.Necessity), WireNames.Of(m.Form), m.Copies, WireNames.Of(m.Source),
            [.. m.Exemptions.Select(e => new MaterialExemption(WireNames.Of(e.Route), e.Reference))],
            m.DeficiencyAllowed, m.AcceptanceCriteria, m.BlankForm, m.Sample));
        return TypedResults.Ok(new MaterialsResponse(list.ImplementationCode.Value, list.Version, [.. materials]));
    }
}
