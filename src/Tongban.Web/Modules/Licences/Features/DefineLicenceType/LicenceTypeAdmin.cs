using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.ListIssuedLicences;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using Conflict = Tongban.Domain.Primitives.Conflict;

namespace Tongban.Modules.Licences.Features.DefineLicenceType;

public sealed record LicenceFieldInput(string? Key, string? Label, [property: JsonConverter(typeof(WireEnum<LicenceFieldKind>))] LicenceFieldKind Kind = LicenceFieldKind.Text, bool Required = true, bool Public = true, bool InPayload = false);

/// <summary>A licence type as an admin defines it. <see cref="ValidityYears"/> null or 0 means 长期有效.</summary>
public sealed record LicenceTypeInput(
    string? Code,
    string? Name,
    IReadOnlyList<LicenceFieldInput>? Fields,
    int? ValidityYears,
    string? Title,
    string? Subtitle,
    string? Footer,
    IReadOnlyList<string>? FieldOrder,
    IReadOnlyList<Guid>? Issuers,
    bool OnePerHolder,
    int? ExpectedVersion = null);

public sealed record LicenceTypeIssuer(Guid Id, string Name);

public sealed record LicenceTypeView(
    string Code,
    string Name,
    IReadOnlyList<LicenceFieldInput> Fields,
    int? ValidityYears,
    string Title,
    string? Subtitle,
    string? Footer,
    IReadOnlyList<string> FieldOrder,
    IReadOnlyList<LicenceTypeIssuer> Issuers,
    bool OnePerHolder,
    int Version);

/// <summary>
/// Who defines and edits licence types. Platform admins: every type. A department admin: creates
/// types their department defines (the code starts with its USCC), and edits types their department
/// defines or issues; only the defining department (or a platform admin) changes who issues a type,
/// so an issuing department cannot add or drop issuers. Everything else is answered 403/404.
/// </summary>
public sealed class LicenceTypeAdmin(TongbanDbContext db, CurrentUser user, IOrganisationDirectory organisation, CityClock clock, AuditTrail audit)
{
    public static readonly Conflict StaleVersion = new("licences.type-version-stale");

    public bool IsAdmin => user.IsStaff && (user.IsPlatformAdmin || user.HasAnyRole(Role.DepartmentAdmin));

    public async Task<DepartmentSummary?> OwnDepartmentAsync(CancellationToken cancellationToken) =>
        user.IsPlatformAdmin || user.Scope?.DepartmentId is not { } id ? null : await organisation.FindDepartmentAsync(id, cancellationToken);

    /// <summary>The types the caller administers, by name.</summary>
    public async Task<IReadOnlyList<LicenceType>> AdministeredAsync(CancellationToken cancellationToken)
    {
        if (!IsAdmin)
        {
            return [];
        }

        var all = await db.Set<LicenceType>().AsNoTracking().ToListAsync(cancellationToken);
        var own = await OwnDepartmentAsync(cancellationToken);
        return [.. all.Where(t => user.IsPlatformAdmin || (own is not null && Administers(t, own))).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>The departments an admin may pick as issuers: all for a platform admin, those in the admin's region otherwise.</summary>
    public async Task<IReadOnlyList<DepartmentSummary>> IssuerChoicesAsync(CancellationToken cancellationToken) =>
        user.IsPlatformAdmin || user.Scope is null
            ? await AllDepartmentsAsync(cancellationToken)
            : await organisation.DepartmentsInAsync(user.Scope.Region, cancellationToken);

    public async Task<Result<LicenceTypeView>> DefineAsync(LicenceTypeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!LicenceTypeCode.Parse(input.Code).TryGet(out var code, out var codeError))
        {
            return codeError with { Field = "code" };
        }

        var own = await OwnDepartmentAsync(cancellationToken);
        if (!IsAdmin || (!user.IsPlatformAdmin && (own is null || code.DefiningBody != own.Uscc)))
        {
            return new Forbidden("licences.type-define-forbidden");
        }

        if (await db.Set<LicenceType>().AnyAsync(t => t.Code == code, cancellationToken))
        {
            return new Conflict("licences.type-code-taken", code.Value) { Field = "code" };
        }

        if ((await CheckIssuersAsync(input.Issuers ?? [], cancellationToken)).Error is { } issuerError)
        {
            return issuerError;
        }

        var (fields, validity, template) = Parts(input);
        if (!LicenceType.Define(code, input.Name ?? "", fields, validity, template, input.Issuers ?? [], input.OnePerHolder, clock.UtcNow).TryGet(out var type, out var error))
        {
            return error;
        }

        db.Add(type);
        audit.Record("licences.type-define", nameof(LicenceType), code.Value, after: Snapshot(type));
        await db.SaveChangesAsync(cancellationToken);
        return await ViewOfAsync(type, cancellationToken);
    }

    public async Task<Result<LicenceTypeView>> EditAsync(string? code, LicenceTypeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var type = LicenceTypeCode.Parse(code).TryGet(out var parsed, out _)
            ? await db.Set<LicenceType>().FirstOrDefaultAsync(t => t.Code == parsed, cancellationToken)
            : null;
        var own = await OwnDepartmentAsync(cancellationToken);
        if (type is null || !IsAdmin || (!user.IsPlatformAdmin && (own is null || !Administers(type, own))))
        {
            return new NotFound("licences.type-not-found", code ?? "");
        }

        if (input.ExpectedVersion is { } version && db.ExpectVersion(type, version, StaleVersion).Error is { } stale)
        {
            return stale;
        }

        var definer = user.IsPlatformAdmin || type.Code.DefiningBody == own!.Uscc;
        var issuers = definer ? input.Issuers ?? [] : type.IssuerDepartmentIds;
        if ((await CheckIssuersAsync(issuers, cancellationToken)).Error is { } issuerError)
        {
            return issuerError;
        }

        var before = Snapshot(type);
        var (fields, validity, template) = Parts(input);
        if (type.Edit(input.Name ?? "", fields, validity, template, [.. issuers], input.OnePerHolder, clock.UtcNow).Error is { } error)
        {
            return error;
        }

        audit.Record("licences.type-edit", nameof(LicenceType), type.Code.Value, before, Snapshot(type));
        if ((await db.SaveUnlessStaleAsync(cancellationToken)).Error is not null)
        {
            return StaleVersion;
        }

        return await ViewOfAsync(type, cancellationToken);
    }

    /// <summary>Whether the caller may change who issues the type (the page shows the checkboxes read-only otherwise).</summary>
    public async Task<bool> MayChangeIssuersAsync(LicenceType? type, CancellationToken cancellationToken) =>
        user.IsPlatformAdmin || type is null || (await OwnDepartmentAsync(cancellationToken))?.Uscc == type.Code.DefiningBody;

    public async Task<LicenceTypeView> ViewOfAsync(LicenceType type, CancellationToken cancellationToken)
    {
        var issuers = new List<LicenceTypeIssuer>();
        foreach (var id in type.IssuerDepartmentIds)
        {
            var department = await organisation.FindDepartmentAsync(id, cancellationToken);
            issuers.Add(new LicenceTypeIssuer(id, department?.Name ?? ""));
        }

        return new LicenceTypeView(
            type.Code.Value, type.Name,
            [.. type.Fields.Select(f => new LicenceFieldInput(f.Key, f.Label, f.Kind, f.Required, f.Public, f.InPayload))],
            type.Validity.Kind == ValidityKind.FixedYears ? type.Validity.Years : null,
            type.Template.Title, type.Template.Subtitle, type.Template.Footer, type.Template.FieldOrder ?? [],
            issuers, type.OnePerHolder, type.Version);
    }

    private static bool Administers(LicenceType type, DepartmentSummary own) => type.Code.DefiningBody == own.Uscc || type.MayBeIssuedBy(own.Id);

    private async Task<IReadOnlyList<DepartmentSummary>> AllDepartmentsAsync(CancellationToken cancellationToken)
    {
        var regions = await organisation.RegionsAsync(RegionLevel.City, cancellationToken);
        var all = new List<DepartmentSummary>();
        foreach (var region in regions.Where(r => r.Level == RegionLevel.City))
        {
            all.AddRange(await organisation.DepartmentsInAsync(region.Code, cancellationToken));
        }

        return all;
    }

    private async Task<Result> CheckIssuersAsync(IEnumerable<Guid> issuers, CancellationToken cancellationToken)
    {
        foreach (var id in issuers)
        {
            if (await organisation.FindDepartmentAsync(id, cancellationToken) is null)
            {
                return new Invalid("licences.type-issuer-unknown") { Field = "issuers" };
            }
        }

        return Result.Success;
    }

    private static (IReadOnlyList<LicenceField> Fields, LicenceValidity Validity, LicenceTemplate Template) Parts(LicenceTypeInput input)
    {
        var fields = (input.Fields ?? []).Select(f => new LicenceField(f.Key ?? "", f.Label ?? "", f.Kind, f.Required, f.Public, f.InPayload)).ToList();
        var validity = input.ValidityYears is null or 0 ? LicenceValidity.OpenEnded : LicenceValidity.ForYears(input.ValidityYears.Value);
        var order = input.FieldOrder?.Select(k => k.Trim()).Where(k => k.Length > 0).ToList();
        var template = new LicenceTemplate(input.Title ?? "", Blank(input.Subtitle), Blank(input.Footer), order is { Count: > 0 } ? order : null);
        return (fields, validity, template);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static object Snapshot(LicenceType t) => new
    {
        name = t.Name,
        fields = t.Fields.Select(f => f.Key).ToArray(),
        validity = t.Validity.Kind == ValidityKind.FixedYears ? $"{t.Validity.Years}y" : "open",
        issuers = t.IssuerDepartmentIds.ToArray(),
        onePerHolder = t.OnePerHolder,
    };
}
