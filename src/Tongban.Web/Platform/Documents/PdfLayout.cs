using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Tongban.Platform.Documents;

/// <summary>A table column: its header and its share of the text width.</summary>
public sealed record PdfColumn(string Header, double Weight = 1);

/// <summary>
/// Flows a document top to bottom over A4 pages: title, headings, wrapped paragraphs and tables
/// whose rows continue on the next page (repeating the header). Pages get "第 N 页 共 M 页" when
/// the document is finished. Handed out by <see cref="PdfDocumentWriter.Write"/>.
/// </summary>
public sealed class PdfLayout
{
    private const double MarginX = 56.7;      // 2 cm
    private const double MarginTop = 56.7;    // 2 cm
    private const double MarginBottom = 70.9; // 2.5 cm, the page number sits inside it
    private const double CellPaddingX = 5;
    private const double CellPaddingY = 3;
    private const double KeyColumnShare = 0.26;

    private static readonly XSize A4 = new(595.28, 841.89);
    private static readonly XPen Rule = new(XColor.FromArgb(0x99, 0x99, 0x99), 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xe8, 0xe8, 0xe8));
    private static readonly XBrush KeyFill = new XSolidBrush(XColor.FromArgb(0xf4, 0xf4, 0xf4));
    private static readonly XBrush Accent = new XSolidBrush(XColor.FromArgb(0x1f, 0x5f, 0xa8));

    private readonly PdfDocument _document;
    private readonly Typesetter _type;
    private XGraphics? _page;
    private double _y;

    internal PdfLayout(PdfDocument document, string cjkFamily, string latinFamily)
    {
        _document = document;
        _type = new Typesetter(cjkFamily, latinFamily, A4);
    }

    private static double TextWidth => A4.Width - (2 * MarginX);

    private static double Bottom => A4.Height - MarginBottom;

    /// <summary>The document's title, centred.</summary>
    public PdfLayout Title(string text)
    {
        foreach (var line in _type.Wrap(text, TextStyle.Title, TextWidth))
        {
            Centred(line, TextStyle.Title);
        }

        _y += 4;
        return this;
    }

    /// <summary>A small grey centred line under the title (code, version, date).</summary>
    public PdfLayout Caption(string text)
    {
        foreach (var line in _type.Wrap(text, TextStyle.Small, TextWidth))
        {
            Centred(line, TextStyle.Small);
        }

        _y += 8;
        return this;
    }

    /// <summary>A section heading, kept on the same page as the first lines after it.</summary>
    public PdfLayout Heading(string text)
    {
        var lines = _type.Wrap(text, TextStyle.Heading, TextWidth - 8);
        _y += 6;
        Room((lines.Count * TextStyle.Heading.LineHeight) + (3 * TextStyle.Body.LineHeight));
        var page = Page;
        page.DrawRectangle(Accent, MarginX, _y + 3, 3, (lines.Count * TextStyle.Heading.LineHeight) - 6);
        foreach (var line in lines)
        {
            _type.Draw(page, line, TextStyle.Heading, MarginX + 8, _y);
            _y += TextStyle.Heading.LineHeight;
        }

        _y += 2;
        return this;
    }

    /// <summary>A bold line introducing a part of a section, kept with what follows.</summary>
    public PdfLayout Subheading(string text)
    {
        var lines = _type.Wrap(text, TextStyle.Strong, TextWidth);
        Room((lines.Count + 3) * TextStyle.Strong.LineHeight);
        foreach (var line in lines)
        {
            _type.Draw(Page, line, TextStyle.Strong, MarginX, _y);
            _y += TextStyle.Strong.LineHeight;
        }

        return this;
    }

    /// <summary>Body text wrapped to the text width; newlines in it start new lines.</summary>
    public PdfLayout Paragraph(string text)
    {
        foreach (var line in _type.Wrap(text, TextStyle.Body, TextWidth))
        {
            Room(TextStyle.Body.LineHeight);
            _type.Draw(Page, line, TextStyle.Body, MarginX, _y);
            _y += TextStyle.Body.LineHeight;
        }

        _y += 4;
        return this;
    }

    /// <summary>A two-column table of labels and values (基本信息 style).</summary>
    public PdfLayout KeyValues(IEnumerable<(string Key, string Value)> rows)
    {
        double[] widths = [TextWidth * KeyColumnShare, TextWidth * (1 - KeyColumnShare)];
        foreach (var (key, value) in rows)
        {
            Row(widths, [key, value], TextStyle.Body, column => column == 0 ? KeyFill : null, repeatHeader: null);
        }

        _y += 6;
        return this;
    }

    /// <summary>A table with a header row (repeated on every page it spans) and wrapped cells.</summary>
    public PdfLayout Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => TextWidth * c.Weight / total).ToArray();
        IReadOnlyList<string> headers = [.. columns.Select(c => c.Header)];
        void Header() => Row(widths, headers, TextStyle.Strong, _ => HeaderFill, repeatHeader: null);

        // The header needs room for itself and the first row; otherwise both start on the next page.
        Room((2 * TextStyle.Strong.LineHeight) + (4 * CellPaddingY));
        Header();
        foreach (var row in rows)
        {
            Row(widths, row, TextStyle.Body, _ => null, Header);
        }

        _y += 6;
        return this;
    }

    /// <summary>
    /// The signing block that ends a sealed document: the issuer and date on the right with the drawn
    /// seal over them, and on the left the QR code (3 cm, printable and scannable) with its caption.
    /// </summary>
    public PdfLayout Sealed(string issuer, string date, QrMatrix qr, string caption)
    {
        const double qrSize = 3 * PdfCanvas.PointsPerCentimetre;
        const double sealRadius = 1.9 * PdfCanvas.PointsPerCentimetre;
        var captionLines = _type.Wrap(caption, TextStyle.Small, TextWidth / 2);
        Room(Math.Max(qrSize + (captionLines.Count * TextStyle.Small.LineHeight), 2 * sealRadius) + 12);
        var top = _y + 6;
        var canvas = new PdfCanvas(Page, _type, A4);
        canvas.Qr(qr, MarginX, top, qrSize);
        var captionTop = top + qrSize;
        foreach (var line in captionLines)
        {
            _type.Draw(Page, line, TextStyle.Small, MarginX, captionTop);
            captionTop += TextStyle.Small.LineHeight;
        }

        // Issuer and date centred under the seal, the way a stamp covers the signature line.
        var centre = MarginX + TextWidth - sealRadius;
        var textTop = top + sealRadius - TextStyle.Body.LineHeight;
        _type.Draw(Page, issuer, TextStyle.Body, centre - (_type.Width(issuer, TextStyle.Body) / 2), textTop);
        _type.Draw(Page, date, TextStyle.Body, centre - (_type.Width(date, TextStyle.Body) / 2), textTop + TextStyle.Body.LineHeight);
        canvas.Seal(issuer, centre, top + sealRadius, sealRadius);
        _y = Math.Max(captionTop, top + (2 * sealRadius)) + 6;
        return this;
    }

    /// <summary>Continues on a new page.</summary>
    public PdfLayout PageBreak()
    {
        NewPage();
        return this;
    }

    /// <summary>Numbers the pages; the document is ready to save.</summary>
    internal void Finish()
    {
        _ = Page; // a document always has at least one page
        _page!.Dispose();
        _page = null;
        var count = _document.PageCount;
        for (var index = 0; index < count; index++)
        {
            using var page = XGraphics.FromPdfPage(_document.Pages[index], XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"第 {index + 1} 页 共 {count} 页");
            var x = MarginX + ((TextWidth - _type.Width(text, TextStyle.Small)) / 2);
            _type.Draw(page, text, TextStyle.Small, x, A4.Height - (MarginBottom / 2) - (TextStyle.Small.LineHeight / 2));
        }
    }

    /// <summary>Releases the drawing surfaces, finished or not.</summary>
    internal void Close()
    {
        _page?.Dispose();
        _page = null;
        _type.Dispose();
    }

    private XGraphics Page
    {
        get
        {
            if (_page is null)
            {
                NewPage();
            }

            return _page!;
        }
    }

    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        _y = MarginTop;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    private void Room(double height)
    {
        if (_page is null || _y + height > Bottom)
        {
            NewPage();
        }
    }

    private void Centred(string line, TextStyle style)
    {
        Room(style.LineHeight);
        _type.Draw(Page, line, style, MarginX + ((TextWidth - _type.Width(line, style)) / 2), _y);
        _y += style.LineHeight;
    }

    /// <summary>
    /// One table row. A row taller than what is left of the page continues on the next one, where
    /// <paramref name="repeatHeader"/> draws the table's header first; a single line is never left behind alone.
    /// </summary>
    private void Row(double[] widths, IReadOnlyList<string> cells, TextStyle style, Func<int, XBrush?> fill, Action? repeatHeader)
    {
        var lines = widths.Select((width, column) => _type.Wrap(column < cells.Count ? cells[column] : "", style, width - (2 * CellPaddingX))).ToArray();
        var total = lines.Max(l => l.Count);
        var drawn = 0;
        while (drawn < total)
        {
            var left = total - drawn;
            var fits = _page is null ? 0 : (int)Math.Floor((Bottom - _y - (2 * CellPaddingY)) / style.LineHeight);
            if (fits < Math.Min(left, 2))
            {
                NewPage();
                repeatHeader?.Invoke();
                continue;
            }

            var count = Math.Min(fits, left);
            var height = (count * style.LineHeight) + (2 * CellPaddingY);
            var x = MarginX;
            for (var column = 0; column < widths.Length; column++)
            {
                if (fill(column) is { } brush)
                {
                    Page.DrawRectangle(brush, x, _y, widths[column], height);
                }

                Page.DrawRectangle(Rule, x, _y, widths[column], height);
                var top = _y + CellPaddingY;
                foreach (var line in lines[column].Skip(drawn).Take(count))
                {
                    _type.Draw(Page, line, style, x + CellPaddingX, top);
                    top += style.LineHeight;
                }

                x += widths[column];
            }

            _y += height;
            drawn += count;
        }
    }
}
