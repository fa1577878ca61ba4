using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Superapps.Pdf;
using Superapps.Datasets.Pages.Compliance;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Compliance;

/// <summary>
/// The dashboard as a PDF for the leaders' meeting (A4 portrait, PDFsharp): the city's figures, the OPD ranking and the datasets
/// that are late. Stateless and safe to call concurrently.
/// </summary>
public static class CompliancePdf
{
    private const double Margin = 40;
    private const double RowHeight = 16;

    public static byte[] Render(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        PdfFontResolver.EnsureRegistered();
        using var pdf = new PdfDocument();
        pdf.Version = 17;
        // As for letters: PDFsharp's compressed page streams draw a qpdf warning; the pages are small, so they stay uncompressed.
        pdf.Options.CompressContentStreams = false;
        pdf.Info.Title = $"{ComplianceLabels.Title} {report.Month.Label}";
        pdf.Info.Creator = "Superapps";
        var writer = new PageWriter(pdf);
        try
        {
            writer.Line($"{ComplianceLabels.Title}", writer.Heading);
            writer.Line($"{ComplianceLabels.Month}: {report.Month.Label} · {Bilingual.T("keadaan per", "as of")} {Wib.FormatDate(report.Today)}", writer.Body);
            writer.Space(6);
            var c = report.City;
            writer.Line($"{ComplianceLabels.Due}: {c.Due}   {ComplianceLabels.Uploaded}: {c.Uploaded}   {ComplianceLabels.Approved}: {c.Approved}   "
                + $"{ComplianceLabels.OnTime}: {c.OnTime}   {ComplianceLabels.Late}: {c.Late}   {ComplianceLabels.Percent}: {ComplianceLabels.Percentage(c.Percentage)}", writer.Strong);
            writer.Paragraph(ComplianceLabels.Rule, writer.Small);
            writer.Space(8);

            double[] widths = [34, 191, 50, 50, 50, 50, 50, 40];
            string[] header = ["#", ComplianceLabels.Agency, ComplianceLabels.Due, ComplianceLabels.Uploaded, ComplianceLabels.Approved, ComplianceLabels.OnTime,
                ComplianceLabels.Late, "%"];
            writer.Row(header, widths, writer.Strong, shaded: true);
            foreach (var a in report.Agencies)
            {
                writer.Row([a.Rank.ToString(Wib.Indonesian), a.AgencyName, Count(a.Tally.Due), Count(a.Tally.Uploaded), Count(a.Tally.Approved),
                    Count(a.Tally.OnTime), Count(a.Tally.Late), ComplianceLabels.Percentage(a.Tally.Percentage)], widths, writer.Body, shaded: false, header: (header, widths));
            }

            var names = report.Agencies.ToDictionary(a => a.AgencyId, a => a.AgencyName);
            var late = report.Due.Where(d => d.Status == DueStatus.Late).OrderBy(d => names.GetValueOrDefault(d.AgencyId), StringComparer.OrdinalIgnoreCase)
                .ThenBy(d => d.Title, StringComparer.OrdinalIgnoreCase).ToList();
            writer.Space(12);
            writer.Line($"{Bilingual.T("Dataset terlambat", "Late datasets")} ({late.Count})", writer.Strong);
            double[] lateWidths = [170, 200, 60, 85];
            string[] lateHeader = [ComplianceLabels.Agency, ComplianceLabels.Dataset, ComplianceLabels.Period, ComplianceLabels.DueOn];
            writer.Row(lateHeader, lateWidths, writer.Strong, shaded: true);
            foreach (var d in late)
            {
                writer.Row([names.GetValueOrDefault(d.AgencyId) ?? string.Empty, d.Title, d.Period.Key, Wib.FormatDate(d.DueOn)], lateWidths, writer.Body,
                    shaded: false, header: (lateHeader, lateWidths));
            }
        }
        finally
        {
            writer.Dispose();
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string Count(int value) => value.ToString(Wib.Indonesian);

    /// <summary>Writes lines and table rows top to bottom, starting a new page when the next one does not fit.</summary>
    private sealed class PageWriter(PdfDocument pdf) : IDisposable
    {
        public readonly XFont Heading = new(PdfFontResolver.Sans, 15, XFontStyleEx.Bold);
        public readonly XFont Strong = new(PdfFontResolver.Sans, 9, XFontStyleEx.Bold);
        public readonly XFont Body = new(PdfFontResolver.Sans, 9, XFontStyleEx.Regular);
        public readonly XFont Small = new(PdfFontResolver.Sans, 7.5, XFontStyleEx.Regular);

        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        private XGraphics Graphics => _graphics ?? NewPage();

        private double Width => (_page?.Width.Point ?? 595) - (2 * Margin);

        public void Line(string text, XFont font)
        {
            Ensure(font.Height + 4);
            Graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width, font.Height), XStringFormats.TopLeft);
            _y += font.Height + 4;
        }

        /// <summary>Text wrapped on words to the page's width.</summary>
        public void Paragraph(string text, XFont font)
        {
            var line = string.Empty;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > Width)
                {
                    Line(line, font);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            if (line.Length > 0)
            {
                Line(line, font);
            }
        }

        public void Space(double points) => _y += points;

        public void Row(string[] cells, double[] widths, XFont font, bool shaded, (string[] Cells, double[] Widths)? header = null)
        {
            if (_graphics is not null && _y + RowHeight > _page!.Height.Point - Margin && header is { } repeat)
            {
                NewPage();
                Row(repeat.Cells, repeat.Widths, Strong, shaded: true);
            }

            Ensure(RowHeight);
            var g = Graphics;
            var x = Margin;
            var total = widths.Sum();
            if (shaded)
            {
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(230, 236, 244)), Margin, _y, total, RowHeight);
            }

            g.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, _y + RowHeight, Margin + total, _y + RowHeight);
            for (var i = 0; i < cells.Length; i++)
            {
                var text = Fit(g, cells[i], font, widths[i] - 4);
                // In the ranking every column but the OPD's name holds a number, aligned right.
                var right = widths.Length > 4 && i != 1;
                g.DrawString(text, font, XBrushes.Black, new XRect(x + 2, _y + 3, widths[i] - 4, RowHeight - 3), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += widths[i];
            }

            _y += RowHeight;
        }

        public void Dispose() => _graphics?.Dispose();

        private void Ensure(double height)
        {
            if (_graphics is null || _y + height > _page!.Height.Point - Margin)
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }

        private static string Fit(XGraphics g, string text, XFont font, double width)
        {
            if (g.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            var cut = text;
            while (cut.Length > 1 && g.MeasureString(cut + "…", font).Width > width)
            {
                cut = cut[..^1];
            }

            return cut + "…";
        }
    }
}
