using System.Globalization;
using System.Net;
using System.Text;

namespace Tongban.Platform.Documents;

/// <summary>
/// The drawn 电子印章 (a picture of the seal, not the signature: that is the payload's ES256
/// signature): a red ring, the department's name along the upper arc, a five-pointed star in the
/// middle and "电子印章" under it. The same geometry for PDF (<see cref="PdfCanvas.Seal"/>) and SVG.
/// </summary>
public static class SealGraphic
{
    public const string Red = "#d41f1f";
    public const string Caption = "电子印章";

    /// <summary>Ring stroke, star and text sizes as shares of the seal's radius.</summary>
    internal const double RingWidth = 0.06;
    internal const double TextRadius = 0.74;
    internal const double StarRadius = 0.3;
    internal const double CaptionOffset = 0.5;
    internal const double CaptionSize = 0.17;

    /// <summary>The size of the name's characters so that they fit the arc, as a share of the radius.</summary>
    internal static double NameSize(int characters) =>
        Math.Min(0.26, TextRadius * NameSpan(characters) * Math.PI / 180 / Math.Max(characters, 1) * 0.85);

    /// <summary>The arc the name spans (degrees, centred on the top): wider for longer names, at most 250°.</summary>
    internal static double NameSpan(int characters) => Math.Min(250, characters * 25.0);

    /// <summary>The star's ten corners around (0, 0) with radius 1, y pointing down, first corner at the top.</summary>
    internal static IReadOnlyList<(double X, double Y)> StarCorners()
    {
        var corners = new List<(double X, double Y)>(10);
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? 1.0 : 0.382;
            var angle = (-90 + (i * 36)) * Math.PI / 180;
            corners.Add((radius * Math.Cos(angle), radius * Math.Sin(angle)));
        }

        return corners;
    }

    /// <summary>An inline SVG of the seal, <paramref name="pixels"/> wide; <paramref name="id"/> keeps its arc unique on the page.</summary>
    public static string ToSvg(string department, int pixels, string id)
    {
        const double r = 100;
        var name = WebUtility.HtmlEncode(department);
        var characters = department.EnumerateRunes().Count();
        var textRadius = r * TextRadius;
        var span = NameSpan(characters) * Math.PI / 180;
        double X(double angle) => r + (textRadius * Math.Sin(angle));
        double Y(double angle) => r - (textRadius * Math.Cos(angle));
        var star = new StringBuilder();
        foreach (var (x, y) in StarCorners())
        {
            star.Append(CultureInfo.InvariantCulture, $"{r + (x * r * StarRadius):0.##},{r + (y * r * StarRadius):0.##} ");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"seal\" viewBox=\"0 0 {2 * r} {2 * r}\" width=\"{pixels}\" height=\"{pixels}\" role=\"img\" aria-label=\"{Caption}：{name}\">"
            + $"<circle cx=\"{r}\" cy=\"{r}\" r=\"{r * (1 - RingWidth)}\" fill=\"none\" stroke=\"{Red}\" stroke-width=\"{2 * r * RingWidth}\"/>"
            + $"<path id=\"seal-arc-{id}\" fill=\"none\" d=\"M{X(-span / 2):0.##} {Y(-span / 2):0.##}A{textRadius} {textRadius} 0 {(span > Math.PI ? 1 : 0)} 1 {X(span / 2):0.##} {Y(span / 2):0.##}\"/>"
            + $"<text fill=\"{Red}\" font-size=\"{r * NameSize(characters) * 1.1:0.#}\" font-weight=\"bold\"><textPath href=\"#seal-arc-{id}\" startOffset=\"50%\" text-anchor=\"middle\" dominant-baseline=\"middle\">{name}</textPath></text>"
            + $"<polygon fill=\"{Red}\" points=\"{star.ToString().TrimEnd()}\"/>"
            + $"<text fill=\"{Red}\" x=\"{r}\" y=\"{r + (r * CaptionOffset) + (r * CaptionSize * 0.35):0.#}\" font-size=\"{r * CaptionSize:0.#}\" text-anchor=\"middle\">{Caption}</text></svg>");
    }
}
