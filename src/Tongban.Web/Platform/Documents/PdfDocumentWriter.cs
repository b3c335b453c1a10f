using Microsoft.Extensions.Options;
using PdfSharp.Pdf;

namespace Tongban.Platform.Documents;

/// <summary>
/// Writes the platform's PDF documents (item guides, case receipts, e-licences): A4 pages laid out
/// by <see cref="PdfLayout"/>, Chinese and Latin text in the configured fonts, embedded as subsets
/// and extractable as text. Thread-safe; one per process.
/// </summary>
public sealed class PdfDocumentWriter(IOptions<DocumentOptions> options, TimeProvider time)
{
    public const string ContentType = "application/pdf";

    /// <summary>Lays out a document with <paramref name="compose"/> and answers the PDF's bytes.</summary>
    /// <param name="title">The document's title in its properties (what a PDF viewer shows as the window title).</param>
    public byte[] Write(string title, Action<PdfLayout> compose)
    {
        var fonts = FontFiles.Installed;
        var cjk = fonts.FamilyOf(options.Value.CjkFont, nameof(DocumentOptions.CjkFont));
        var latin = fonts.FamilyOf(options.Value.LatinFont, nameof(DocumentOptions.LatinFont));
        using var document = NewDocument(title);
        var layout = new PdfLayout(document, cjk, latin);
        try
        {
            compose(layout);
            layout.Finish();
        }
        finally
        {
            layout.Close();
        }

        return Save(document);
    }

    /// <summary>Draws a one-page document with fixed positions (an e-licence's face) and answers the PDF's bytes.</summary>
    public byte[] WritePage(string title, PdfPaper paper, Action<PdfCanvas> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var fonts = FontFiles.Installed;
        var cjk = fonts.FamilyOf(options.Value.CjkFont, nameof(DocumentOptions.CjkFont));
        var latin = fonts.FamilyOf(options.Value.LatinFont, nameof(DocumentOptions.LatinFont));
        using var document = NewDocument(title);
        var size = PdfPaperSizes.Of(paper);
        using var type = new Typesetter(cjk, latin, size);
        using (var graphics = PdfSharp.Drawing.XGraphics.FromPdfPage(PdfPaperSizes.Add(document, paper)))
        {
            draw(new PdfCanvas(graphics, type, size));
        }

        return Save(document);
    }

    private PdfDocument NewDocument(string title)
    {
        var document = new PdfDocument();
        var now = time.GetUtcNow().UtcDateTime;
        document.Info.Title = title;
        document.Info.Creator = "Tongban 通办";
        document.Info.CreationDate = now;
        document.Info.ModificationDate = now;
        return document;
    }

    private static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}

public static class DocumentsRegistration
{
    /// <summary>Registers <see cref="PdfDocumentWriter"/>; every module that writes documents calls it, the first call counts.</summary>
    public static IServiceCollection AddPdfDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(PdfDocumentWriter)))
        {
            return services;
        }

        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<PdfDocumentWriter>();
        return services;
    }
}
