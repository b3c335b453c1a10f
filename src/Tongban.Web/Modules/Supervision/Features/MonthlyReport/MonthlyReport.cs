using System.Globalization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Supervision.Features.ShowIndicators;
using Tongban.Platform.Documents;

namespace Tongban.Modules.Supervision.Features.MonthlyReport;

public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// 效能监管月报 of a region (or one of its departments): every indicator with its numerator, denominator and
/// formula, and the same figures per child region. CSV (UTF-8 with BOM, so Excel reads the Chinese) or PDF.
/// </summary>
public sealed class MonthlyReportHandler(IndicatorReader reader, PdfDocumentWriter writer)
{
    public async Task<Result<ReportFile>> HandleAsync(string? month, string? region, string? department, string? format, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact((month?.Trim() ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return new BadQuery("supervision.month-invalid") { Field = "month" };
        }

        var pdf = string.Equals(format?.Trim(), "pdf", StringComparison.OrdinalIgnoreCase);
        if (!pdf && !string.IsNullOrWhiteSpace(format) && !string.Equals(format.Trim(), "csv", StringComparison.OrdinalIgnoreCase))
        {
            return new BadQuery("supervision.format-unknown") { Field = "format" };
        }

        var query = new IndicatorQuery(region, department, From: first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To: first.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!(await reader.FilterAsync(query, cancellationToken)).TryGet(out var filter, out var error)
            || !(await reader.BreakdownAsync("region", query, cancellationToken)).TryGet(out var children, out error))
        {
            return error;
        }

        var indicators = await reader.IndicatorsAsync(filter, cancellationToken);
        var scope = filter.DepartmentName is null ? filter.RegionName : $"{filter.RegionName} · {filter.DepartmentName}";
        var title = $"效能监管月报（{first.ToString("yyyy年M月", CultureInfo.InvariantCulture)}）";
        var name = $"效能监管月报-{filter.Region.Value}-{first.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        return pdf
            ? new ReportFile(name + ".pdf", "application/pdf", writer.Write(title, layout => Compose(layout, title, scope, filter, indicators, children)))
            : new ReportFile(name + ".csv", CsvFile.ContentType, Csv(scope, filter, indicators, children));
    }

    /// <summary>"95.00%", "3.5 工作日", or "—" when there is nothing to measure.</summary>
    public static string Format(IndicatorValue i) =>
        i.Value is not { } value ? "—"
        : i.Unit == "%" ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%"
        : value.ToString("0.##", CultureInfo.InvariantCulture) + " " + i.Unit;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static byte[] Csv(string scope, IndicatorFilter filter, IReadOnlyList<IndicatorValue> indicators, BreakdownAnswer children)
    {
        var period = $"{Day(filter.From)} 至 {Day(filter.To)}";
        IEnumerable<IReadOnlyList<string>> Rows(string key, string name, IReadOnlyList<IndicatorValue> values) =>
            values.Select(i => (IReadOnlyList<string>)[key, name, i.Name, i.ChineseName, Format(i), Number(i.Numerator), Number(i.Denominator), i.Formula]);
        return CsvFile.Write(
            ["地区代码", "范围", "指标", "指标名称", "值", "分子", "分母", "计算公式"],
            [
                .. Rows(filter.Region.Value, $"{scope}（{period}）", indicators),
                .. children.Rows.SelectMany(r => Rows(r.Key, r.Name, r.Indicators)),
            ]);
    }

    private static void Compose(PdfLayout layout, string title, string scope, IndicatorFilter filter, IReadOnlyList<IndicatorValue> indicators, BreakdownAnswer children)
    {
        PdfColumn[] columns = [new("指标", 1.4), new("值", 0.9), new("分子", 0.7), new("分母", 0.7), new("计算公式", 2.6)];
        IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<IndicatorValue> values) =>
            values.Select(i => (IReadOnlyList<string>)[i.ChineseName, Format(i), Number(i.Numerator), Number(i.Denominator), i.Formula]);
        layout.Title(title)
            .Caption($"范围：{scope} · 统计期间：{Day(filter.From)} 至 {Day(filter.To)}")
            .Heading("指标")
            .Table(columns, Rows(indicators));
        foreach (var child in children.Rows)
        {
            layout.Heading(child.Name).Table(columns, Rows(child.Indicators));
        }
    }
}
