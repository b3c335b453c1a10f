using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Tongban.Domain.Primitives;
using Tongban.Platform.Http;

namespace Tongban.Modules.Licences.Features.ImportLicences;

/// <summary>The answer to a clean import: how many, and each new identifier with its row.</summary>
public sealed record ImportLicencesResponse(int Imported, IReadOnlyList<ImportedLicence> Licences);

/// <summary>POST /api/v1/licences/import.</summary>
public static class ImportLicencesApi
{
    private const string Csv = "text/csv";

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/licences/import", HandleAsync)
            .Accepts<string>(Csv)
            .WithName("ImportLicences")
            .WithSummary("存量证照导入: import licences issued before the platform from a CSV file (all or nothing)")
            .WithDescription("Department admins of an issuing department, and platform admins. Query: type (证照类型代码), issuer (the issuing department's id; "
                + "a department admin's own department when left out). Body: text/csv, UTF-8 with or without BOM, header "
                + "holderCodeType,holderCode,holderName,issuedOn,validFrom,validUntil followed by the type's field keys; dates yyyy-MM-dd; an empty validFrom is the "
                + "issue date, an empty validUntil follows the type's validity rule. Every row is checked first: any problem answers 422 ProblemDetails whose errors "
                + "array lists {row, field, code, message} (row = the spreadsheet row, header = 1) and nothing is imported. A clean file issues every row with "
                + "origin Imported, a new identifier and the issuer's seal, and answers 200 {imported, licences: [{row, identifier}]}. "
                + "422 for a missing or unknown type or issuer and over 5,000 rows, 413 over 5 MiB, 415 for another media type, 403 outside the caller's scope "
                + "or for a department that does not issue the type.")
            .Produces<ImportLicencesResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<ImportLicencesResponse>, ProblemHttpResult>> HandleAsync(
        [FromQuery] string? type, [FromQuery] Guid? issuer, HttpRequest request, ImportLicencesHandler handler, CancellationToken cancellationToken)
    {
        // Only text/csv: a cross-site form cannot send it, so a signed-in browser cannot be made to import.
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !string.Equals(mediaType.MediaType.Value, Csv, StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "不支持的内容类型", new Invalid("licences.import-media-type"));
        }

        if (!handler.MayImport)
        {
            return new Forbidden("licences.import-forbidden").ToProblem();
        }

        var body = await ReadAtMostAsync(request.Body, ImportLicencesHandler.MaxBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "文件过大", new Invalid("licences.import-too-large", ImportLicencesHandler.MaxBytes / 1024 / 1024));
        }

        if (!(await handler.HandleAsync(new ImportLicencesRequest(type, issuer, body), cancellationToken)).TryGet(out var outcome, out var error))
        {
            return error.ToProblem();
        }

        if (outcome.Imported)
        {
            return TypedResults.Ok(new ImportLicencesResponse(outcome.Licences.Count, outcome.Licences));
        }

        var rejected = new Invalid("licences.import-rejected", outcome.Problems.Count).ToProblem();
        rejected.ProblemDetails.Extensions["errors"] = outcome.Problems;
        return rejected;
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult Problem(int status, string title, Invalid error) =>
        TypedResults.Problem(error.Message, statusCode: status, title: title, type: Problems.TypePrefix + error.Code,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
}
