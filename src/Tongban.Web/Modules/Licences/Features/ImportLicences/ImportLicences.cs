using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.IssueLicence;
using Tongban.Modules.Licences.Features.ListIssuedLicences;
using Tongban.Modules.Organisation;

namespace Tongban.Modules.Licences.Features.ImportLicences;

/// <summary>A stock import: the type, the issuing department (a department admin's own when left out) and the CSV file.</summary>
public sealed record ImportLicencesRequest(string? TypeCode, Guid? IssuerDepartmentId, byte[] Csv);

/// <summary>One problem of a rejected file: the spreadsheet row (header = 1), the column, the rule and the sentence to read.</summary>
public sealed record ImportRowProblem(int Row, string Field, string Code, string Message)
{
    public static ImportRowProblem Of(int row, string field, Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(row, field, error.Code, error.Message);
    }
}

/// <summary>One imported licence: the row it came from and its new 电子证照标识.</summary>
public sealed record ImportedLicence(int Row, string Identifier);

/// <summary>What an import did: every row imported, or — when any row failed — the problems, and nothing imported.</summary>
public sealed record ImportLicencesOutcome(IReadOnlyList<ImportedLicence> Licences, IReadOnlyList<ImportRowProblem> Problems)
{
    public bool Imported => Problems.Count == 0;
}

/// <summary>A type the caller may import, with the departments (in the caller's reach) that issue it.</summary>
public sealed record ImportableType(LicenceType Type, IReadOnlyList<DepartmentSummary> Issuers);

/// <summary>
/// 存量证照导入: the issuing department's admin (or a platform admin) uploads the licences it issued
/// before the platform as CSV. Every row is checked first — the holder's code and its check character,
/// the dates, the type's fields, one licence per holder — and any problem rejects the whole file. A
/// clean file is issued row by row through <see cref="LicenceIssuer"/> (origin Imported, new
/// identifiers, the issuer's seal) in one transaction with the serial counter, so a failure stores
/// nothing. Scope is <see cref="IssuerAccess"/>'s rule, limited to department and platform admins.
/// </summary>
public sealed class ImportLicencesHandler(IssuerAccess access, LicenceIssuer issuer, IOrganisationDirectory organisation)
{
    public const int MaxRows = 5000;
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Importing is for department admins and platform admins.</summary>
    public bool MayImport => access.User.IsStaff && (access.User.IsPlatformAdmin || access.User.HasAnyRole(Role.DepartmentAdmin));

    /// <summary>A platform admin names the issuing department; a department admin imports for their own.</summary>
    public bool ChoosesIssuer => access.User.IsPlatformAdmin;

    /// <summary>The types the caller may import, each with the issuing departments in reach (the admin's own department; any for a platform admin).</summary>
    public async Task<IReadOnlyList<ImportableType>> ImportableAsync(CancellationToken cancellationToken)
    {
        if (!MayImport)
        {
            return [];
        }

        var types = await access.Db.Set<LicenceType>().AsNoTracking().ToListAsync(cancellationToken);
        var departments = new Dictionary<Guid, DepartmentSummary?>();
        var importable = new List<ImportableType>();
        foreach (var type in types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var issuers = new List<DepartmentSummary>();
            foreach (var id in type.IssuerDepartmentIds)
            {
                if (!departments.TryGetValue(id, out var department))
                {
                    department = await access.MayActForAsync(id, cancellationToken) ? await organisation.FindDepartmentAsync(id, cancellationToken) : null;
                    departments[id] = department;
                }

                if (department is not null)
                {
                    issuers.Add(department);
                }
            }

            if (issuers.Count > 0)
            {
                importable.Add(new ImportableType(type, issuers));
            }
        }

        return importable;
    }

    /// <summary>The CSV template (header only) of a type the caller may import.</summary>
    public async Task<Result<(byte[] Content, string FileName)>> TemplateAsync(string? typeCode, CancellationToken cancellationToken)
    {
        var importable = await ImportableAsync(cancellationToken);
        if (!LicenceTypeCode.Parse(typeCode).TryGet(out var code, out _) || importable.FirstOrDefault(i => i.Type.Code == code) is not { } chosen)
        {
            return new NotFound("licences.type-not-found", typeCode ?? "");
        }

        return (LicenceCsv.Template(chosen.Type), $"licences-{chosen.Type.Code.Value}.csv");
    }

    public async Task<Result<ImportLicencesOutcome>> HandleAsync(ImportLicencesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MayImport)
        {
            return new Forbidden("licences.import-forbidden");
        }

        if (string.IsNullOrWhiteSpace(request.TypeCode))
        {
            return new Invalid("licences.import-type-required") { Field = "type" };
        }

        var type = LicenceTypeCode.Parse(request.TypeCode).TryGet(out var code, out _)
            ? await access.Db.Set<LicenceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, cancellationToken)
            : null;
        if (type is null)
        {
            return new Invalid("licences.import-type-unknown", request.TypeCode.Trim()) { Field = "type" };
        }

        var issuerId = request.IssuerDepartmentId ?? (access.User.IsPlatformAdmin ? null : access.User.Scope?.DepartmentId);
        if (issuerId is not { } departmentId)
        {
            return new Invalid("licences.import-issuer-required") { Field = "issuer" };
        }

        var department = await organisation.FindDepartmentAsync(departmentId, cancellationToken);
        if (department is null)
        {
            return new Invalid("licences.import-issuer-unknown") { Field = "issuer" };
        }

        if (!await access.MayActForAsync(department.Id, cancellationToken))
        {
            return new Forbidden("licences.import-not-in-scope", department.Name);
        }

        if (!type.MayBeIssuedBy(department.Id))
        {
            return new Forbidden("licences.issuer-not-allowed", department.Name, type.Name);
        }

        if (request.Csv.Length > MaxBytes)
        {
            return new Invalid("licences.import-too-large", MaxBytes / 1024 / 1024) { Field = "file" };
        }

        var file = LicenceCsv.Read(request.Csv, type, MaxRows);
        if (file.TooManyRows)
        {
            return new Invalid("licences.import-too-many-rows", MaxRows) { Field = "file" };
        }

        if (file.Problems.Count > 0)
        {
            return new ImportLicencesOutcome([], file.Problems);
        }

        var (toIssue, problems) = await CheckRowsAsync(file.Rows, type, department, cancellationToken);
        if (problems.Count > 0)
        {
            return new ImportLicencesOutcome([], [.. problems.OrderBy(p => p.Row)]);
        }

        return await IssueAllAsync(toIssue, type, department, cancellationToken);
    }

    private async Task<(List<(int Row, LicenceToIssue Licence)> ToIssue, List<ImportRowProblem> Problems)> CheckRowsAsync(
        IReadOnlyList<LicenceCsvRow> rows, LicenceType type, DepartmentSummary department, CancellationToken cancellationToken)
    {
        var today = access.Clock.Today;
        var problems = new List<ImportRowProblem>();
        var toIssue = new List<(int Row, LicenceToIssue Licence)>();
        var firstRowOfHolder = new Dictionary<(HolderCodeType, string), int>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            void Add(string field, Error error) => problems.Add(ImportRowProblem.Of(row.Row, error.Field ?? field, error));

            var holder = CheckHolder(row, today, Add);
            var issuedOn = ParseDate(row, LicenceCsv.IssuedOn, required: true, Add);
            var validFrom = ParseDate(row, LicenceCsv.ValidFrom, required: false, Add);
            var validUntil = ParseDate(row, LicenceCsv.ValidUntil, required: false, Add);
            if (issuedOn is { } issued && issued > today)
            {
                Add(LicenceCsv.IssuedOn, new Invalid("licences.import-issued-in-future", issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            var from = validFrom ?? issuedOn;
            if (from is { } start && validUntil is { } until && until < start)
            {
                Add(LicenceCsv.ValidUntil, new Invalid("licences.validity-ends-before-it-starts"));
            }

            var data = type.Fields.Where(f => row.Cells.ContainsKey(f.Key)).ToDictionary(f => f.Key, f => (string?)row.Cell(f.Key), StringComparer.Ordinal);
            if (type.CheckData(data).Error is { } dataError)
            {
                Add("", dataError);
            }

            if (holder is not null && type.OnePerHolder)
            {
                if (firstRowOfHolder.TryGetValue((holder.CodeType, holder.Code), out var first))
                {
                    Add(LicenceCsv.HolderCode, new Invalid("licences.import-holder-duplicate", first, type.Name));
                }
                else
                {
                    firstRowOfHolder[(holder.CodeType, holder.Code)] = row.Row;
                }
            }

            if (problems.Count == before && holder is not null && issuedOn is not null)
            {
                toIssue.Add((row.Row, new LicenceToIssue(type.Code, department.Id, holder, data, LicenceOrigin.Imported, null, issuedOn, validFrom, validUntil)));
            }
        }

        if (type.OnePerHolder && firstRowOfHolder.Count > 0)
        {
            problems.AddRange(await HoldersWithALicenceAsync(type, department, firstRowOfHolder, cancellationToken));
        }

        return (toIssue, problems);
    }

    /// <summary>A one-per-holder type: holders who already hold a current licence of it from this issuer are rejected, not re-issued (变更换发 is for that).</summary>
    private async Task<IEnumerable<ImportRowProblem>> HoldersWithALicenceAsync(LicenceType type, DepartmentSummary department, Dictionary<(HolderCodeType, string), int> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Keys.Select(k => k.Item2).Distinct(StringComparer.Ordinal).ToList();
        var held = await access.Db.Set<Licence>().AsNoTracking()
            .Where(l => l.TypeCode == type.Code && l.IssuerUscc == department.Uscc && codes.Contains(l.Holder.Code)
                && (l.Status == LicenceStatus.Valid || l.Status == LicenceStatus.Suspended))
            .Select(l => new { l.Holder.CodeType, l.Holder.Code, l.Identifier })
            .ToListAsync(cancellationToken);
        return held.Where(h => rows.ContainsKey((h.CodeType, h.Code)))
            .Select(h => ImportRowProblem.Of(rows[(h.CodeType, h.Code)], LicenceCsv.HolderCode, new Invalid("licences.import-holder-has-licence", type.Name, h.Identifier.Value)));
    }

    private async Task<Result<ImportLicencesOutcome>> IssueAllAsync(List<(int Row, LicenceToIssue Licence)> toIssue, LicenceType type, DepartmentSummary department, CancellationToken cancellationToken)
    {
        var db = access.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var imported = new List<ImportedLicence>(toIssue.Count);
        foreach (var (row, licence) in toIssue)
        {
            if (!(await issuer.IssueAsync(type, department, licence, cancellationToken)).TryGet(out var issued, out var error))
            {
                // Checked above; a rule only issuance knows still rejects the whole file.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                access.Audit.TakePending();
                return new ImportLicencesOutcome([], [ImportRowProblem.Of(row, error.Field ?? "", error)]);
            }

            imported.Add(new ImportedLicence(row, issued.Identifier.Value));
        }

        access.Audit.Record("licences.import-batch", nameof(LicenceType), type.Code.Value,
            after: new { count = imported.Count, type = type.Code.Value, issuer = department.Id, issuerName = department.Name });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportLicencesOutcome(imported, []);
    }

    private static LicenceHolder? CheckHolder(LicenceCsvRow row, DateOnly today, Action<string, Error> add)
    {
        var codeType = row.Cell(LicenceCsv.HolderCodeType);
        if (codeType is not ("111" or "001"))
        {
            add(LicenceCsv.HolderCodeType, new Invalid("licences.holder-code-type", codeType));
            return null;
        }

        var name = row.Cell(LicenceCsv.HolderName);
        if (LicenceHolder.Parse(codeType, row.Cell(LicenceCsv.HolderCode), name, today).TryGet(out var holder, out var error))
        {
            return holder;
        }

        add(error.Field ?? LicenceCsv.HolderCode, error);
        if (error.Field == LicenceCsv.HolderName && LicenceHolder.Parse(codeType, row.Cell(LicenceCsv.HolderCode), "-", today).Error is { } codeError)
        {
            add(codeError.Field ?? LicenceCsv.HolderCode, codeError);
        }

        return null;
    }

    private static DateOnly? ParseDate(LicenceCsvRow row, string column, bool required, Action<string, Error> add)
    {
        var value = row.Cell(column);
        if (value.Length == 0)
        {
            if (required)
            {
                add(column, new Invalid("licences.import-date-required", column));
            }

            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        add(column, new Invalid("licences.import-date", column, value));
        return null;
    }
}
