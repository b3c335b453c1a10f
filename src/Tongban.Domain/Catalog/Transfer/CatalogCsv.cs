using System.Globalization;
using System.Text;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Catalog.Transfer;

/// <summary>One implementation as a spreadsheet row: the exchanged content plus the facts a list shows.</summary>
public sealed record CsvRow(ImplementationCode Code, ItemType ItemType, string Department, RegionCode Region, DocumentStatus Status, int? Version, ImplementationContent Content);

/// <summary>A row of an imported spreadsheet: the implementation it names and the scalar elements it sets.</summary>
public sealed record CsvUpdate(ImplementationCode Code, IReadOnlyList<Func<ImplementationContent, ImplementationContent>> Changes, CsvOrigin Origin)
{
    public ImplementationContent ApplyTo(ImplementationContent content) => Changes.Aggregate(content, (current, change) => change(current));
}

/// <summary>A line of a CSV file; members map to the column that shows them (errors of elements without a column point at the line).</summary>
public sealed record CsvOrigin(int Line, IReadOnlyList<string> Header) : RecordOrigin
{
    public override TransferLocation At(string member)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (CatalogCsv.Shows(Header[i], member))
            {
                return new TransferLocation(Header[i], Line, i + 1);
            }
        }

        return new TransferLocation("", Line);
    }
}

public sealed record CsvReading(IReadOnlyList<CsvUpdate> Updates, IReadOnlyList<TransferProblem> Problems);

/// <summary>
/// The flat spreadsheet form of the catalog: one row per implementation, as RFC 4180 CSV (a cell a
/// spreadsheet would run as a formula is written behind an apostrophe, which reading removes). On import only the scalar columns marked editable are applied, to
/// implementations that already exist; the other columns are for reading and are ignored. Columns
/// are matched by header, so a sheet may drop or reorder them. docs/catalog-format.md lists them.
/// </summary>
public static class CatalogCsv
{
    private const string CodeHeader = "实施编码";

    private static readonly Labels<ItemType> ItemTypes = new(
        (ItemType.AdministrativeLicensing, "行政许可"), (ItemType.AdministrativePayment, "行政给付"),
        (ItemType.AdministrativeConfirmation, "行政确认"), (ItemType.AdministrativeAdjudication, "行政裁决"),
        (ItemType.AdministrativeReward, "行政奖励"), (ItemType.AdministrativeFiling, "行政备案"),
        (ItemType.AdministrativeLevy, "行政征收"), (ItemType.OtherAdministrativePower, "其他行政权力"),
        (ItemType.PublicService, "公共服务"));

    private static readonly Labels<DocumentStatus> Statuses = new((DocumentStatus.Draft, "草稿"), (DocumentStatus.Published, "已发布"));

    private static readonly Labels<Audience> Audiences = new((Audience.NaturalPerson, "自然人"), (Audience.LegalPerson, "法人"), (Audience.Both, "自然人、法人"));

    private static readonly Labels<HandlingKind> HandlingKinds = new((HandlingKind.Instant, "即办件"), (HandlingKind.Promised, "承诺件"));

    private static readonly Labels<TimeLimitUnit> Units = new((TimeLimitUnit.WorkingDays, "工作日"), (TimeLimitUnit.NaturalDays, "自然日"), (TimeLimitUnit.WorkingHours, "工作小时"));

    private static readonly Labels<OnlineDepth> Depths = new(
        (OnlineDepth.Disclosure, "一级（信息公开）"), (OnlineDepth.Interaction, "二级（在线咨询）"),
        (OnlineDepth.PreReview, "三级（网上预审）"), (OnlineDepth.FullyOnline, "四级（全程网办）"));

    private static readonly Labels<VisitCount> Visits = new((VisitCount.Zero, "0次"), (VisitCount.One, "1次"), (VisitCount.TwoOrMore, "2次及以上"));

    private static readonly Labels<ServiceScope> Scopes = new(
        (ServiceScope.Local, "本级办理"), (ServiceScope.CityWide, "全市通办"), (ServiceScope.ProvinceWide, "全省通办"), (ServiceScope.CrossProvince, "跨省通办"));

    private static readonly Labels<bool> YesNo = new((true, "是"), (false, "否"));

    private delegate Result<Func<ImplementationContent, ImplementationContent>> Reader(string text);

    /// <summary>A column: its header, how a row shows it, the document members it shows, and (if editable) how a cell changes the content.</summary>
    private sealed record Column(string Header, Func<CsvRow, string> Write, string[] Members, Reader? Read = null);

    private static readonly Column[] Columns =
    [
        new(CodeHeader, r => r.Code.Value, ["code"]),
        new("事项名称", r => r.Content.Name, ["content.name"], Text(name => c => c with { Name = name })),
        new("基本编码", r => r.Code.BasicCode.Value, ["basicCode"]),
        new("事项类型", r => ItemTypes.Of(r.ItemType), []),
        new("实施部门", r => r.Department, []),
        new("区划", r => r.Region.Value, ["regionCode"]),
        new("状态", r => Statuses.Of(r.Status), ["status"]),
        new("版本", r => r.Version?.ToString(CultureInfo.InvariantCulture) ?? "", []),
        new("服务对象", r => Audiences.Of(r.Content.Audience), ["content.audience"], Choice(Audiences, v => c => c with { Audience = v })),
        new("办件类型", r => HandlingKinds.Of(r.Content.HandlingKind), ["content.handlingKind"], Choice(HandlingKinds, v => c => c with { HandlingKind = v })),
        new("法定时限", r => Days(r.Content.StatutoryLimit), ["content.statutoryLimit"], Number(n => c => c with { StatutoryLimit = c.StatutoryLimit with { Amount = n } })),
        new("法定时限单位", r => Units.Of(r.Content.StatutoryLimit.Unit), [], Choice(Units, v => c => c with { StatutoryLimit = c.StatutoryLimit with { Unit = v } })),
        new("承诺时限", r => Days(r.Content.PromisedLimit), ["content.promisedLimit"], Number(n => c => c with { PromisedLimit = c.PromisedLimit with { Amount = n } })),
        new("承诺时限单位", r => Units.Of(r.Content.PromisedLimit.Unit), [], Choice(Units, v => c => c with { PromisedLimit = c.PromisedLimit with { Unit = v } })),
        new("网上办理深度", r => Depths.Of(r.Content.OnlineDepth), ["content.onlineDepth"], Choice(Depths, v => c => c with { OnlineDepth = v })),
        new("到现场次数", r => Visits.Of(r.Content.Visits), ["content.visits"], Choice(Visits, v => c => c with { Visits = v })),
        new("通办范围", r => Scopes.Of(r.Content.ServiceScope), ["content.serviceScope"], Choice(Scopes, v => c => c with { ServiceScope = v })),
        new("是否收费", r => YesNo.Of(r.Content.Charged), ["content.charged", "content.fees"], Choice(YesNo, v => c => c with { Charged = v })),
        new("材料数", r => r.Content.Materials.Count.ToString(CultureInfo.InvariantCulture), ["content.materials"]),
    ];

    private static readonly Dictionary<string, Column> ByHeader = Columns.ToDictionary(c => c.Header, StringComparer.Ordinal);

    /// <summary>Headers of the columns an import applies.</summary>
    public static IReadOnlyList<string> EditableHeaders { get; } = [.. Columns.Where(c => c.Read is not null).Select(c => c.Header)];

    public static IReadOnlyList<string> Headers { get; } = [.. Columns.Select(c => c.Header)];

    /// <summary>The row's cells in <see cref="Headers"/> order.</summary>
    public static IReadOnlyList<string> Cells(CsvRow row) => [.. Columns.Select(c => c.Write(row))];

    public static CsvReading Read(string text)
    {
        var (records, problems) = Split(text.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            problems.Add(new TransferProblem(new TransferLocation("", 1), new Invalid("catalog-csv.empty")));
            return new CsvReading([], problems);
        }

        var (headerLine, header) = records[0];
        var headerProblems = CheckHeader(headerLine, header);
        problems.AddRange(headerProblems);
        if (headerProblems.Count > 0)
        {
            return new CsvReading([], problems);
        }

        var updates = new List<CsvUpdate>();
        foreach (var (line, cells) in records.Skip(1).Where(r => r.Cells.Any(c => c.Length > 0)))
        {
            var origin = new CsvOrigin(line, header);
            if (cells.Count != header.Count)
            {
                problems.Add(new TransferProblem(new TransferLocation("", line), new Invalid("catalog-csv.cell-count", cells.Count, header.Count)));
                continue;
            }

            if (ReadRow(cells, origin, problems) is { } update)
            {
                updates.Add(update);
            }
        }

        foreach (var duplicate in updates.GroupBy(u => u.Code).SelectMany(g => g.Skip(1)))
        {
            problems.Add(new TransferProblem(duplicate.Origin.At("code"), new Invalid("catalog-file.duplicate-code", duplicate.Code.Value)));
        }

        return new CsvReading(updates, problems);
    }

    /// <summary>True when the column with this header shows the document member (so its errors point there).</summary>
    internal static bool Shows(string header, string member) =>
        ByHeader.TryGetValue(header, out var column) && column.Members.Contains(member, StringComparer.Ordinal);

    private static List<TransferProblem> CheckHeader(int line, IReadOnlyList<string> header)
    {
        var problems = new List<TransferProblem>();
        for (var i = 0; i < header.Count; i++)
        {
            if (!ByHeader.ContainsKey(header[i]))
            {
                problems.Add(new TransferProblem(new TransferLocation(header[i], line, i + 1), new Invalid("catalog-csv.unknown-column", header[i])));
            }
            else if (header.Take(i).Contains(header[i], StringComparer.Ordinal))
            {
                problems.Add(new TransferProblem(new TransferLocation(header[i], line, i + 1), new Invalid("catalog-csv.duplicate-column", header[i])));
            }
        }

        if (!header.Contains(CodeHeader, StringComparer.Ordinal))
        {
            problems.Add(new TransferProblem(new TransferLocation("", line), new Invalid("catalog-csv.code-column-required", CodeHeader)));
        }

        return problems;
    }

    private static CsvUpdate? ReadRow(IReadOnlyList<string> cells, CsvOrigin origin, List<TransferProblem> problems)
    {
        var before = problems.Count;
        var codeAt = origin.At("code");
        var code = ImplementationCode.Parse(cells[codeAt.Column!.Value - 1]);
        if (!code.IsSuccess)
        {
            problems.Add(new TransferProblem(codeAt, code.Error));
        }

        var changes = new List<Func<ImplementationContent, ImplementationContent>>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (ByHeader[origin.Header[i]].Read is not { } read)
            {
                continue;
            }

            var change = cells[i].Length == 0 ? new Invalid("catalog-csv.value-required", origin.Header[i]) : read(cells[i]);
            if (change.IsSuccess)
            {
                changes.Add(change.Value);
            }
            else
            {
                problems.Add(new TransferProblem(new TransferLocation(origin.Header[i], origin.Line, i + 1), change.Error));
            }
        }

        return problems.Count == before ? new CsvUpdate(code.Value, changes, origin) : null;
    }

    private static Reader Text(Func<string, Func<ImplementationContent, ImplementationContent>> change) => text => change(text);

    private static Reader Number(Func<int, Func<ImplementationContent, ImplementationContent>> change) => text =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? change(number)
            : new Invalid("catalog-csv.not-a-number", text);

    private static Reader Choice<T>(Labels<T> labels, Func<T, Func<ImplementationContent, ImplementationContent>> change)
        where T : struct => text =>
        labels.Parse(text) is { } value ? change(value) : new Invalid("catalog-csv.unknown-value", text, labels.Choices);

    private static string Days(TimeLimit limit) => limit.Amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 records with the line each starts on; cells trimmed and unguarded; a quote left open is reported.</summary>
    private static (List<(int Line, List<string> Cells)> Records, List<TransferProblem> Problems) Split(string text)
    {
        var records = new List<(int Line, List<string> Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(Cell(cell));
                    cell.Clear();
                    break;
                case '\n':
                    cells.Add(Cell(cell));
                    cell.Clear();
                    records.Add((recordLine, cells));
                    cells = [];
                    recordLine = ++line;
                    break;
                case '\r':
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }

        var problems = new List<TransferProblem>();
        if (quoted)
        {
            problems.Add(new TransferProblem(new TransferLocation("", recordLine), new Invalid("catalog-csv.open-quote")));
        }
        else if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(Cell(cell));
            records.Add((recordLine, cells));
        }

        return (records, problems);
    }

    /// <summary>A cell's text without surrounding spaces or the apostrophe that kept a spreadsheet from running it as a formula.</summary>
    private static string Cell(StringBuilder cell)
    {
        var text = cell.ToString().Trim();
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
    }

    /// <summary>The Chinese words a sheet uses for an enumeration, both ways.</summary>
    private sealed class Labels<T>(params (T Value, string Label)[] pairs)
        where T : struct
    {
        public string Choices { get; } = string.Join("、", pairs.Select(p => $"“{p.Label}”"));

        public string Of(T value) => pairs.Where(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Select(p => p.Label).FirstOrDefault() ?? "";

        public T? Parse(string text) => pairs.Where(p => p.Label == text).Select(p => (T?)p.Value).FirstOrDefault();
    }
}
