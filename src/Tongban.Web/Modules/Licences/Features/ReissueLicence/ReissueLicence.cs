using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.ChangeLicenceStatus;
using Tongban.Modules.Licences.Features.IssueLicence;
using Tongban.Modules.Licences.Features.ListIssuedLicences;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences.Features.ReissueLicence;

public sealed record ReissueLicenceRequest(IReadOnlyDictionary<string, string?>? Data, int? ExpectedVersion);

/// <summary>
/// 变更换发: the issuer changes a licence's data; <see cref="LicenceIssuer.ReissueAsync"/> issues the
/// next version (same serial, signed anew) and supersedes the old one, both saved together.
/// </summary>
public sealed class ReissueLicenceHandler(IssuerAccess access, LicenceIssuer issuer)
{
    public async Task<Result<IssuedLicenceView>> HandleAsync(string? identifier, ReissueLicenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(await access.LoadAsync(identifier, cancellationToken)).TryGet(out var previous, out var notFound))
        {
            return notFound;
        }

        if (request.ExpectedVersion is { } version && access.Db.ExpectVersion(previous, version, ChangeLicenceStatusHandler.StaleVersion).Error is { } stale)
        {
            return stale;
        }

        if (request.Data is not { Count: > 0 } data)
        {
            return new Invalid("licences.reissue-data-required") { Field = "data" };
        }

        var before = previous.Status;
        if (!(await issuer.ReissueAsync(previous, data, cancellationToken)).TryGet(out var next, out var error))
        {
            return error;
        }

        access.Db.Add(LicenceStatusChange.Of(previous, before, access.User.DisplayName, access.Clock.UtcNow));
        if ((await access.Db.SaveUnlessStaleAsync(cancellationToken)).Error is not null)
        {
            return ChangeLicenceStatusHandler.StaleVersion;
        }

        return await ShowIssuedLicenceHandler.ViewOfAsync(access, next, cancellationToken);
    }
}

/// <summary>POST /api/v1/licences/{identifier}/reissue.</summary>
public static class ReissueLicenceApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/licences/{identifier}/reissue", HandleAsync)
            .WithName("ReissueLicence")
            .WithSummary("变更换发: re-issue a licence with changed data as its next version, superseding it")
            .WithDescription("Approvers and department admins of the issuing department. Body: data (field key → new value; keys left out keep their value, "
                + "an empty value clears an optional field), expectedVersion (409 when the licence changed since). The new version keeps the serial, holder and "
                + "validity period, is signed by the issuer's seal and supersedes the old one (409 when it is revoked or superseded already). Answers the new version.");

    private static async Task<Results<Ok<IssuedLicenceView>, ProblemHttpResult>> HandleAsync(
        string identifier, ReissueLicenceRequest request, ReissueLicenceHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(identifier, request, cancellationToken)).ToOkOrProblem();
}
