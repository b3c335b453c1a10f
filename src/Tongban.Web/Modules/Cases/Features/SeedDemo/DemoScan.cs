using System.Security.Cryptography;
using Tongban.Domain.Cases;
using Tongban.Modules.Cases.Files;
using Tongban.Platform.Documents;

namespace Tongban.Modules.Cases.Features.SeedDemo;

/// <summary>A one-page PDF standing for scanned paper in the demo city's cases, stored in the file store.</summary>
internal static class DemoScan
{
    public static async Task<FileReference> SaveAsync(PdfDocumentWriter pdf, IFileStore files, string title, string text, CancellationToken cancellationToken)
    {
        var bytes = pdf.Write(title, layout => layout.Title(title).Paragraph(text));
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = await files.SaveAsync(sha, bytes, cancellationToken);
        return FileReference.Create(key, sha, bytes.Length, PdfDocumentWriter.ContentType, title + ".pdf").Value;
    }
}
