using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Licences.Features.DefineLicenceType;

/// <summary>
/// The fields of a licence type as the admin page edits them without JavaScript: one field a line,
/// <c>key|名称|kind|required|public|payload</c>. kind: text, date or number (文本/日期/数字);
/// required or optional (必填/选填); public or private (公开/不公开); payload or - (二维码). Only key
/// and 名称 are needed: a field is text, required and public, not in the QR code, by default.
/// </summary>
public static class FieldLines
{
    public const string Field = "FieldLines";

    public static Result<IReadOnlyList<LicenceFieldInput>> Parse(string? text)
    {
        var fields = new List<LicenceFieldInput>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            var kind = parts.ElementAtOrDefault(2) switch
            {
                null or "" or "text" or "文本" => LicenceFieldKind.Text,
                "date" or "日期" => LicenceFieldKind.Date,
                "number" or "数字" => LicenceFieldKind.Number,
                _ => (LicenceFieldKind?)null,
            };
            var required = Flag(parts.ElementAtOrDefault(3), ["required", "必填"], ["optional", "选填"], true);
            var isPublic = Flag(parts.ElementAtOrDefault(4), ["public", "公开"], ["private", "不公开"], true);
            var payload = Flag(parts.ElementAtOrDefault(5), ["payload", "二维码"], ["-", "no"], false);
            if (parts.Length is < 2 or > 6 || parts[0].Length == 0 || parts[1].Length == 0 || kind is null || required is null || isPublic is null || payload is null)
            {
                return new Invalid("licences.type-field-line", i + 1, line) { Field = Field };
            }

            fields.Add(new LicenceFieldInput(parts[0], parts[1], kind.Value, required.Value, isPublic.Value, payload.Value));
        }

        return fields;
    }

    public static string Format(IEnumerable<LicenceFieldInput> fields) =>
        string.Join("\n", fields.Select(f => string.Join('|',
            f.Key, f.Label, f.Kind.ToString().ToLowerInvariant(), f.Required ? "required" : "optional", f.Public ? "public" : "private", f.InPayload ? "payload" : "-")));

    private static bool? Flag(string? value, string[] yes, string[] no, bool absent) =>
        string.IsNullOrEmpty(value) ? absent : yes.Contains(value) ? true : no.Contains(value) ? false : null;
}
