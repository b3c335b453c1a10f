using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Tongban.Platform.Documents;

/// <summary>
/// PDFsharp's font resolver over font files on disk. PDFsharp accepts one resolver per process and
/// caches faces globally, so this one is installed once (with the AGPL licence selection) and maps
/// a family name derived from each file's full path to that file: hosts configured with different
/// fonts in one process (tests) never see each other's faces.
/// </summary>
internal sealed class FontFiles : IFontResolver
{
    private const string BoldSuffix = "|bold";
    private static readonly Lock Gate = new();
    private static FontFiles? _installed;

    private readonly ConcurrentDictionary<string, string> _pathsByFamily = new(StringComparer.OrdinalIgnoreCase);

    private FontFiles() { }

    /// <summary>The process's resolver, installed into PDFsharp on first use.</summary>
    public static FontFiles Installed
    {
        get
        {
            lock (Gate)
            {
                if (_installed is null)
                {
                    // Tongban is AGPL-3.0 itself (see LICENSE), which is what PDFsharp's AGPL licence asks for.
                    PdfSharpLicense.SetAgplLicense();
                    _installed = new FontFiles();
                    GlobalFontSettings.FontResolver = _installed;
                }

                return _installed;
            }
        }
    }

    /// <summary>The family name under which <paramref name="path"/> resolves.</summary>
    /// <param name="setting">The configuration key that named the file, for the error message.</param>
    public string FamilyOf(string path, string setting)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException(
                $"Font file {full} ({DocumentOptions.Section}:{setting}) does not exist. Install Debian's fonts-droid-fallback and fonts-dejavu-core (./run.sh does) or point the setting at a TrueType font.",
                full);
        }

        var family = "tongban-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16];
        _pathsByFamily.TryAdd(family, full);
        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _pathsByFamily.ContainsKey(familyName)
            ? new FontResolverInfo(bold ? familyName + BoldSuffix : familyName, bold ? XStyleSimulations.BoldSimulation : XStyleSimulations.None)
            : null;

    public byte[]? GetFont(string faceName) =>
        _pathsByFamily.TryGetValue(faceName.EndsWith(BoldSuffix, StringComparison.Ordinal) ? faceName[..^BoldSuffix.Length] : faceName, out var path)
            ? File.ReadAllBytes(path)
            : null;
}
