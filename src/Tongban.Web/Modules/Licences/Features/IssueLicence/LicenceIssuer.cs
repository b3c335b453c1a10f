using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.Shared;
using Tongban.Modules.Licences.Seals;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences.Features.IssueLicence;

/// <summary>
/// Issues licences: allocates the 证照流水号, builds the 电子证照标识, has the issuer's seal sign the
/// payload, and — for a type with one licence per holder — re-issues the holder's current licence
/// as its next version, superseding it. Adds to the caller's unit of work and does not save, so a
/// case and the licence its approval issues are stored together or not at all.
/// </summary>
public sealed class LicenceIssuer(TongbanDbContext db, SealBook seals, IOrganisationDirectory organisation, CityClock clock, AuditTrail audit, ILicenceNotifier notifier)
{
    public async Task<Result<Licence>> IssueAsync(LicenceToIssue request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = await db.Set<LicenceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == request.TypeCode, cancellationToken);
        if (type is null)
        {
            return new NotFound("licences.type-not-found", request.TypeCode.Value);
        }

        var issuer = await organisation.FindDepartmentAsync(request.IssuerDepartmentId, cancellationToken);
        if (issuer is null)
        {
            return new NotFound("licences.issuer-not-found");
        }

        return await IssueAsync(type, issuer, request, cancellationToken);
    }

    /// <summary>Issues with the type and issuing department already loaded (a batch issues many of one type and issuer).</summary>
    public async Task<Result<Licence>> IssueAsync(LicenceType type, DepartmentSummary issuer, LicenceToIssue request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(request);
        var previous = type.OnePerHolder ? await CurrentOfHolderAsync(type.Code, issuer.Uscc, request.Holder, cancellationToken) : null;
        return await IssueVersionAsync(type, issuer, request, previous, cancellationToken);
    }

    /// <summary>
    /// 变更换发: issues <paramref name="previous"/> again with changed data as its next version (same
    /// serial, same holder, same validity period), signed anew, and supersedes it. Data keys not given
    /// keep their previous values; an empty value clears an optional field. The caller saves.
    /// </summary>
    public async Task<Result<Licence>> ReissueAsync(Licence previous, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(changes);
        var type = await db.Set<LicenceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == previous.TypeCode, cancellationToken);
        var issuer = await organisation.FindDepartmentAsync(previous.IssuerDepartmentId, cancellationToken);
        if (type is null || issuer is null)
        {
            return new NotFound("licences.type-not-found", previous.TypeCode.Value);
        }

        var data = previous.Data.ToDictionary(d => d.Key, d => (string?)d.Value, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            data[key] = value;
        }

        var request = new LicenceToIssue(type.Code, issuer.Id, previous.Holder with { }, data, previous.Origin, previous.CaseNumber, clock.Today, previous.ValidFrom, previous.ValidUntil);
        return await IssueVersionAsync(type, issuer, request, previous, cancellationToken);
    }

    /// <summary>Issues a new licence, or — with <paramref name="previous"/> — its next version, superseding it.</summary>
    private async Task<Result<Licence>> IssueVersionAsync(LicenceType type, DepartmentSummary issuer, LicenceToIssue request, Licence? previous, CancellationToken cancellationToken)
    {
        if (previous is not null && previous.Status is not (LicenceStatus.Valid or LicenceStatus.Suspended))
        {
            return new Conflict("licences.already-ended");
        }

        var identifier = previous is not null
            ? previous.Identifier.NextVersion()
            : LicenceIdentifier.Create(type.Code, issuer.Uscc, await NextSerialAsync(type.Code, issuer.Uscc, cancellationToken), 1);
        if (!identifier.TryGet(out var id, out var identifierError))
        {
            return identifierError;
        }

        var issuedOn = request.IssuedOn ?? clock.Today;
        var from = request.ValidFrom ?? issuedOn;
        var data = type.Fields.Where(f => request.Data.ContainsKey(f.Key)).ToDictionary(f => f.Key, f => request.Data[f.Key], StringComparer.Ordinal);
        var issued = Licence.Issue(
            new LicenceIssue(id, type, issuer.Id, issuer.Name, request.Holder, issuedOn, from, request.ValidUntil ?? type.Validity.LastDayFrom(from), data, request.Origin, request.CaseNumber),
            clock.UtcNow);
        if (!issued.TryGet(out var licence, out var error))
        {
            return error;
        }

        licence.Seal(await seals.SignAsync(issuer.Id, licence.ClaimsToSign(type), cancellationToken));
        db.Add(licence);
        audit.Record(request.Origin == LicenceOrigin.Imported && previous is null ? "licences.import" : "licences.issue", nameof(Licence), id.Value,
            after: new { type = type.Code.Value, holder = licence.Holder.PublicCode, caseNumber = request.CaseNumber, version = id.Version });
        if (previous is not null)
        {
            var before = previous.Status;
            if (previous.Supersede(id, clock.UtcNow).IsSuccess)
            {
                audit.Record("licences.supersede", nameof(Licence), previous.Identifier.Value, before: new { status = before.ToString() }, after: new { status = nameof(LicenceStatus.Superseded), by = id.Value });
                await notifier.NotifyAsync(previous, LicenceNotice.Superseded, cancellationToken);
            }
        }

        await notifier.NotifyAsync(licence, LicenceNotice.Issued, cancellationToken);
        return licence;
    }

    private Task<Licence?> CurrentOfHolderAsync(LicenceTypeCode type, Uscc issuer, LicenceHolder holder, CancellationToken cancellationToken) =>
        db.Set<Licence>().Where(l => l.TypeCode == type && l.IssuerUscc == issuer && l.Holder.Code == holder.Code
                && (l.Status == LicenceStatus.Valid || l.Status == LicenceStatus.Suspended))
            .OrderByDescending(l => l.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The next 证照流水号 of the type and issuer, from a counter row incremented in one statement (in the
    /// caller's transaction when there is one). Serials are unique; one given out by a unit of work that
    /// later fails is skipped, which the standard allows.
    /// </summary>
    private async Task<long> NextSerialAsync(LicenceTypeCode type, Uscc issuer, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        await using DbCommand command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            "INSERT INTO licence_serial_counters (type_code, issuer_uscc, last_serial) VALUES (@type, @issuer, 1) " +
            "ON CONFLICT (type_code, issuer_uscc) DO UPDATE SET last_serial = licence_serial_counters.last_serial + 1 " +
            "RETURNING last_serial";
        AddParameter(command, "@type", type.Value);
        AddParameter(command, "@issuer", issuer.Value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
