using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.DefineLicenceType;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Licences.Features.ListLicenceTypes;

/// <summary>The published licence types: public (anyone may read what a licence of a type holds and who issues it).</summary>
public sealed class ListLicenceTypesHandler(TongbanDbContext db, LicenceTypeAdmin admin, LicenceTypeLookup lookup)
{
    public async Task<IReadOnlyList<LicenceTypeView>> ListAsync(CancellationToken cancellationToken)
    {
        var types = await db.Set<LicenceType>().AsNoTracking().ToListAsync(cancellationToken);
        var views = new List<LicenceTypeView>();
        foreach (var type in types.OrderBy(t => t.Code.Value, StringComparer.Ordinal))
        {
            views.Add(await admin.ViewOfAsync(type, cancellationToken));
        }

        return views;
    }

    public async Task<Result<LicenceTypeView>> ShowAsync(string code, CancellationToken cancellationToken) =>
        await lookup.FindTypeByReferenceAsync(code, cancellationToken) is { } type && type.Code.Value == code.Trim()
            ? await admin.ViewOfAsync(type, cancellationToken)
            : new NotFound("licences.type-not-found", code);
}

/// <summary>GET/POST /api/v1/licence-types, GET/PUT /api/v1/licence-types/{code}.</summary>
public static class LicenceTypesApi
{
    public static void Map(RouteGroupBuilder anyone, RouteGroupBuilder staff)
    {
        anyone.MapGet("/licence-types", async (ListLicenceTypesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("ListLicenceTypes")
            .WithSummary("Every licence type: fields, validity, template and issuing departments")
            .WithDescription("Public: anyone may read it, signed in or not.");
        anyone.MapGet("/licence-types/{code}", ShowAsync)
            .WithName("ShowLicenceType")
            .WithSummary("One licence type by its 21-character code")
            .WithDescription("Public. 404 for an unknown code.");
        staff.MapPost("/licence-types", DefineAsync)
            .WithName("DefineLicenceType")
            .WithSummary("Define a licence type")
            .WithDescription("Platform admins for any code; department admins for codes starting with their department's USCC (the defining body), 403 otherwise. "
                + "Body: code, name, fields [{key, label, kind (text|date|number), required, public, inPayload}], validityYears (null or 0: 长期), "
                + "title, subtitle, footer, fieldOrder, issuers (department ids), onePerHolder. 422 with the field on a rule broken, 409 when the code exists.");
        staff.MapPut("/licence-types/{code}", EditAsync)
            .WithName("EditLicenceType")
            .WithSummary("Edit a licence type; licences already issued keep their data")
            .WithDescription("Platform admins; department admins of the defining or an issuing department (404 otherwise); only the defining department changes the issuers. "
                + "Body as for POST plus expectedVersion (409 when the type changed since).");
    }

    private static async Task<Results<Ok<LicenceTypeView>, ProblemHttpResult>> ShowAsync(string code, ListLicenceTypesHandler handler, CancellationToken cancellationToken) =>
        (await handler.ShowAsync(code, cancellationToken)).ToOkOrProblem();

    private static async Task<Results<Ok<LicenceTypeView>, ProblemHttpResult>> DefineAsync(LicenceTypeInput input, LicenceTypeAdmin admin, CancellationToken cancellationToken) =>
        (await admin.DefineAsync(input, cancellationToken)).ToOkOrProblem();

    private static async Task<Results<Ok<LicenceTypeView>, ProblemHttpResult>> EditAsync(string code, LicenceTypeInput input, LicenceTypeAdmin admin, CancellationToken cancellationToken) =>
        (await admin.EditAsync(code, input, cancellationToken)).ToOkOrProblem();
}
