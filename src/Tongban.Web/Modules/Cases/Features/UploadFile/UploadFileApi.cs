using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Primitives;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.UploadFile;

/// <summary>POST /api/v1/files.</summary>
public static class UploadFileApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/files", HandleAsync)
            .DisableAntiforgery() // bearer tokens; the session cookie is SameSite=Lax, so no cross-site post carries it
            .WithName("UploadFile")
            .WithSummary("Upload a material file")
            .WithDescription("Citizens and enterprise agents, and window clerks scanning a walk-in's materials (other staff: 403). multipart/form-data with one part named \"file\": a PDF, JPEG, PNG or OFD, judged by its content, "
                + "not its name, at most the configured size (10 MB by default). Answers 201 {fileId, sha256, size, contentType, fileName}; "
                + "use the fileId as a material of POST /api/v1/cases (or, for a clerk, POST /api/v1/window/cases). 422 ProblemDetails for an empty, oversized or unsupported file.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<UploadedFileResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Created<UploadedFileResponse>, ProblemHttpResult>> HandleAsync(
        [FromForm] IFormFile? file, UploadFileHandler handler, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return new Invalid("cases.file-empty") { Field = "file" }.ToProblem();
        }

        await using var content = file.OpenReadStream();
        var result = await handler.HandleAsync(content, file.FileName, cancellationToken);
        return result.TryGet(out var uploaded, out var error)
            ? TypedResults.Created($"/api/v1/files/{uploaded.FileId}", uploaded)
            : error.ToProblem();
    }
}
