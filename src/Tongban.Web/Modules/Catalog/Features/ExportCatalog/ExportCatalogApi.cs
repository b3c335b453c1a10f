using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Identity;
using Tongban.Platform.Documents;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Features.ExportCatalog;

/// <summary>GET /api/v1/catalog/export?format=json|csv.</summary>
public static class ExportCatalogApi
{
    public static IEndpointRouteBuilder MapExportCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/catalog/export", HandleAsync)
            .RequireAuthorization(Policies.OrganisationAdmin)
            .WithTags("Catalog")
            .WithName("ExportCatalog")
            .WithSummary("Export the catalog as JSON or CSV")
            .WithDescription("format=json (default): the tongban-catalog/1 document with every basic item and every implementation the caller reviews "
                + "(latest published content with status \"published\", never-published drafts with status \"draft\"); importing it into an empty catalog reproduces it. "
                + "format=csv: one row per implementation with its scalar elements, UTF-8 with a byte-order mark, for spreadsheets. Platform and region admins.")
            .Produces(StatusCodes.Status200OK, contentType: ExportCatalogHandler.JsonContentType, additionalContentTypes: CsvFile.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(string? format, ExportCatalogHandler handler, CancellationToken cancellationToken)
    {
        if (CatalogFileFormats.Parse(format) is not { } chosen)
        {
            return new Invalid("catalog.export-format", format ?? "") { Field = nameof(format) }.ToProblem();
        }

        var exported = await handler.HandleAsync(chosen, cancellationToken);
        return exported.IsSuccess
            ? TypedResults.File(exported.Value.Content, exported.Value.ContentType, exported.Value.FileName)
            : exported.Error.ToProblem();
    }
}
