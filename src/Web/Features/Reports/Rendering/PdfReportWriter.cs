using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>
/// Lays blocks of text and simple charts down A4 pages top to bottom, starting a new page when a block does not fit.
/// </summary>
internal sealed class PdfReportWriter : IDisposable
{
    private const double Margin = 50;
    private const double FooterHeight = 20;
    private const double FieldLabelWidth = 120;
    private const double EntryLabelWidth = 64;
    private const double BulletIndent = 12;
    private const double NotePadding = 6;

    // Body lines a heading needs below it on its page, so a heading never sits alone at the bottom of a page
    // (enough for the risk alert note).
    private const int LinesKeptWithHeading = 5;

    // Per writer, not static: PDFsharp brushes and pens are mutable objects.
    private readonly XBrush textBrush = new XSolidBrush(XColors.Black);
    private readonly XBrush mutedBrush = new XSolidBrush(XColor.FromArgb(100, 100, 100));
    private readonly XBrush barBrush = new XSolidBrush(XColor.FromArgb(70, 130, 180));
    private readonly XBrush barTrackBrush = new XSolidBrush(XColor.FromArgb(230, 236, 242));
    private readonly XBrush noteBrush = new XSolidBrush(XColor.FromArgb(253, 236, 234));
    private readonly XPen notePen = new(XColor.FromArgb(192, 57, 43), 1);
    private readonly XPen rulePen = new(XColor.FromArgb(180, 180, 180), 0.5);
    private readonly PdfDocument document = new();
    private readonly XFont titleFont;
    private readonly XFont headingFont;
    private readonly XFont bodyFont;
    private readonly XFont boldFont;
    private readonly XFont smallFont;
    private XGraphics graphics;
    private double y;

    public PdfReportWriter(string fontFamily, string title)
    {
        // Unicode encoding embeds a ToUnicode map, so Hangul can be searched and extracted (pdftotext) from the file.
        var fontOptions = new XPdfFontOptions(PdfFontEncoding.Unicode);
        titleFont = new XFont(fontFamily, 18, XFontStyleEx.Bold, fontOptions);
        headingFont = new XFont(fontFamily, 13, XFontStyleEx.Bold, fontOptions);
        bodyFont = new XFont(fontFamily, 10, XFontStyleEx.Regular, fontOptions);
        boldFont = new XFont(fontFamily, 10, XFontStyleEx.Bold, fontOptions);
        smallFont = new XFont(fontFamily, 8, XFontStyleEx.Regular, fontOptions);
        document.Info.Title = title;
        document.Info.Creator = "BeMore";
        graphics = AddPage();
    }

    private double ContentWidth => graphics.PageSize.Width - (2 * Margin);

    private double ContentBottom => graphics.PageSize.Height - Margin - FooterHeight;

    public void Title(string text) => Lines(text, titleFont, textBrush, Margin, ContentWidth, spaceAfter: 4);

    public void Subtitle(string text) => Lines(text, bodyFont, mutedBrush, Margin, ContentWidth, spaceAfter: 8);

    /// <summary>A section heading with a rule under it, kept on the same page as the start of its section.</summary>
    public void Heading(string text)
    {
        y += 10;
        EnsureSpace(headingFont.GetHeight() + 8 + (LinesKeptWithHeading * bodyFont.GetHeight()));
        Lines(text, headingFont, textBrush, Margin, ContentWidth, spaceAfter: 2);
        graphics.DrawLine(rulePen, Margin, y, Margin + ContentWidth, y);
        y += 6;
    }

    public void Paragraph(string text) => Lines(text, bodyFont, textBrush, Margin, ContentWidth, spaceAfter: 4);

    public void Muted(string text) => Lines(text, bodyFont, mutedBrush, Margin, ContentWidth, spaceAfter: 2);

    public void Bullet(string text)
    {
        EnsureSpace(bodyFont.GetHeight());
        graphics.DrawString("•", bodyFont, textBrush, Margin, y, XStringFormats.TopLeft);
        Lines(text, bodyFont, textBrush, Margin + BulletIndent, ContentWidth - BulletIndent, spaceAfter: 2);
    }

    /// <summary>A bold label in a fixed left column and its value wrapped in the rest of the line.</summary>
    public void Field(string label, string value) => Labeled(label, boldFont, textBrush, FieldLabelWidth, value);

    /// <summary>A small muted label (a time, a sequence number) beside wrapped text.</summary>
    public void Entry(string label, string text) => Labeled(label, smallFont, mutedBrush, EntryLabelWidth, text);

    /// <summary>A horizontal bar for a share between 0 and 1, labelled and with its percentage.</summary>
    public void Bar(string label, double share)
    {
        var clamped = double.IsFinite(share) ? Math.Clamp(share, 0, 1) : 0;
        var rowHeight = bodyFont.GetHeight() + 4;
        var trackWidth = ContentWidth - FieldLabelWidth - 50;
        EnsureSpace(rowHeight);
        graphics.DrawString(label, bodyFont, textBrush, Margin, y, XStringFormats.TopLeft);
        var barX = Margin + FieldLabelWidth;
        var barHeight = bodyFont.GetHeight() - 2;
        graphics.DrawRectangle(barTrackBrush, barX, y + 1, trackWidth, barHeight);
        graphics.DrawRectangle(barBrush, barX, y + 1, trackWidth * clamped, barHeight);
        var percent = (clamped * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        graphics.DrawString(percent, bodyFont, textBrush, barX + trackWidth + 6, y, XStringFormats.TopLeft);
        y += rowHeight;
    }

    /// <summary>Text in a tinted box with a red border, so it cannot be missed.</summary>
    public void Note(string text)
    {
        var textWidth = ContentWidth - (2 * NotePadding);
        var lines = Wrap(text, boldFont, textWidth);
        var height = (lines.Count * boldFont.GetHeight()) + (2 * NotePadding);
        EnsureSpace(Math.Min(height, ContentBottom - Margin));
        graphics.DrawRectangle(notePen, noteBrush, Margin, y, ContentWidth, height);
        y += NotePadding;
        foreach (var line in lines)
        {
            DrawLine(line, boldFont, textBrush, Margin + NotePadding);
        }

        y += NotePadding + 4;
    }

    public void NewPage()
    {
        graphics.Dispose();
        graphics = AddPage();
    }

    /// <summary>Numbers the pages and returns the finished PDF file.</summary>
    public byte[] Finish()
    {
        graphics.Dispose();
        var pageCount = document.PageCount;
        for (var index = 0; index < pageCount; index++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[index], XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"{index + 1} / {pageCount}");
            var area = new XRect(Margin, footer.PageSize.Height - Margin, footer.PageSize.Width - (2 * Margin), FooterHeight);
            footer.DrawString(text, smallFont, mutedBrush, area, XStringFormats.BottomCenter);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        graphics.Dispose();
        document.Dispose();
    }

    private XGraphics AddPage()
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        y = Margin;
        return XGraphics.FromPdfPage(page);
    }

    private void Labeled(string label, XFont labelFont, XBrush labelBrush, double labelWidth, string text)
    {
        EnsureSpace(bodyFont.GetHeight());
        graphics.DrawString(label, labelFont, labelBrush, Margin, y, XStringFormats.TopLeft);
        Lines(text, bodyFont, textBrush, Margin + labelWidth, ContentWidth - labelWidth, spaceAfter: 2);
    }

    private void Lines(string text, XFont font, XBrush brush, double x, double width, double spaceAfter)
    {
        foreach (var line in Wrap(text, font, width))
        {
            DrawLine(line, font, brush, x);
        }

        y += spaceAfter;
    }

    private void DrawLine(string line, XFont font, XBrush brush, double x)
    {
        EnsureSpace(font.GetHeight());
        graphics.DrawString(line, font, brush, x, y, XStringFormats.TopLeft);
        y += font.GetHeight();
    }

    private IReadOnlyList<string> Wrap(string text, XFont font, double width) =>
        TextWrapper.Wrap(text, width, candidate => graphics.MeasureString(candidate, font).Width);

    private void EnsureSpace(double height)
    {
        if (y + height > ContentBottom)
        {
            NewPage();
        }
    }
}
