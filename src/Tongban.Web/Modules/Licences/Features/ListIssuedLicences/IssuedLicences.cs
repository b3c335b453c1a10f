using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.ChangeLicenceStatus;
using Tongban.Platform.Http;

namespace Tongban.Modules.Licences.Features.ListIssuedLicences;

public sealed record LicenceDataLine(string Key, string Label, string Value, bool Required, [property: JsonConverter(typeof(WireEnum<LicenceFieldKind>))] LicenceFieldKind Kind);

public sealed record LicenceStatusLine([property: JsonConverter(typeof(WireEnum<LicenceStatus>))] LicenceStatus FromStatus, [property: JsonConverter(typeof(WireEnum<LicenceStatus>))] LicenceStatus ToStatus, string Reason, string ActorName, DateTimeOffset At);

/// <summary>An issued licence as its issuer's staff see it: the holder in full (an audited read), the data, the status and its history.</summary>
public sealed record IssuedLicenceView(
    string Identifier,
    string TypeCode,
    string TypeName,
    string IssuerName,
    string HolderCodeType,
    string HolderCode,
    string HolderName,
    DateOnly IssuedOn,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    [property: JsonConverter(typeof(WireEnum<LicenceStatus>))] LicenceStatus Status,
    [property: JsonConverter(typeof(WireEnum<LicenceState>))] LicenceState State,
    string? StatusReason,
    [property: JsonConverter(typeof(WireEnum<LicenceOrigin>))] LicenceOrigin Origin,
    string? CaseNumber,
    string? SupersededBy,
    IReadOnlyList<LicenceDataLine> Data,
    IReadOnlyList<LicenceStatusLine> History,
    int Version);

/// <summary>One issued licence for its issuer's staff (GET /api/v1/licences/{identifier}, the detail page).</summary>
public sealed class ShowIssuedLicenceHandler(IssuerAccess access)
{
    public async Task<Result<IssuedLicenceView>> HandleAsync(string? identifier, CancellationToken cancellationToken)
    {
        if (!(await access.LoadAsync(identifier, cancellationToken)).TryGet(out var licence, out var error))
        {
            return error;
        }

        access.Audit.Record("licences.read", nameof(Licence), licence.Identifier.Value, after: new { holder = licence.Holder.PublicCode });
        await access.Db.SaveChangesAsync(cancellationToken);
        return await ViewOfAsync(access, licence, cancellationToken);
    }

    public static async Task<IssuedLicenceView> ViewOfAsync(IssuerAccess access, Licence licence, CancellationToken cancellationToken)
    {
        var type = await access.Db.Set<LicenceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == licence.TypeCode, cancellationToken);
        var fields = type?.Fields ?? [];
        var data = fields.Select(f => new LicenceDataLine(f.Key, f.Label, licence.Data.GetValueOrDefault(f.Key, ""), f.Required, f.Kind))
            .Concat(licence.Data.Where(d => fields.All(f => f.Key != d.Key)).Select(d => new LicenceDataLine(d.Key, d.Key, d.Value, false, LicenceFieldKind.Text)))
            .ToList();
        var history = await access.Db.Set<LicenceStatusChange>().AsNoTracking().Where(c => c.LicenceId == licence.Id)
            .OrderBy(c => c.At).Select(c => new LicenceStatusLine(c.FromStatus, c.ToStatus, c.Reason, c.ActorName, c.At)).ToListAsync(cancellationToken);
        return new IssuedLicenceView(
            licence.Identifier.Value, licence.TypeCode.Value, licence.TypeName, licence.IssuerName, licence.Holder.CodeTypeNumber, licence.Holder.Code, licence.Holder.Name,
            licence.IssuedOn, licence.ValidFrom, licence.ValidUntil, licence.Status, licence.StateOn(access.Clock.Today), licence.StatusReason, licence.Origin,
            licence.CaseNumber, licence.SupersededBy?.Value, data, history, licence.Version);
    }
}

public sealed record IssuedLicenceRow(string Identifier, string TypeName, string IssuerName, string HolderCode, string HolderName, DateOnly IssuedOn, DateOnly? ValidUntil, [property: JsonConverter(typeof(WireEnum<LicenceState>))] LicenceState State);

public sealed record IssuedLicencePage(IReadOnlyList<IssuedLicenceRow> Rows, int Page, bool HasMore);

/// <summary>
/// The licences a department issued, newest first, 50 a page (at most <see cref="MaxPage"/> pages:
/// narrow the search instead). Searched by identifier (exact), holder code (exact) or holder name
/// (part); "state" keeps the licences in that state today (expired: valid but past their last day);
/// "expiring" keeps valid licences ending within 30 days.
/// </summary>
public sealed class ListIssuedLicencesHandler(IssuerAccess access)
{
    public const int PageSize = 50;
    public const int MaxPage = 100;
    public const int ExpiringWithinDays = 30;

    public async Task<Result<IssuedLicencePage>> HandleAsync(string? search, bool expiring, int page, CancellationToken cancellationToken) =>
        await HandleAsync(search, null, expiring, page, cancellationToken);

    public async Task<Result<IssuedLicencePage>> HandleAsync(string? search, LicenceState? state, bool expiring, int page, CancellationToken cancellationToken)
    {
        if (!access.HasIssuerRole)
        {
            return new Forbidden("licences.issuer-role-required");
        }

        page = Math.Clamp(page, 1, MaxPage);
        var query = access.Db.Set<Licence>().AsNoTracking();
        if (access.DepartmentsInReach() is { } departments)
        {
            query = query.Where(l => departments.Contains(l.IssuerDepartmentId));
        }

        var text = search?.Trim() ?? "";
        if (text.Length > 0)
        {
            if (LicenceIdentifier.Parse(text).TryGet(out var id, out _))
            {
                query = query.Where(l => l.Identifier == id);
            }
            else if (text.Length == 18)
            {
                var code = text.ToUpperInvariant();
                query = query.Where(l => l.Holder.Code == code);
            }
            else
            {
                var part = text.Length > LicenceHolder.MaxNameLength ? text[..LicenceHolder.MaxNameLength] : text;
                query = query.Where(l => l.Holder.Name.Contains(part));
            }
        }

        var today = access.Clock.Today;
        query = state is not { } wanted ? query : wanted switch
        {
            LicenceState.Valid => query.Where(l => l.Status == LicenceStatus.Valid && (l.ValidUntil == null || l.ValidUntil >= today)),
            LicenceState.Expired => query.Where(l => l.Status == LicenceStatus.Valid && l.ValidUntil != null && l.ValidUntil < today),
            LicenceState.Suspended => query.Where(l => l.Status == LicenceStatus.Suspended),
            LicenceState.Revoked => query.Where(l => l.Status == LicenceStatus.Revoked),
            LicenceState.Superseded => query.Where(l => l.Status == LicenceStatus.Superseded),
        };
        if (expiring)
        {
            var until = today.AddDays(ExpiringWithinDays);
            query = query.Where(l => l.Status == LicenceStatus.Valid && l.ValidUntil != null && l.ValidUntil >= today && l.ValidUntil <= until);
        }

        var licences = await query.OrderByDescending(l => l.IssuedOn).ThenByDescending(l => l.CreatedAt)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        access.Audit.Record("licences.search", nameof(Licence), "issued", after: new { search = text.Length > 0, state = state?.ToString(), expiring, page, count = Math.Min(licences.Count, PageSize) });
        await access.Db.SaveChangesAsync(cancellationToken);
        var rows = licences.Take(PageSize)
            .Select(l => new IssuedLicenceRow(l.Identifier.Value, l.TypeName, l.IssuerName, l.Holder.Code, l.Holder.Name, l.IssuedOn, l.ValidUntil, l.StateOn(today)))
            .ToList();
        return new IssuedLicencePage(rows, page, licences.Count > PageSize && page < MaxPage);
    }
}

/// <summary>GET /api/v1/licences/issued and GET /api/v1/licences/{identifier}.</summary>
public static class IssuedLicencesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/licences/issued", ListAsync)
            .WithName("ListIssuedLicences")
            .WithSummary("The licences the caller's department issued, newest first")
            .WithDescription("Approvers and department admins (platform admins: all departments). Query: q (identifier, holder code or part of the holder name), "
                + "state (valid, expired, suspended, revoked, superseded: the state today), expiring=true (valid licences ending within 30 days), page (50 a page, at most 100 pages). The read is audited.");
        api.MapGet("/licences/{identifier}", ShowAsync)
            .WithName("ShowIssuedLicence")
            .WithSummary("One issued licence with its holder, data, status and status history, for the issuer's staff")
            .WithDescription("Approvers and department admins of the issuing department (its region in scope). 404 for a licence outside the caller's reach. "
                + "The read is audited. The version is the expectedVersion of a status change or re-issue.");
    }

    private static async Task<Results<Ok<IssuedLicencePage>, ProblemHttpResult>> ListAsync(
        string? q, string? state, bool? expiring, int? page, ListIssuedLicencesHandler handler, CancellationToken cancellationToken) =>
        !TryState(state, out var wanted) ? new Invalid("licences.state-unknown", state ?? "") { Field = "state" }.ToProblem()
        : (await handler.HandleAsync(q, wanted, expiring ?? false, page ?? 1, cancellationToken)).ToOkOrProblem();

    /// <summary>Reads a state as the API writes it (valid, expired, ...); empty means any.</summary>
    public static bool TryState(string? text, out LicenceState? state)
    {
        state = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<LicenceState>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            state = parsed;
            return true;
        }

        return false;
    }

    private static async Task<Results<Ok<IssuedLicenceView>, ProblemHttpResult>> ShowAsync(
        string identifier, ShowIssuedLicenceHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(identifier, cancellationToken)).ToOkOrProblem();
}
