using System.Globalization;
using PdfSharp.Drawing;
using Tongban.Domain.Licences;
using Tongban.Modules.Licences.Features.Wallet;
using Tongban.Platform.Documents;

namespace Tongban.Modules.Licences.Features.RenderLicence;

/// <summary>
/// The face of an e-licence on A4 landscape, in Chinese, from its type's template: title and subtitle,
/// the holder with their full code (it is the holder's own document), the identifier, the fields by
/// label in the template's order, validity (长期 when open-ended), the QR code of the verification
/// link (4.5 cm, "扫码核验") and the issuer's name and date under the drawn seal. All text is text.
/// </summary>
public static class LicencePdf
{
    private const double QrSize = 4.5 * PdfCanvas.PointsPerCentimetre;
    private static readonly XColor Border = XColor.FromArgb(0x9a, 0x6b, 0x1f);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    public static string FileName(Licence licence)
    {
        ArgumentNullException.ThrowIfNull(licence);
        return $"{licence.TypeName}-{licence.Identifier.Value}.pdf";
    }

    public static byte[] Write(PdfDocumentWriter writer, LicenceCard card)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(card);
        var l = card.Licence;
        return writer.WritePage($"{card.Template.Title} {l.Identifier.Value}", PdfPaper.A4Landscape, page => Draw(page, card));
    }

    /// <summary>"2026年3月2日".</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>"2026年3月2日至2031年3月1日", or "长期" from the start when open-ended.</summary>
    public static string Validity(Licence licence)
    {
        ArgumentNullException.ThrowIfNull(licence);
        return licence.ValidUntil is { } until ? $"{Date(licence.ValidFrom)}至{Date(until)}" : $"{Date(licence.ValidFrom)}起 长期";
    }

    private static void Draw(PdfCanvas page, LicenceCard card)
    {
        var l = card.Licence;
        const double margin = 28;
        page.Frame(margin, margin, page.Width - (2 * margin), page.Height - (2 * margin), 3, Border);
        page.Frame(margin + 7, margin + 7, page.Width - (2 * margin) - 14, page.Height - (2 * margin) - 14, 0.8, Border);

        var centre = page.Width / 2;
        var y = 62.0;
        page.Text(card.Template.Title, centre, y, 30, bold: true, align: PdfAlign.Centre);
        y += PdfCanvas.LineHeight(30) + 2;
        if (!string.IsNullOrWhiteSpace(card.Template.Subtitle))
        {
            page.Text(card.Template.Subtitle, centre, y, 14, align: PdfAlign.Centre, colour: Muted);
            y += PdfCanvas.LineHeight(14);
        }

        // Left: the particulars; right: the QR code.
        const double left = 80;
        const double labelWidth = 130;
        var qrLeft = page.Width - 80 - QrSize;
        var valueWidth = qrLeft - 30 - left - labelWidth;
        y = Math.Max(y + 18, 140);
        var codeLabel = l.Holder.CodeType == HolderCodeType.IdNumber ? "公民身份号码" : "统一社会信用代码";
        var rows = new List<LicenceFieldValue>
        {
            new("持证主体", l.Holder.Name),
            new(codeLabel, l.Holder.Code),
        };
        rows.AddRange(card.Fields);
        rows.Add(new("有效期", Validity(l)));
        rows.Add(new("证照编号", l.Identifier.Value));
        foreach (var row in rows)
        {
            var size = row.Label == "证照编号" ? 10 : 13;
            page.Text(row.Label, left, y + (row.Label == "证照编号" ? 2 : 0), 12, colour: Muted);
            var height = page.Paragraph(row.Value, left + labelWidth, y, valueWidth, size);
            y += Math.Max(height, PdfCanvas.LineHeight(13)) + 8;
        }

        const double qrTop = 150;
        page.Qr(QrMatrix.For(card.VerificationUrl), qrLeft, qrTop, QrSize);
        page.Text("扫码核验", qrLeft + (QrSize / 2), qrTop + QrSize + 6, 12, align: PdfAlign.Centre);

        // The issuer and the date, the seal over them.
        var issuerCentre = page.Width - 80 - (QrSize / 2) - 40;
        var issuerTop = page.Height - 150;
        page.Text($"发证机关：{l.IssuerName}", issuerCentre, issuerTop, 13, align: PdfAlign.Centre);
        page.Text(Date(l.IssuedOn), issuerCentre, issuerTop + PdfCanvas.LineHeight(13) + 4, 13, align: PdfAlign.Centre);
        page.Seal(l.IssuerName, issuerCentre, issuerTop + PdfCanvas.LineHeight(13), 52);

        if (!string.IsNullOrWhiteSpace(card.Template.Footer))
        {
            page.Text(card.Template.Footer, centre, page.Height - margin - 32, 10, align: PdfAlign.Centre, colour: Muted);
        }
    }
}
