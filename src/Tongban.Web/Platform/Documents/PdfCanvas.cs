using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Tongban.Platform.Documents;

public enum PdfAlign
{
    Left,
    Centre,
    Right,
}

/// <summary>
/// One page drawn at fixed positions (points from the top left), for documents with a face rather
/// than a flow (an e-licence): text in the platform's two fonts through the same <see cref="Typesetter"/>
/// as <see cref="PdfLayout"/>, rules and frames, a QR code and a seal as vector shapes. Handed out by
/// <see cref="PdfDocumentWriter.WritePage"/>.
/// </summary>
public sealed class PdfCanvas
{
    public const double PointsPerCentimetre = 72 / 2.54;

    private static readonly XColor Ink = XColor.FromArgb(0x1a, 0x1a, 0x1a);
    private static readonly XColor SealRed = XColor.FromArgb(0xd4, 0x1f, 0x1f);

    private readonly XGraphics _page;
    private readonly Typesetter _type;

    internal PdfCanvas(XGraphics page, Typesetter type, XSize size)
    {
        _page = page;
        _type = type;
        Width = size.Width;
        Height = size.Height;
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The height of a line of text of <paramref name="size"/> points.</summary>
    public static double LineHeight(double size) => new TextStyle(size, false, Ink).LineHeight;

    public double TextWidth(string text, double size, bool bold = false) => _type.Width(text, new TextStyle(size, bold, Ink));

    /// <summary>One line of text whose box starts at <paramref name="top"/>; <paramref name="x"/> is its left, centre or right edge.</summary>
    public void Text(string text, double x, double top, double size, bool bold = false, PdfAlign align = PdfAlign.Left, XColor? colour = null)
    {
        var style = new TextStyle(size, bold, colour ?? Ink);
        var width = _type.Width(text, style);
        var left = align switch
        {
            PdfAlign.Left => x,
            PdfAlign.Centre => x - (width / 2),
            PdfAlign.Right => x - width,
        };
        _type.Draw(_page, text, style, left, top);
    }

    /// <summary>Text wrapped to <paramref name="width"/> the Chinese way; answers the height it took.</summary>
    public double Paragraph(string text, double x, double top, double width, double size, bool bold = false)
    {
        var style = new TextStyle(size, bold, Ink);
        var y = top;
        foreach (var line in _type.Wrap(text, style, width))
        {
            _type.Draw(_page, line, style, x, y);
            y += style.LineHeight;
        }

        return y - top;
    }

    public void Frame(double x, double y, double width, double height, double lineWidth, XColor colour) =>
        _page.DrawRectangle(new XPen(colour, lineWidth), x, y, width, height);

    public void Rule(double x1, double y1, double x2, double y2, double lineWidth, XColor colour) =>
        _page.DrawLine(new XPen(colour, lineWidth), x1, y1, x2, y2);

    /// <summary>A QR code as black squares, <paramref name="size"/> points wide including its quiet zone, on white.</summary>
    public void Qr(QrMatrix qr, double x, double y, double size)
    {
        ArgumentNullException.ThrowIfNull(qr);
        var module = size / qr.Size;
        _page.DrawRectangle(XBrushes.White, x, y, size, size);
        foreach (var (row, column, length) in qr.Runs())
        {
            _page.DrawRectangle(XBrushes.Black, x + (column * module), y + (row * module), length * module, module);
        }
    }

    /// <summary>
    /// The seal (see <see cref="SealGraphic"/>) centred on (<paramref name="cx"/>, <paramref name="cy"/>): the
    /// name is set as a ring of rotated characters, each still a character of text.
    /// </summary>
    public void Seal(string department, double cx, double cy, double radius)
    {
        var red = new XSolidBrush(SealRed);
        _page.DrawEllipse(new XPen(SealRed, 2 * radius * SealGraphic.RingWidth), cx - (radius * (1 - SealGraphic.RingWidth)), cy - (radius * (1 - SealGraphic.RingWidth)),
            2 * radius * (1 - SealGraphic.RingWidth), 2 * radius * (1 - SealGraphic.RingWidth));

        var characters = department.EnumerateRunes().Select(r => r.ToString()).ToList();
        var style = new TextStyle(radius * SealGraphic.NameSize(characters.Count), true, SealRed);
        var span = SealGraphic.NameSpan(characters.Count);
        var step = characters.Count > 1 ? span / (characters.Count - 1) : 0;
        var textRadius = (radius * SealGraphic.TextRadius) - (style.Size * 0.1);
        for (var i = 0; i < characters.Count; i++)
        {
            var angle = (-span / 2) + (i * step);
            var radians = angle * Math.PI / 180;
            var px = cx + (textRadius * Math.Sin(radians));
            var py = cy - (textRadius * Math.Cos(radians));
            var state = _page.Save();
            _page.RotateAtTransform(angle, new XPoint(px, py));
            _type.Draw(_page, characters[i], style, px - (_type.Width(characters[i], style) / 2), py - (style.LineHeight / 2));
            _page.Restore(state);
        }

        var star = SealGraphic.StarCorners().Select(c => new XPoint(cx + (c.X * radius * SealGraphic.StarRadius), cy + (c.Y * radius * SealGraphic.StarRadius))).ToArray();
        _page.DrawPolygon(red, star, XFillMode.Winding);
        var caption = new TextStyle(radius * SealGraphic.CaptionSize, false, SealRed);
        _type.Draw(_page, SealGraphic.Caption, caption, cx - (_type.Width(SealGraphic.Caption, caption) / 2), cy + (radius * SealGraphic.CaptionOffset) - (caption.LineHeight / 2));
    }
}

/// <summary>The paper of a one-page document.</summary>
public enum PdfPaper
{
    A4Portrait,
    A4Landscape,
}

internal static class PdfPaperSizes
{
    public static XSize Of(PdfPaper paper) => paper switch
    {
        PdfPaper.A4Portrait => new XSize(595.28, 841.89),
        PdfPaper.A4Landscape => new XSize(841.89, 595.28),
    };

    public static PdfPage Add(PdfDocument document, PdfPaper paper)
    {
        var page = document.AddPage();
        var size = Of(paper);
        page.Width = XUnit.FromPoint(size.Width);
        page.Height = XUnit.FromPoint(size.Height);
        return page;
    }
}
