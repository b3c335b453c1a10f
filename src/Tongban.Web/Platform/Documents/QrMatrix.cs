using System.Globalization;
using System.Net;
using System.Text;
using QRCoder;

namespace Tongban.Platform.Documents;

/// <summary>
/// The modules of a QR code (QRCoder, error correction level M, byte mode) including the 4-module
/// quiet zone, drawn by callers as vector squares: black boxes in a PDF (<see cref="PdfCanvas.Qr"/>),
/// one SVG path on a page (<see cref="ToSvg"/>). Never a raster image.
/// </summary>
public sealed class QrMatrix
{
    private readonly bool[,] _dark;

    private QrMatrix(bool[,] dark) => _dark = dark;

    /// <summary>Modules per side, quiet zone included.</summary>
    public int Size => _dark.GetLength(0);

    public bool IsDark(int row, int column) => _dark[row, column];

    public static QrMatrix For(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count;
        var dark = new bool[size, size];
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                dark[row, column] = data.ModuleMatrix[row][column];
            }
        }

        return new QrMatrix(dark);
    }

    /// <summary>
    /// The dark modules as runs per row (row, first column, length): neighbouring modules drawn as one
    /// box leave no hairline gaps between them in a viewer.
    /// </summary>
    public IEnumerable<(int Row, int Column, int Length)> Runs()
    {
        for (var row = 0; row < Size; row++)
        {
            var column = 0;
            while (column < Size)
            {
                if (!_dark[row, column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < Size && _dark[row, column])
                {
                    column++;
                }

                yield return (row, start, column - start);
            }
        }
    }

    /// <summary>An inline SVG (for server-rendered pages): white background, black modules, <paramref name="pixels"/> wide.</summary>
    /// <param name="label">What a screen reader says for the image.</param>
    public string ToSvg(int pixels, string label)
    {
        var path = new StringBuilder();
        foreach (var (row, column, length) in Runs())
        {
            path.Append(CultureInfo.InvariantCulture, $"M{column} {row}h{length}v1h-{length}z");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 {Size} {Size}\" width=\"{pixels}\" height=\"{pixels}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{Size}\" height=\"{Size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>");
    }
}
