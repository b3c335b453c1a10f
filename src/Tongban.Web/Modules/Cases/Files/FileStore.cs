using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Tongban.Platform;

namespace Tongban.Modules.Cases.Files;

/// <summary>Where uploaded material files live, keyed by the SHA-256 of their content (the same bytes are stored once).</summary>
public interface IFileStore
{
    /// <summary>Stores the bytes under <paramref name="sha256"/> (lower-case hex) and answers the storage key.</summary>
    Task<string> SaveAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<Stream?> OpenAsync(string storageKey, CancellationToken cancellationToken);
}

/// <summary>The antivirus hook: called before a file is stored. Answers false to reject the file.</summary>
public interface IMalwareScanner
{
    Task<bool> IsCleanAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken);
}

/// <summary>No scanner installed: every file passes. Register a real <see cref="IMalwareScanner"/> to replace it.</summary>
internal sealed class NoMalwareScanner : IMalwareScanner
{
    public Task<bool> IsCleanAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken) => Task.FromResult(true);
}

/// <summary>Upload limits (Tongban:Cases:Files).</summary>
public sealed class FileLimits
{
    public const string Section = "Tongban:Cases:Files";

    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    public long MaxCaseBytes { get; set; } = 50 * 1024 * 1024;
}

/// <summary>Local disk under Tongban:DataDirectory/files, two levels of hash-prefix folders.</summary>
internal sealed class LocalFileStore(IOptions<TongbanOptions> options) : IFileStore
{
    private readonly string _root = Path.GetFullPath(Path.Combine(options.Value.DataDirectory, "files"));

    public async Task<string> SaveAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var key = $"{sha256[..2]}/{sha256[2..4]}/{sha256}";
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        return key;
    }

    public Task<Stream?> OpenAsync(string storageKey, CancellationToken cancellationToken)
    {
        var path = PathOf(storageKey);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("Storage key leaves the file store.", nameof(key));
    }

    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

/// <summary>What a file is, judged by its first bytes (never by its name, except that an OFD is a ZIP named .ofd).</summary>
public static class FileContent
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Ofd = "application/ofd";

    /// <summary>The content type, or null when the content is none of PDF, JPEG, PNG or OFD.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        return content.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) && fileName.EndsWith(".ofd", StringComparison.OrdinalIgnoreCase)
            ? Ofd
            : null;
    }
}
