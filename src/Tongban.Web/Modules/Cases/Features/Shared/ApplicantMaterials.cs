using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>The applicant's answer to a 补正 notice or a 容缺 debt: materials, and the case version their page showed.</summary>
public sealed record CaseMaterialsRequest(IReadOnlyList<MaterialInput>? Materials, int? ExpectedVersion = null);

/// <summary>
/// Materials an applicant supplies to a submitted case: their own uploads, or a commitment (the case's
/// terms say where one is accepted). No licence store or shared data can be resolved yet, so those routes
/// are refused rather than taken on trust.
/// </summary>
public static class ApplicantMaterials
{
    /// <summary>
    /// The applicant supplies materials to their case (补正, 容缺补齐): resolves them, runs the transition with
    /// them, and saves it audited under the version their page showed.
    /// </summary>
    public static Task<Result<Case>> SupplyAsync(
        this CaseAccess access, TongbanDbContext db, string caseNumber, CaseMaterialsRequest request, string auditAction,
        Func<Case, IReadOnlyList<CaseMaterial>, CaseActor, Result> transition, CancellationToken cancellationToken) =>
        access.ActAsync(caseNumber, CaseReach.Applicant, request.ExpectedVersion, auditAction,
            async (@case, actor) => (await ResolveAsync(db, actor.AccountId, @case, request.Materials ?? [], cancellationToken)).TryGet(out var materials, out var error)
                ? transition(@case, materials, actor)
                : error,
            cancellationToken, new { materials = request.Materials?.Select(m => new { m.Key, m.Route }) });

    public static async Task<Result<IReadOnlyList<CaseMaterial>>> ResolveAsync(TongbanDbContext db, Guid account, Case @case, IReadOnlyList<MaterialInput> inputs, CancellationToken cancellationToken)
    {
        var files = await ApplicationAssembly.OwnFilesAsync(db, account, inputs, cancellationToken);
        var resolved = new List<CaseMaterial>();
        foreach (var input in inputs)
        {
            var name = @case.Materials.FirstOrDefault(m => m.Key == input.Key)?.Name ?? input.Key ?? "";
            var material = input.Route switch
            {
                "upload" => input.FileId is { } id && files.TryGetValue(id, out var file)
                    ? ApplicationAssembly.Upload(input.Key!, file)
                    : new Invalid("cases.file-not-found", name) { Field = "materials" },
                "commitment" => CaseMaterial.Commitment(input.Key!, string.IsNullOrWhiteSpace(input.Reference) ? ApplicationAssembly.CommitmentText(name) : input.Reference),
                "licence" or "sharedData" => new Invalid("cases.material-route-unavailable", name) { Field = "materials" },
                _ => new Invalid("cases.material-route-unknown", input.Route ?? "") { Field = "materials" },
            };
            if (!material.TryGet(out var provided, out var error))
            {
                return error;
            }

            resolved.Add(provided);
        }

        return resolved;
    }
}
