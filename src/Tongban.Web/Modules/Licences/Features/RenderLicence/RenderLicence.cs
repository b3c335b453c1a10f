using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.Wallet;
using Tongban.Modules.Organisation;
using Tongban.Platform.Documents;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Licences.Features.RenderLicence;

public sealed record LicenceFile(string FileName, byte[] Content);

/// <summary>
/// A licence as PDF for its holder (a citizen by ID number, an enterprise agent by the enterprise's
/// USCC) and for staff who can act on the issuing department; anyone else is told it does not exist.
/// Every download is audited.
/// </summary>
public sealed class RenderLicenceHandler(LicenceCards cards, CurrentUser user, IOrganisationDirectory organisation, PdfDocumentWriter writer, AuditTrail audit, TongbanDbContext db)
{
    public async Task<Result<LicenceFile>> HandleAsync(string identifier, CancellationToken cancellationToken)
    {
        var card = LicenceIdentifier.Parse(identifier).TryGet(out var id, out _) ? await cards.FindAsync(id, cancellationToken) : null;
        if (card is null || !await MayReadAsync(card.Licence, cancellationToken))
        {
            return new NotFound("licences.not-found", identifier);
        }

        audit.Record("licences.pdf", nameof(Licence), card.Licence.Identifier.Value, after: new { holder = card.Licence.Holder.PublicCode, state = card.WireState });
        await db.SaveChangesAsync(cancellationToken);
        return Render(card);
    }

    /// <summary>The PDF of a licence the caller has already been let to read (through a grant, say).</summary>
    public LicenceFile Render(LicenceCard card) => new(LicencePdf.FileName(card.Licence), LicencePdf.Write(writer, card));

    private async Task<bool> MayReadAsync(Licence licence, CancellationToken cancellationToken)
    {
        if (!user.IsStaff)
        {
            return cards.HolderCode is { } holder && licence.Holder.Code == holder;
        }

        var department = await organisation.FindDepartmentAsync(licence.IssuerDepartmentId, cancellationToken);
        return department is not null && user.CanActOn(department.Region, department.Id);
    }
}

/// <summary>GET /licences/{identifier}/pdf.</summary>
public static class RenderLicenceEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/licences/{identifier}/pdf", HandleAsync)
            .RequireAuthorization()
            .WithTags("Licences")
            .WithName("RenderLicence")
            .WithSummary("A licence as PDF")
            .WithDescription("The licence's face (A4 landscape) with the holder's full name and code, the fields, the drawn seal of the issuer and the QR code of "
                + "<PublicBaseUrl>/v/<payload>. For the holder (citizen by ID number, enterprise agent by USCC) and staff who can act on the issuing department, "
                + "by cookie or bearer token; 404 for everyone else. Audited.")
            .Produces(StatusCodes.Status200OK, contentType: PdfDocumentWriter.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(string identifier, RenderLicenceHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(identifier, cancellationToken)).TryGet(out var file, out var error)
            ? TypedResults.File(file.Content, PdfDocumentWriter.ContentType, file.FileName)
            : error.ToProblem();
}
