using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Files;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Cases.Features.DownloadFile;

public sealed record CaseFile(Stream Content, string ContentType, string FileName);

/// <summary>
/// An uploaded material of a case, streamed from the file store with the type judged at upload: for
/// the applicant (own) and staff in reach, so the window can inspect what was sent. Audited.
/// </summary>
public sealed class DownloadFileHandler(CaseAccess access, IFileStore files)
{
    public async Task<Result<CaseFile>> HandleAsync(string caseNumber, string materialKey, CancellationToken cancellationToken)
    {
        if (!(await access.FindInAnyReachAsync(caseNumber, cancellationToken, "cases.file-download", new { material = materialKey })).TryGet(out var found, out var error))
        {
            return error;
        }

        var c = found.Case;
        if (c.Materials.FirstOrDefault(m => m.Key == materialKey) is not { File: { } file } material
            || await files.OpenAsync(file.StorageKey, cancellationToken) is not { } stream)
        {
            return new NotFound("cases.file-not-found", materialKey ?? "");
        }

        return new CaseFile(stream, file.ContentType, file.FileName);
    }
}

/// <summary>GET /cases/{caseNumber}/files/{materialKey}.</summary>
public static class DownloadFileEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/cases/{caseNumber}/files/{materialKey}", HandleAsync)
            .RequireAuthorization()
            .WithTags("Cases")
            .WithName("DownloadCaseFile")
            .WithSummary("Download a case's uploaded material")
            .WithDescription("The file uploaded for the material, with the content type judged from its bytes at upload and its file name. "
                + "The applicant (own cases) and staff in reach, by cookie or bearer token; 404 for a case out of reach or a material without an uploaded file. Audited.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> HandleAsync(string caseNumber, string materialKey, DownloadFileHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, materialKey, cancellationToken)).TryGet(out var file, out var error)
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : error.ToProblem();
}
