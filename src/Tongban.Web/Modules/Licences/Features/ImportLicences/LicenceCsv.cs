using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Tongban.Domain.Licences;

namespace Tongban.Modules.Licences.Features.ImportLicences;

/// <summary>One data row of a stock-import file: its row number as a spreadsheet shows it (header = 1) and its cells by column name.</summary>
public sealed record LicenceCsvRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string Cell(string column) => Cells.TryGetValue(column, out var value) ? value.Trim() : "";
}

/// <summary>What reading a file gave: the data rows, or the problems that stop reading it (header, encoding, malformed rows).</summary>
public sealed record LicenceCsvFile(IReadOnlyList<LicenceCsvRow> Rows, IReadOnlyList<ImportRowProblem> Problems, bool TooManyRows);

/// <summary>
/// The stock-import CSV (存量证照): header <c>holderCodeType,holderCode,holderName,issuedOn,validFrom,validUntil</c>
/// then the type's field keys; UTF-8 with or without a byte-order mark; read with CsvHelper.
/// </summary>
public static class LicenceCsv
{
    public const string HolderCodeType = "holderCodeType";
    public const string HolderCode = "holderCode";
    public const string HolderName = "holderName";
    public const string IssuedOn = "issuedOn";
    public const string ValidFrom = "validFrom";
    public const string ValidUntil = "validUntil";

    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The fixed columns, in template order.</summary>
    public static readonly IReadOnlyList<string> FixedColumns = [HolderCodeType, HolderCode, HolderName, IssuedOn, ValidFrom, ValidUntil];

    /// <summary>Columns a file must have: the holder, the issue date and the type's required fields. The others may be left out.</summary>
    public static IEnumerable<string> RequiredColumns(LicenceType type) =>
        [HolderCodeType, HolderCode, HolderName, IssuedOn, .. type.Fields.Where(f => f.Required).Select(f => f.Key)];

    public static IReadOnlyList<string> Columns(LicenceType type) => [.. FixedColumns, .. type.Fields.Select(f => f.Key)];

    /// <summary>The template: the header only, UTF-8 with a byte-order mark so Excel reads the Chinese right.</summary>
    public static byte[] Template(LicenceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var column in Columns(type))
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Reads the file; stops after <paramref name="maxRows"/> data rows and says so.</summary>
    public static LicenceCsvFile Read(byte[] content, LicenceType type, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(type);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return HeaderProblem("", "licences.import-not-utf8");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var problems = new List<ImportRowProblem>();
        var rows = new List<LicenceCsvRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = bad => problems.Add(ImportRowProblem.Of(bad.Context.Parser?.Row ?? 0, "", new Domain.Primitives.Invalid("licences.import-bad-quotes"))),
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        if (!parser.Read() || parser.Record is not { } headerRecord || headerRecord.All(string.IsNullOrWhiteSpace))
        {
            return HeaderProblem("", "licences.import-empty");
        }

        var header = headerRecord.Select(h => h.Trim()).ToArray();
        problems.AddRange(HeaderProblems(header, type));
        if (problems.Count > 0)
        {
            return new LicenceCsvFile([], problems, false);
        }

        while (parser.Read())
        {
            if (rows.Count == maxRows)
            {
                return new LicenceCsvFile([], [], true);
            }

            var record = parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Length > header.Length && record.Skip(header.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                problems.Add(ImportRowProblem.Of(parser.Row, "", new Domain.Primitives.Invalid("licences.import-cell-count", record.Length, header.Length)));
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                cells[header[i]] = i < record.Length ? record[i] : "";
            }

            rows.Add(new LicenceCsvRow(parser.Row, cells));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(ImportRowProblem.Of(2, "", new Domain.Primitives.Invalid("licences.import-no-rows")));
        }

        return new LicenceCsvFile(rows, problems, false);
    }

    private static IEnumerable<ImportRowProblem> HeaderProblems(string[] header, LicenceType type)
    {
        var known = Columns(type).ToHashSet(StringComparer.Ordinal);
        foreach (var column in header.Where(h => !known.Contains(h)).Distinct(StringComparer.Ordinal))
        {
            yield return ImportRowProblem.Of(1, column, new Domain.Primitives.Invalid("licences.import-unknown-column", column, type.Name));
        }

        foreach (var column in header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1 && known.Contains(g.Key)).Select(g => g.Key))
        {
            yield return ImportRowProblem.Of(1, column, new Domain.Primitives.Invalid("licences.import-duplicate-column", column));
        }

        foreach (var column in RequiredColumns(type).Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            yield return ImportRowProblem.Of(1, column, new Domain.Primitives.Invalid("licences.import-missing-column", column));
        }
    }

    private static LicenceCsvFile HeaderProblem(string field, string code) => new([], [ImportRowProblem.Of(1, field, new Domain.Primitives.Invalid(code))], false);
}
