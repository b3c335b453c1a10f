using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Tongban.IntegrationTests.Platform;

/// <summary>
/// Reads a PDF the way a person's tools do, with poppler-utils (./test.sh installs them): the text
/// a reader would copy out of it, its pages, its fonts and its QR codes.
/// </summary>
internal static partial class PdfTools
{
    /// <summary>
    /// The text of each page in the order it is drawn, which is the order a viewer copies it in and
    /// a screen reader reads it: a table cell's lines stay together (pdftotext separates pages with form feeds).
    /// </summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(byte[] pdf)
    {
        var text = await RunAsync("pdftotext", pdf, "-raw", "-enc", "UTF-8", "{pdf}", "-");
        return text.Split('\f')[..^1];
    }

    /// <summary>All the text, with white space removed: Chinese has no spaces, and where one line ends is layout, not content.</summary>
    public static async Task<string> TextAsync(byte[] pdf) => Compact(string.Concat(await PagesAsync(pdf)));

    public static string Compact(string text) => WhiteSpace().Replace(text, "");

    /// <summary>pdffonts' rows: font name and whether it is embedded.</summary>
    public static async Task<IReadOnlyList<(string Name, bool Embedded)>> FontsAsync(byte[] pdf)
    {
        // Fixed-width columns, delimited by the dashes under the header: name, type, encoding, emb, sub, uni, object ID.
        var lines = (await RunAsync("pdffonts", pdf, "{pdf}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var columns = Dashes().Matches(lines[1]).Select(m => (m.Index, m.Length)).ToArray();
        string Cell(string line, int column) => line[columns[column].Index..Math.Min(line.Length, columns[column].Index + columns[column].Length)].Trim();
        return [.. lines.Skip(2).Select(line => (Cell(line, 0), Cell(line, 3) == "yes"))];
    }

    /// <summary>
    /// The QR codes on the first page as a phone would read them from paper: the page rasterised at
    /// 200 dpi (pdftoppm) and scanned with zbarimg (zbar-tools), one decoded text per code.
    /// </summary>
    public static async Task<IReadOnlyList<string>> QrCodesAsync(byte[] pdf)
    {
        var image = Path.Combine(Path.GetTempPath(), $"tongban-{Guid.NewGuid():N}");
        try
        {
            await RunAsync("pdftoppm", pdf, "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", "{pdf}", image);
            var codes = await RunToolAsync("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", $"{image}.png"]);
            return codes.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete($"{image}.png");
        }
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"tongban-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            return await RunToolAsync(tool, [.. arguments.Select(argument => argument == "{pdf}" ? file : argument)]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (install poppler-utils and zbar-tools).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
        return await output;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("-+")]
    private static partial Regex Dashes();
}
