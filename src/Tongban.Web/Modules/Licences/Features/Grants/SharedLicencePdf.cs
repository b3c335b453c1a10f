using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Licences;
using Tongban.Modules.Licences.Features.RenderLicence;
using Tongban.Platform.Documents;
using Tongban.Platform.Http;

namespace Tongban.Modules.Licences.Features.Grants;

/// <summary>GET /licences/shared/{code}/pdf: the licence's PDF through a grant, while the grant lasts and the licence is valid.</summary>
public static class SharedLicencePdfEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/licences/shared/{code}/pdf", HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(GrantCodes.RateLimit)
            .WithTags("Licences")
            .WithName("SharedLicencePdf")
            .WithSummary("A granted licence as PDF")
            .WithDescription("For the bearer of a 用证授权 code while the grant lasts and the licence is valid (409 otherwise, 404 for an unknown code). Logged and audited as a use.")
            .Produces(StatusCodes.Status200OK, contentType: PdfDocumentWriter.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(string code, LicenceGrants grants, RenderLicenceHandler render, CancellationToken cancellationToken)
    {
        if (!(await grants.UseAsync(LicenceGrantKind.Share, code, LicenceGrantChannel.Pdf, cancellationToken)).TryGet(out var granted, out var error))
        {
            return error.ToProblem();
        }

        if (!granted.Card.IsValid)
        {
            return new Tongban.Domain.Primitives.Conflict("licences.grant-licence-not-valid").ToProblem();
        }

        var file = render.Render(granted.Card);
        return TypedResults.File(file.Content, PdfDocumentWriter.ContentType, file.FileName);
    }
}
