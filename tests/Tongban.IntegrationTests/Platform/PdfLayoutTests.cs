using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Documents;

namespace Tongban.IntegrationTests.Platform;

/// <summary>The shared PDF facility on its own: what a reader of the generated document can see and copy.</summary>
public sealed class PdfLayoutTests
{
    private static readonly PdfDocumentWriter Writer = new(Options.Create(new DocumentOptions()), new TestClock());

    [Fact]
    public async Task LongChineseParagraph_WrapsAcrossPages_AndEveryCharacterStaysExtractable()
    {
        var paragraph = string.Concat(Enumerable.Range(1, 60).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"第{i}条，申请人应当如实提交有关材料和反映真实情况，并对其申请材料实质内容的真实性负责。")));

        var pdf = Writer.Write("长段落", layout => layout.Title("长段落").Paragraph(paragraph));

        var pages = await PdfTools.PagesAsync(pdf);
        Assert.True(pages.Count > 1, $"expected the paragraph to need more than one page, got {pages.Count}");
        var body = new StringBuilder();
        for (var number = 1; number <= pages.Count; number++)
        {
            var footer = $"第{number}页共{pages.Count}页";
            var page = PdfTools.Compact(pages[number - 1]);
            Assert.EndsWith(footer, page);
            body.Append(page[..^footer.Length]);
        }

        Assert.Equal("长段落" + PdfTools.Compact(paragraph), body.ToString());
    }

    [Fact]
    public async Task WrappedChinese_NeverStartsALineWithClosingPunctuation_AndKeepsLatinWordsWhole()
    {
        const string code = "11510900MB1234567X3510000000001";
        var paragraph = string.Concat(Enumerable.Repeat($"受理后，窗口人员核对实施编码{code}，并告知申请人。", 25));

        var pdf = Writer.Write("断行", layout => layout.Paragraph(paragraph));

        var lines = string.Concat(await PdfTools.PagesAsync(pdf)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.DoesNotContain(lines, l => l[0] is '，' or '。');
        Assert.Equal(25, lines.Sum(l => CountOf(l, code)));
    }

    [Fact]
    public async Task MixedChineseAndLatinText_BothScriptsAreExtractable()
    {
        var pdf = Writer.Write("混排", layout => layout
            .Heading("基本信息")
            .KeyValues([("承诺办结时限", "10个工作日（比法定时限缩短 71.4%）"), ("咨询电话", "0825-2222333")])
            .Table([new PdfColumn("材料名称", 3), new PdfColumn("份数")], [["营业执照 (副本)", "1"]]));

        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("10个工作日（比法定时限缩短71.4%）", text);
        Assert.Contains("0825-2222333", text);
        Assert.Contains("营业执照(副本)", text);
    }

    [Fact]
    public async Task Fonts_AreEmbedded()
    {
        var pdf = Writer.Write("字体", layout => layout.Paragraph("中文 Latin 123"));

        var fonts = await PdfTools.FontsAsync(pdf);
        Assert.Equal(2, fonts.Count);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        Assert.Contains(fonts, f => f.Name.Contains("Droid Sans Fallback", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.Name.Contains("DejaVu Sans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LongTable_ContinuesOnTheNextPage_WithItsHeaderRepeated()
    {
        var rows = Enumerable.Range(1, 80).Select(i => (IReadOnlyList<string>)[string.Create(CultureInfo.InvariantCulture, $"材料{i}"), "原件"]).ToList();

        var pdf = Writer.Write("表格", layout => layout.Table([new PdfColumn("材料名称", 3), new PdfColumn("形式")], rows));

        var pages = await PdfTools.PagesAsync(pdf);
        Assert.True(pages.Count > 1);
        Assert.All(pages, page => Assert.Contains("材料名称", page));
        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("材料1原件", text);
        Assert.Contains("材料80原件", text);
    }

    [Fact]
    public void MissingFont_FailsNamingTheSetting()
    {
        var writer = new PdfDocumentWriter(Options.Create(new DocumentOptions { CjkFont = "/nonexistent/font.ttf" }), new TestClock());

        var error = Assert.Throws<FileNotFoundException>(() => writer.Write("x", layout => layout.Paragraph("x")));
        Assert.Contains("Tongban:Documents:CjkFont", error.Message, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
