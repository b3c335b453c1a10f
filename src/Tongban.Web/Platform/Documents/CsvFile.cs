using System.Text;

namespace Tongban.Platform.Documents;

/// <summary>
/// CSV as Excel opens it (RFC 4180): UTF-8 with a byte-order mark (without it Excel reads Chinese as
/// the local ANSI code page), CRLF line ends, cells quoted when they hold a comma, quote or line
/// break, and cells a spreadsheet would run as a formula (=, +, -, @) prefixed with an apostrophe.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
