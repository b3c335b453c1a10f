using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.ListIssuedLicences;
using Tongban.Modules.Licences.Features.Shared;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Conflict = Tongban.Domain.Primitives.Conflict;

namespace Tongban.Modules.Licences.Features.ChangeLicenceStatus;

public enum LicenceStatusAction
{
    /// <summary>暂停.</summary>
    Suspend,

    /// <summary>恢复.</summary>
    Reinstate,

    /// <summary>撤销/吊销.</summary>
    Revoke,
}

public sealed record ChangeLicenceStatusRequest(string? Reason, int? ExpectedVersion);

/// <summary>
/// 暂停 / 恢复 / 撤销 by the issuing department's approvers and department admins, with a reason,
/// against the version the caller saw (409 when someone changed the licence since). Recorded in the
/// licence's history and the audit trail; the holder is notified.
/// </summary>
public sealed class ChangeLicenceStatusHandler(IssuerAccess access, ILicenceNotifier notifier)
{
    public static readonly Conflict StaleVersion = new("licences.version-stale");

    public async Task<Result<IssuedLicenceView>> HandleAsync(string? identifier, LicenceStatusAction action, ChangeLicenceStatusRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(await access.LoadAsync(identifier, cancellationToken)).TryGet(out var licence, out var notFound))
        {
            return notFound;
        }

        if (request.ExpectedVersion is { } version && access.Db.ExpectVersion(licence, version, StaleVersion).Error is { } stale)
        {
            return stale;
        }

        var before = licence.Status;
        var now = access.Clock.UtcNow;
        var changed = action switch
        {
            LicenceStatusAction.Suspend => licence.Suspend(request.Reason, now),
            LicenceStatusAction.Reinstate => licence.Reinstate(request.Reason, now),
            LicenceStatusAction.Revoke => licence.Revoke(request.Reason, now),
        };
        if (changed.Error is { } error)
        {
            return error;
        }

        Record(access.Db, access.Audit, licence, action, before, access.User.DisplayName, now);
        if ((await access.Db.SaveUnlessStaleAsync(cancellationToken)).Error is not null)
        {
            return StaleVersion;
        }

        await notifier.NotifyAsync(licence, Notice(action), cancellationToken);
        return await ShowIssuedLicenceHandler.ViewOfAsync(access, licence, cancellationToken);
    }

    /// <summary>A change just made to <paramref name="licence"/>, in its history and the audit trail (the caller saves).</summary>
    public static void Record(TongbanDbContext db, AuditTrail audit, Licence licence, LicenceStatusAction action, LicenceStatus before, string actorName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(licence);
        db.Add(LicenceStatusChange.Of(licence, before, actorName, at));
        audit.Record(AuditAction(action), nameof(Licence), licence.Identifier.Value,
            before: new { status = before.ToString() }, after: new { status = licence.Status.ToString(), reason = licence.StatusReason });
    }

    private static string AuditAction(LicenceStatusAction action) => action switch
    {
        LicenceStatusAction.Suspend => "licences.suspend",
        LicenceStatusAction.Reinstate => "licences.reinstate",
        LicenceStatusAction.Revoke => "licences.revoke",
    };

    private static LicenceNotice Notice(LicenceStatusAction action) => action switch
    {
        LicenceStatusAction.Suspend => LicenceNotice.Suspended,
        LicenceStatusAction.Reinstate => LicenceNotice.Reinstated,
        LicenceStatusAction.Revoke => LicenceNotice.Revoked,
    };
}

/// <summary>POST /api/v1/licences/{identifier}/suspend|reinstate|revoke.</summary>
public static class ChangeLicenceStatusApi
{
    private const string Who = "Approvers and department admins of the issuing department (its region in scope); 404 for a licence outside the caller's reach. "
        + "Body: reason (required, 422 when blank), expectedVersion (the version read; 409 when the licence changed since). The holder is notified; answers the licence.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/licences/{identifier}/suspend", (string identifier, ChangeLicenceStatusRequest request, ChangeLicenceStatusHandler handler, CancellationToken ct) =>
                HandleAsync(identifier, LicenceStatusAction.Suspend, request, handler, ct))
            .WithName("SuspendLicence")
            .WithSummary("暂停: suspend a valid licence")
            .WithDescription("Only a valid licence may be suspended (409 otherwise). " + Who);
        api.MapPost("/licences/{identifier}/reinstate", (string identifier, ChangeLicenceStatusRequest request, ChangeLicenceStatusHandler handler, CancellationToken ct) =>
                HandleAsync(identifier, LicenceStatusAction.Reinstate, request, handler, ct))
            .WithName("ReinstateLicence")
            .WithSummary("恢复: reinstate a suspended licence")
            .WithDescription("Only a suspended licence may be reinstated (409 otherwise). " + Who);
        api.MapPost("/licences/{identifier}/revoke", (string identifier, ChangeLicenceStatusRequest request, ChangeLicenceStatusHandler handler, CancellationToken ct) =>
                HandleAsync(identifier, LicenceStatusAction.Revoke, request, handler, ct))
            .WithName("RevokeLicence")
            .WithSummary("撤销/吊销: revoke a licence for good")
            .WithDescription("A valid or suspended licence may be revoked (409 when already revoked or superseded). " + Who);
    }

    private static async Task<Results<Ok<IssuedLicenceView>, ProblemHttpResult>> HandleAsync(
        string identifier, LicenceStatusAction action, ChangeLicenceStatusRequest request, ChangeLicenceStatusHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(identifier, action, request, cancellationToken)).ToOkOrProblem();
}
