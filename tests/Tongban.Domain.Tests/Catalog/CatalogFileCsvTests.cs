using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Domain.Tests.Identifiers;

namespace Tongban.Domain.Tests.Catalog;

/// <summary>The spreadsheet form: rows written in header order, cells read back onto the content, bad cells reported by line and column.</summary>
public class CatalogFileCsvTests
{
    private static readonly ImplementationCode Code = ImplementationCode.FromTrusted(TestIds.Uscc("11", "510900", "MB1A0003") + "3000126002000");

    private static CsvRow Row(ImplementationContent content) =>
        new(Code, ItemType.AdministrativeLicensing, "市市场监督管理局", RegionCode.FromTrusted("510900000000"), DocumentStatus.Published, 2, content);

    private static string Sheet(params string[][] rows) => string.Join("\r\n", rows.Select(r => string.Join(',', r))) + "\r\n";

    private static string[] Cells(ImplementationContent content) => [.. CatalogCsv.Cells(Row(content))];

    private static int Column(string header) => CatalogCsv.Headers.ToList().IndexOf(header);

    [Fact]
    public void Cells_FollowTheHeaders_InChineseWords()
    {
        var cells = Cells(CatalogRulesTests.Passing());

        Assert.Equal(CatalogCsv.Headers.Count, cells.Length);
        Assert.Equal(
            [Code.Value, "食品经营许可", "000126002000", "行政许可", "市市场监督管理局", "510900000000", "已发布", "2", "法人", "承诺件", "20", "工作日", "5", "工作日", "三级（网上预审）", "1次", "本级办理", "否"],
            cells[..^1]);
        Assert.Equal(CatalogRulesTests.Passing().Materials.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[^1]);
    }

    [Fact]
    public void Read_AppliesTheEditableColumns_AndLeavesEveryOtherElement()
    {
        var cells = Cells(CatalogRulesTests.Passing());
        cells[Column("承诺时限")] = "3";
        cells[Column("通办范围")] = "全市通办";
        cells[Column("服务对象")] = "自然人、法人";
        cells[Column("基本编码")] = "ignored";

        var reading = CatalogCsv.Read(Sheet([.. CatalogCsv.Headers], cells));

        Assert.Empty(reading.Problems);
        var update = Assert.Single(reading.Updates);
        Assert.Equal(Code, update.Code);
        var content = update.ApplyTo(CatalogRulesTests.Passing());
        Assert.Equal(new TimeLimit(3, TimeLimitUnit.WorkingDays), content.PromisedLimit);
        Assert.Equal((ServiceScope.CityWide, Audience.Both), (content.ServiceScope, content.Audience));
        Assert.Equal(CatalogJson.Serialize(CatalogRulesTests.Passing() with { PromisedLimit = content.PromisedLimit, ServiceScope = content.ServiceScope, Audience = content.Audience }),
            CatalogJson.Serialize(content));
    }

    [Fact]
    public void Read_ASheetWithFewerColumns_ChangesOnlyThose()
    {
        var reading = CatalogCsv.Read(Sheet(["承诺时限", "实施编码"], ["2", Code.Value]));

        var content = Assert.Single(reading.Updates).ApplyTo(CatalogRulesTests.Passing());

        Assert.Equal(CatalogJson.Serialize(CatalogRulesTests.Passing() with { PromisedLimit = new TimeLimit(2, TimeLimitUnit.WorkingDays) }), CatalogJson.Serialize(content));
    }

    [Fact]
    public void Read_ReportsEveryBadCellByLineAndColumn()
    {
        var good = Cells(CatalogRulesTests.Passing());
        var badNumber = (string[])good.Clone();
        badNumber[Column("承诺时限")] = "三天";
        badNumber[Column("网上办理深度")] = "四级";
        var emptyName = (string[])good.Clone();
        emptyName[Column("事项名称")] = "";
        emptyName[Column("实施编码")] = "123";

        var reading = CatalogCsv.Read(Sheet([.. CatalogCsv.Headers], good, badNumber, emptyName));

        Assert.Equal(
            [
                (3, Column("承诺时限") + 1, "catalog-csv.not-a-number"),
                (3, Column("网上办理深度") + 1, "catalog-csv.unknown-value"),
                (4, 1, "implementation-code.length"),
                (4, Column("事项名称") + 1, "catalog-csv.value-required"),
            ],
            reading.Problems.Select(p => (p.Location.Line!.Value, p.Location.Column!.Value, p.Error.Code)).Order().ToArray());
        Assert.Equal("line 3, column 13 (承诺时限)", reading.Problems.Single(p => p.Error.Code == "catalog-csv.not-a-number").Location.ToString());
        Assert.Single(reading.Updates);
    }

    [Fact]
    public void Read_QuotedCells_KeepCommasQuotesAndLineBreaks_AndCountTheLines()
    {
        var text = $"实施编码,事项名称\r\n{Code.Value},\"食品,经营\r\n“许可”\"\"证\"\"\"\r\n{Code.Value},'=SUM(1)\r\n";

        var reading = CatalogCsv.Read("\uFEFF" + text);

        Assert.Equal(["食品,经营\r\n“许可”\"证\"", "=SUM(1)"], reading.Updates.Select(u => u.ApplyTo(new ImplementationContent()).Name));
        Assert.Equal([2, 4], reading.Updates.Select(u => u.Origin.Line));
        var duplicate = Assert.Single(reading.Problems);
        Assert.Equal(("catalog-file.duplicate-code", 4, 1), (duplicate.Error.Code, duplicate.Location.Line, duplicate.Location.Column));
    }

    [Fact]
    public void Read_AHeaderWithUnknownColumnsOrNoCode_IsRejected()
    {
        var reading = CatalogCsv.Read(Sheet(["事项名称", "颜色", "事项名称"], ["a", "b", "c"]));

        Assert.Empty(reading.Updates);
        Assert.Equal(
            [(1, (int?)2, "catalog-csv.unknown-column"), (1, 3, "catalog-csv.duplicate-column"), (1, null, "catalog-csv.code-column-required")],
            reading.Problems.Select(p => (p.Location.Line!.Value, p.Location.Column, p.Error.Code)).ToArray());
    }

    [Fact]
    public void Read_AnOpenQuoteOrARaggedRow_IsReported()
    {
        Assert.Equal("catalog-csv.open-quote", Assert.Single(CatalogCsv.Read($"实施编码,事项名称\r\n{Code.Value},\"open").Problems).Error.Code);
        var ragged = Assert.Single(CatalogCsv.Read($"实施编码,事项名称\r\n{Code.Value}\r\n").Problems);
        Assert.Equal(("catalog-csv.cell-count", 2), (ragged.Error.Code, ragged.Location.Line));
    }

    [Fact]
    public void RuleErrorsOfARow_PointAtTheColumnShowingTheElement()
    {
        var origin = new CsvOrigin(7, [.. CatalogCsv.Headers]);

        var promised = origin.Problem(new Invalid("catalog.promised-exceeds-statutory") { Field = nameof(ImplementationContent.PromisedLimit) }, "content");
        var fees = origin.Problem(new Invalid("catalog.fees-required") { Field = nameof(ImplementationContent.Fees) }, "content");
        var process = origin.Problem(new Invalid("catalog.element-required") { Field = nameof(ImplementationContent.Process) }, "content");

        Assert.Equal(new TransferLocation("承诺时限", 7, Column("承诺时限") + 1), promised.Location);
        Assert.Equal(new TransferLocation("是否收费", 7, Column("是否收费") + 1), fees.Location);
        Assert.Equal(new TransferLocation("", 7), process.Location);
    }
}
