using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Features.ImportCatalog;

/// <summary>One problem of a rejected file: where (JSON path, or CSV line and column), which rule, and the sentence to read.</summary>
public sealed record ImportError(string Location, int? Line, int? Column, string Code, string Message)
{
    public static ImportError From(TransferProblem problem) =>
        new(problem.Location.ToString(), problem.Location.Line, problem.Location.Column, problem.Error.Code, problem.Error.Message);
}

/// <summary>POST /api/v1/catalog/import.</summary>
public static class ImportCatalogApi
{
    private const string Json = "application/json";
    private const string Csv = "text/csv";

    public static IEndpointRouteBuilder MapImportCatalog(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/catalog/import", HandleAsync)
            .RequireAuthorization(Policies.OrganisationAdmin)
            .Accepts<CatalogDocument>(Json, Csv)
            .WithTags("Catalog")
            .WithName("ImportCatalog")
            .WithSummary("Import a catalog file (all or nothing)")
            .WithDescription("Platform admins and city region admins. Body: a tongban-catalog/1 document (application/json) or the spreadsheet of implementations (text/csv, "
                + "which updates only the scalar columns of existing implementations). The whole file is checked first; any problem rejects it with 422 ProblemDetails whose "
                + "errors array lists every problem as {location, line, column, code, message}, and nothing is imported. 200 answers the counts. Importing the same file again changes nothing.")
            .Produces<ImportSummary>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> HandleAsync(HttpRequest request, ImportCatalogHandler handler, CancellationToken cancellationToken)
    {
        // Only these two media types: a cross-site form cannot send them, so a signed-in browser cannot be made to import.
        CatalogFileFormat? format = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            ? mediaType.MediaType.Value?.ToLowerInvariant() switch
            {
                Json => CatalogFileFormat.Json,
                Csv => CatalogFileFormat.Csv,
                _ => null,
            }
            : null;
        if (format is not { } chosen)
        {
            var unsupported = new Invalid("catalog.import-media-type");
            return TypedResults.Problem(unsupported.Message, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的内容类型",
                type: Problems.TypePrefix + unsupported.Code, extensions: new Dictionary<string, object?> { ["code"] = unsupported.Code });
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var result = await handler.HandleAsync(new ImportCatalogRequest(text, chosen), cancellationToken);
        if (!result.TryGet(out var outcome, out var error))
        {
            return error.ToProblem();
        }

        if (outcome.Summary is { } summary)
        {
            return TypedResults.Ok(summary);
        }

        var rejected = new Invalid("catalog.import-rejected", outcome.Problems.Count).ToProblem();
        rejected.ProblemDetails.Extensions["errors"] = outcome.Problems.Select(ImportError.From).ToList();
        return rejected;
    }
}
