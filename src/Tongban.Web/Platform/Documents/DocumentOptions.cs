namespace Tongban.Platform.Documents;

/// <summary>
/// The "Tongban:Documents" configuration section: the TrueType fonts every generated PDF embeds.
/// The CJK font carries the Chinese text; the Latin font carries digits, letters and the Western
/// punctuation the CJK font lacks. Defaults are Debian's fonts-droid-fallback and fonts-dejavu-core.
/// </summary>
public sealed class DocumentOptions
{
    public const string Section = "Tongban:Documents";

    public string CjkFont { get; set; } = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    public string LatinFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}
