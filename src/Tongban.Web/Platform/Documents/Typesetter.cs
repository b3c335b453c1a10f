using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Tongban.Platform.Documents;

/// <summary>A size, weight and colour of text.</summary>
internal sealed record TextStyle(double Size, bool Bold, XColor Color)
{
    public static readonly TextStyle Title = new(18, true, XColor.FromArgb(0x1a, 0x1a, 0x1a));
    public static readonly TextStyle Heading = new(13, true, XColor.FromArgb(0x1a, 0x1a, 0x1a));
    public static readonly TextStyle Body = new(10.5, false, XColor.FromArgb(0x1a, 0x1a, 0x1a));
    public static readonly TextStyle Strong = new(10.5, true, XColor.FromArgb(0x1a, 0x1a, 0x1a));
    public static readonly TextStyle Small = new(9, false, XColor.FromArgb(0x55, 0x55, 0x55));

    /// <summary>Chinese text reads best with generous leading.</summary>
    public double LineHeight => Size * 1.6;
}

/// <summary>
/// Sets mixed Chinese and Latin text with two fonts: each character goes to the Latin font when
/// that font has a glyph for it and to the CJK font otherwise, so digits and letters keep their
/// shapes and every run stays extractable as text. Wraps lines the Chinese way: a break may fall
/// between any two CJK characters, Latin words stay whole, and closing punctuation never starts a
/// line (nor opening punctuation end one).
/// </summary>
internal sealed class Typesetter : IDisposable
{
    private const string NoLineStart = "，。、；：？！）》」』】〕〉”’…·%,.;:?!)]}";
    private const string NoLineEnd = "（《「『【〔〈“‘([{";
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private readonly string _cjkFamily;
    private readonly string _latinFamily;
    private readonly XGraphics _measure;
    private readonly Dictionary<(double Size, bool Bold), (XFont Cjk, XFont Latin)> _fonts = [];
    private readonly Dictionary<int, bool> _latinHas = [];
    private readonly Dictionary<(int CodePoint, double Size, bool Bold), double> _widths = [];

    public Typesetter(string cjkFamily, string latinFamily, XSize page)
    {
        _cjkFamily = cjkFamily;
        _latinFamily = latinFamily;
        _measure = XGraphics.CreateMeasureContext(page, XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public double Width(string text, TextStyle style)
    {
        var width = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune, style);
        }

        return width;
    }

    /// <summary>The lines <paramref name="text"/> takes in <paramref name="width"/> points; newlines in the text are kept.</summary>
    public IReadOnlyList<string> Wrap(string text, TextStyle style, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Normalise(text).Split('\n'))
        {
            var line = new StringBuilder();
            var used = 0.0;
            foreach (var piece in Pieces(paragraph))
            {
                var pieceWidth = Width(piece, style);
                if (piece == " ")
                {
                    if (line.Length > 0)
                    {
                        line.Append(' ');
                        used += pieceWidth;
                    }

                    continue;
                }

                if (used + pieceWidth <= width)
                {
                    line.Append(piece);
                    used += pieceWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                    used = 0;
                }

                // A piece wider than the line (a long code or address) breaks between characters.
                foreach (var rune in piece.EnumerateRunes())
                {
                    var runeWidth = Width(rune, style);
                    if (used + runeWidth > width && line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        used = 0;
                    }

                    line.Append(rune.ToString());
                    used += runeWidth;
                }
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>Draws one line whose box starts at <paramref name="top"/>, run by run, each in its font.</summary>
    public void Draw(XGraphics graphics, string line, TextStyle style, double x, double top)
    {
        var brush = new XSolidBrush(style.Color);
        var baseline = top + ((style.LineHeight - style.Size) / 2) + (style.Size * 0.95);
        var run = new StringBuilder();
        XFont? runFont = null;
        foreach (var rune in line.EnumerateRunes())
        {
            var font = FontFor(rune, style);
            if (runFont is not null && !ReferenceEquals(font, runFont))
            {
                x = DrawRun(graphics, run, runFont, brush, style, x, baseline);
            }

            runFont = font;
            run.Append(rune.ToString());
        }

        if (runFont is not null)
        {
            DrawRun(graphics, run, runFont, brush, style, x, baseline);
        }
    }

    public void Dispose() => _measure.Dispose();

    private double DrawRun(XGraphics graphics, StringBuilder run, XFont font, XBrush brush, TextStyle style, double x, double baseline)
    {
        var text = run.ToString();
        graphics.DrawString(text, font, brush, x, baseline, XStringFormats.BaseLineLeft);
        run.Clear();
        return x + Width(text, style);
    }

    /// <summary>Unbreakable pieces: single CJK characters, Latin words and single spaces, with punctuation glued on.</summary>
    private List<string> Pieces(string paragraph)
    {
        var raw = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in paragraph.EnumerateRunes())
        {
            if (rune.Value == ' ' || !LatinHas(rune))
            {
                if (word.Length > 0)
                {
                    raw.Add(word.ToString());
                    word.Clear();
                }

                raw.Add(rune.ToString());
            }
            else
            {
                word.Append(rune.ToString());
            }
        }

        if (word.Length > 0)
        {
            raw.Add(word.ToString());
        }

        var pieces = new List<string>(raw.Count);
        var glueToNext = false;
        foreach (var piece in raw)
        {
            if (piece == " ")
            {
                pieces.Add(piece);
                glueToNext = false;
                continue;
            }

            var glueToPrevious = pieces.Count > 0 && pieces[^1] != " " && NoLineStart.Contains(piece[0], StringComparison.Ordinal);
            if ((glueToNext || glueToPrevious) && pieces.Count > 0 && pieces[^1] != " ")
            {
                pieces[^1] += piece;
            }
            else
            {
                pieces.Add(piece);
            }

            glueToNext = NoLineEnd.Contains(piece[^1], StringComparison.Ordinal);
        }

        return pieces;
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            builder.Append(c switch
            {
                '\r' or '\n' => "\n",
                '\t' => " ",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private double Width(Rune rune, TextStyle style)
    {
        var key = (rune.Value, style.Size, style.Bold);
        if (!_widths.TryGetValue(key, out var width))
        {
            width = _measure.MeasureString(rune.ToString(), FontFor(rune, style)).Width;
            _widths[key] = width;
        }

        return width;
    }

    private XFont FontFor(Rune rune, TextStyle style) => LatinHas(rune) ? Fonts(style).Latin : Fonts(style).Cjk;

    private (XFont Cjk, XFont Latin) Fonts(TextStyle style)
    {
        var key = (style.Size, style.Bold);
        if (!_fonts.TryGetValue(key, out var pair))
        {
            var weight = style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
            pair = (new XFont(_cjkFamily, style.Size, weight, Embedded), new XFont(_latinFamily, style.Size, weight, Embedded));
            _fonts[key] = pair;
        }

        return pair;
    }

    private bool LatinHas(Rune rune)
    {
        if (!_latinHas.TryGetValue(rune.Value, out var has))
        {
            has = GlyphHelper.GlyphIndexFromCodePoint(rune.Value, Fonts(TextStyle.Body).Latin) != 0;
            _latinHas[rune.Value] = has;
        }

        return has;
    }
}
