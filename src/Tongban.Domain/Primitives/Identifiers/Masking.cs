using System.Globalization;

namespace Tongban.Domain.Primitives;

/// <summary>
/// Hides personal data for display and logs. Counts user-perceived characters, so a rare surname
/// outside the Basic Multilingual Plane is one character, not two halves of a surrogate pair.
/// </summary>
public static class Masking
{
    /// <summary>A valid 公民身份号码 shows as <see cref="IdNumber.Masked"/>; anything else keeps its first and last character.</summary>
    public static string MaskIdNumber(string? value)
    {
        // Masking is about the format, not the holder's age: the latest possible "today" turns off only the future-date rule.
        return IdNumber.Parse(value, DateOnly.MaxValue).TryGet(out var id, out _) ? id.Masked : MaskMiddle(value, 1, 1);
    }

    /// <summary>Keeps the first character: 张三 → 张*, 欧阳娜娜 → 欧***.</summary>
    public static string MaskName(string? value) => MaskMiddle(value, 1, 0);

    /// <summary>Mobile-length numbers keep the first 3 and last 4 (138****5678); shorter ones the first and last.</summary>
    public static string MaskPhone(string? value) =>
        value?.Trim().Length >= 11 ? MaskMiddle(value, 3, 4) : MaskMiddle(value, 1, 1);

    /// <summary>
    /// Replaces all but the first <paramref name="keepStart"/> and last <paramref name="keepEnd"/>
    /// characters with '*'. When that would hide nothing, everything is hidden.
    /// </summary>
    internal static string MaskMiddle(string? value, int keepStart, int keepEnd)
    {
        var text = new StringInfo(value?.Trim() ?? "");
        var length = text.LengthInTextElements;
        if (length <= keepStart + keepEnd)
        {
            return new string('*', length);
        }

        var end = keepEnd == 0 ? "" : text.SubstringByTextElements(length - keepEnd, keepEnd);
        return text.SubstringByTextElements(0, keepStart) + new string('*', length - keepStart - keepEnd) + end;
    }
}
