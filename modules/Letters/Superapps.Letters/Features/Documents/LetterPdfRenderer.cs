using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Superapps.Pdf;
using Superapps.Letters.Domain.Drafting;

namespace Superapps.Letters.Features.Documents;

/// <summary>
/// Renders an outgoing letter to PDF with PDFsharp in the standard layout of its kind (tata naskah dinas): the OPD's letterhead
/// with its double rule, the number block or the centred title, addressees, the body, the signature block kept whole on one page,
/// and tembusan. A draft carries a light "KONSEP" watermark and "(belum bernomor)" for its number; a signed letter carries the QR
/// code of its public verification page and, on every page, the e-signature note. Stateless and safe to call concurrently.
/// </summary>
internal sealed class LetterPdfRenderer : ILetterPdfRenderer
{
    public const string UnnumberedNumber = "… (belum bernomor)";

    public const string SignedNote = "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik. "
        + "Keaslian dokumen dapat diperiksa dengan memindai kode QR.";

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly double QrSize = 2.2 * LetterCanvas.Cm;
    private static readonly Face Title = new(PdfFontResolver.Serif, 14);
    private static readonly Face Small = new(PdfFontResolver.Serif, 9);
    private static readonly XColor WatermarkColour = XColor.FromArgb(226, 226, 226);

    public LetterPdfRenderer() => PdfFontResolver.EnsureRegistered();

    public byte[] Render(LetterDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfFontResolver.EnsureRegistered();
        using var pdf = new PdfDocument();
        pdf.Version = 17;
        // PDFsharp 6.5's compressed page streams end in a way qpdf --check reports as a warning ("input stream is complete but
        // output may still be valid"); the pages of a letter are small, so they are written uncompressed. Fonts stay compressed.
        pdf.Options.CompressContentStreams = false;
        pdf.Info.Title = document.Subject;
        pdf.Info.Subject = $"{KindName(document.Kind)} {document.Number ?? UnnumberedNumber}";
        pdf.Info.Creator = "Superapps";
        pdf.Info.Author = document.Letterhead.AgencyName;
        pdf.Info.CreationDate = document.Date.ToDateTime(new TimeOnly(0, 0), DateTimeKind.Utc);
        var signed = document.Signature.IsSigned && document.VerificationUrl is not null;

        using (var canvas = new LetterCanvas(pdf, c => DecoratePage(c, document.Number is null, signed)))
        {
            DrawLetterhead(canvas, document.Letterhead);
            switch (document.Kind)
            {
                case LetterKind.NotaDinas:
                    DrawNotaDinasHeader(canvas, document);
                    break;
                case LetterKind.SuratEdaran:
                    DrawCentredTitle(canvas, "SURAT EDARAN", document.Number);
                    canvas.Paragraph(TextRun.Of("TENTANG"), Face.Body, LetterCanvas.Left, LetterCanvas.Width, TextAlign.Center);
                    canvas.Paragraph(TextRun.Of(document.Subject.ToUpper(Indonesian), TextStyle.Strong), Face.Body, LetterCanvas.Left + Cm(1.5), LetterCanvas.Width - Cm(3), TextAlign.Center);
                    canvas.Y += 14;
                    DrawAddressees(canvas, document);
                    break;
                case LetterKind.SuratTugas:
                    DrawCentredTitle(canvas, "SURAT TUGAS", document.Number);
                    break;
                default:
                    DrawNumberBlock(canvas, document);
                    DrawAddressees(canvas, document);
                    break;
            }

            canvas.Y += 10;
            LetterBody.Draw(canvas, document.BodyHtml, LetterCanvas.Left, LetterCanvas.Width);
            canvas.Y += 18;
            DrawSignature(canvas, document);
            if (document.Kind != LetterKind.NotaDinas && document.CarbonCopies.Count > 0)
            {
                DrawCarbonCopies(canvas, document.CarbonCopies);
            }
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>"23 November 2026".</summary>
    public static string FormatDate(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    private static readonly System.Globalization.CultureInfo Indonesian = System.Globalization.CultureInfo.GetCultureInfo("id-ID");

    private static double Cm(double cm) => cm * LetterCanvas.Cm;

    private static string KindName(LetterKind kind) => kind switch
    {
        LetterKind.NotaDinas => "Nota Dinas",
        LetterKind.SuratUndangan => "Surat Undangan",
        LetterKind.SuratEdaran => "Surat Edaran",
        LetterKind.SuratTugas => "Surat Tugas",
        _ => "Surat Dinas",
    };

    /// <summary>What every page carries before its content: the draft watermark, the page number from page 2, the e-signature note.</summary>
    private static void DecoratePage(LetterCanvas canvas, bool draft, bool signed)
    {
        var g = canvas.Graphics;
        if (draft)
        {
            var state = g.Save();
            var centre = new XPoint(LetterCanvas.PageWidth / 2, LetterCanvas.PageHeight / 2);
            g.RotateAtTransform(-52, centre);
            DrawDraftMark(g, centre);
            g.Restore(state);
        }

        if (canvas.PageNumber > 1)
        {
            var font = canvas.Font(Face.Body);
            var number = $"- {canvas.PageNumber} -";
            canvas.Text(number, font, (LetterCanvas.PageWidth - canvas.Measure(number, font)) / 2, Cm(1.1));
        }

        if (signed)
        {
            var y = LetterCanvas.Bottom + Cm(0.55);
            g.DrawLine(new XPen(XColors.Gray, 0.4), LetterCanvas.Left, y - 3, LetterCanvas.Right, y - 3);
            var face = new Face(PdfFontResolver.Sans, 7.5);
            var saved = canvas.Y;
            canvas.Y = y;
            foreach (var line in canvas.Wrap(TextRun.Of(SignedNote, new TextStyle(Italic: true)), face, LetterCanvas.Width))
            {
                canvas.DrawLine(line, face, LetterCanvas.Left, LetterCanvas.Width, TextAlign.Center);
            }

            canvas.Y = saved;
        }
    }

    /// <summary>
    /// "KONSEP" in stroked block letters centred at <paramref name="centre"/>. Drawn as lines, not text, so the watermark never
    /// mixes into the letter's text when it is copied, searched or read aloud.
    /// </summary>
    private static void DrawDraftMark(XGraphics g, XPoint centre)
    {
        const double w = 62, h = 96, gap = 26;
        var pen = new XPen(WatermarkColour, 15) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };
        var x = centre.X - (((6 * w) + (5 * gap)) / 2);
        var y = centre.Y - (h / 2);
        XPoint P(double dx, double dy) => new(x + (dx * w), y + (dy * h));

        // K
        g.DrawLine(pen, P(0, 0), P(0, 1));
        g.DrawLine(pen, P(1, 0), P(0, 0.58));
        g.DrawLine(pen, P(0.32, 0.4), P(1, 1));
        x += w + gap;

        // O
        g.DrawEllipse(pen, x, y, w, h);
        x += w + gap;

        // N
        g.DrawLines(pen, [P(0, 1), P(0, 0), P(1, 1), P(1, 0)]);
        x += w + gap;

        // S
        g.DrawArc(pen, x, y, w, h / 2, -15, -255);
        g.DrawArc(pen, x, y + (h / 2), w, h / 2, -90, 255);
        x += w + gap;

        // E
        g.DrawLines(pen, [P(1, 0), P(0, 0), P(0, 1), P(1, 1)]);
        g.DrawLine(pen, P(0, 0.5), P(0.8, 0.5));
        x += w + gap;

        // P
        g.DrawLine(pen, P(0, 1), P(0, 0));
        g.DrawLine(pen, P(0, 0), P(0.5, 0));
        g.DrawArc(pen, x + (0.05 * w), y, 0.95 * w, 0.56 * h, -90, 180);
        g.DrawLine(pen, P(0.5, 0.56), P(0, 0.56));
    }

    /// <summary>Kop surat: the emblem at the left, the names centred and bold, address and contacts smaller, a thick-thin rule beneath.</summary>
    private static void DrawLetterhead(LetterCanvas canvas, Letterhead letterhead)
    {
        var top = LetterCanvas.LetterheadTop;
        var logoWidth = Cm(2.1);
        var logoHeight = Cm(2.5);
        if (letterhead.LogoPng is not { Length: > 0 } png || !DrawImage(canvas, png, LetterCanvas.Left, top, logoWidth, logoHeight))
        {
            DrawEmblem(canvas.Graphics, LetterCanvas.Left + Cm(0.1), top, logoWidth - Cm(0.2), logoHeight);
        }

        // The names are centred on the page, in the room the emblem leaves on both sides.
        var textX = LetterCanvas.Left + logoWidth + Cm(0.3);
        var textWidth = LetterCanvas.Width - (2 * (logoWidth + Cm(0.3)));
        canvas.Y = top + 2;
        canvas.Paragraph(TextRun.Of(letterhead.Government.ToUpper(Indonesian), TextStyle.Strong), new Face(PdfFontResolver.Sans, 14), textX, textWidth, TextAlign.Center);
        canvas.Paragraph(TextRun.Of(letterhead.AgencyName.ToUpper(Indonesian), TextStyle.Strong), new Face(PdfFontResolver.Sans, 16), textX, textWidth, TextAlign.Center);
        canvas.Y += 1;
        var smallX = LetterCanvas.Left + logoWidth;
        var smallWidth = LetterCanvas.Width - (2 * logoWidth);
        foreach (var line in new[] { letterhead.Address, letterhead.Contact })
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                canvas.Paragraph(TextRun.Of(line), FitOnOneLine(canvas, line, smallWidth, 9.5, 8.5), smallX, smallWidth, TextAlign.Center);
            }
        }

        var rule = Math.Max(canvas.Y, top + logoHeight) + 5;
        canvas.Graphics.DrawLine(new XPen(XColors.Black, 2.4), LetterCanvas.Left, rule, LetterCanvas.Right, rule);
        canvas.Graphics.DrawLine(new XPen(XColors.Black, 0.8), LetterCanvas.Left, rule + 3.2, LetterCanvas.Right, rule + 3.2);
        canvas.Y = rule + 16;
    }

    /// <summary>The largest size from <paramref name="largest"/> down to <paramref name="smallest"/> that keeps the line on one line.</summary>
    private static Face FitOnOneLine(LetterCanvas canvas, string text, double width, double largest, double smallest)
    {
        var face = new Face(PdfFontResolver.Sans, largest);
        while (face.Size > smallest && canvas.Measure(text, canvas.Font(face)) > width)
        {
            face = face with { Size = face.Size - 0.5 };
        }

        return face;
    }

    /// <summary>Draws the emblem scaled into its box; false when PDFsharp cannot read it (it reads 8-bit RGB and RGBA PNGs and JPEGs,
    /// not 1-bit or grey PNGs), and the drawn shield stands in.</summary>
    private static bool DrawImage(LetterCanvas canvas, byte[] png, double x, double y, double width, double height)
    {
        try
        {
            using var stream = new MemoryStream(png, writable: false);
            using var image = XImage.FromStream(stream);
            var scale = Math.Min(width / image.PointWidth, height / image.PointHeight);
            var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
            canvas.Graphics.DrawImage(image, x + ((width - w) / 2), y + ((height - h) / 2), w, h);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
            return false;
        }
    }

    /// <summary>A neutral shield with a star, standing in for the city's emblem.</summary>
    private static void DrawEmblem(XGraphics g, double x, double y, double width, double height)
    {
        static XGraphicsPath Shield(double x, double y, double w, double h)
        {
            var path = new XGraphicsPath();
            var middle = x + (w / 2);
            path.AddLine(x, y + (h * 0.06), middle, y);
            path.AddLine(middle, y, x + w, y + (h * 0.06));
            path.AddLine(x + w, y + (h * 0.06), x + w, y + (h * 0.5));
            path.AddBezier(x + w, y + (h * 0.5), x + w, y + (h * 0.78), middle + (w * 0.2), y + (h * 0.92), middle, y + h);
            path.AddBezier(middle, y + h, middle - (w * 0.2), y + (h * 0.92), x, y + (h * 0.78), x, y + (h * 0.5));
            path.CloseFigure();
            return path;
        }

        g.DrawPath(new XPen(XColor.FromArgb(60, 60, 60), 1.4), new XSolidBrush(XColor.FromArgb(236, 236, 236)), Shield(x, y, width, height));
        var inset = width * 0.1;
        g.DrawPath(new XPen(XColor.FromArgb(110, 110, 110), 0.6), Shield(x + inset, y + inset, width - (2 * inset), height - (2.2 * inset)));
        var centre = new XPoint(x + (width / 2), y + (height * 0.44));
        var outer = width * 0.24;
        var points = new XPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? outer : outer * 0.42;
            var angle = (-90 + (i * 36)) * Math.PI / 180;
            points[i] = new XPoint(centre.X + (radius * Math.Cos(angle)), centre.Y + (radius * Math.Sin(angle)));
        }

        g.DrawPolygon(new XSolidBrush(XColor.FromArgb(90, 90, 90)), points, XFillMode.Winding);
    }

    /// <summary>Surat dinas and surat undangan: place and date at the right, then Nomor, Sifat, Lampiran and Hal with aligned colons.</summary>
    private static void DrawNumberBlock(LetterCanvas canvas, LetterDocument document)
    {
        canvas.Paragraph(TextRun.Of($"{document.Place}, {FormatDate(document.Date)}"), Face.Body, LetterCanvas.Left, LetterCanvas.Width, TextAlign.Right);
        canvas.Y += 4;
        var fields = new FieldTable(canvas, Cm(2.2));
        fields.Row("Nomor", [document.Number ?? UnnumberedNumber]);
        fields.Row("Sifat", [document.Urgency]);
        fields.Row("Lampiran", [document.Attachments]);
        fields.Row("Hal", [document.Subject], TextStyle.Strong);
        canvas.Y += 14;
    }

    /// <summary>"Yth." with the addressees (numbered when several), then "di" and the address or "Tempat".</summary>
    private static void DrawAddressees(LetterCanvas canvas, LetterDocument document)
    {
        var face = Face.Body;
        var font = canvas.Font(face);
        var indent = canvas.Measure("Yth. ", font) + 1;
        var x = LetterCanvas.Left + indent;
        var width = LetterCanvas.Width * 0.62;
        canvas.EnsureSpace(3 * canvas.LineHeight(face));
        canvas.Text("Yth.", font, LetterCanvas.Left, canvas.Y);
        var addressees = document.Addressees.Count > 0 ? document.Addressees : ["-"];
        NumberedLines(canvas, addressees, x, width, addressees.Count > 1);
        if (document.Kind == LetterKind.SuratEdaran && document.AddresseeAddress is null)
        {
            return;
        }

        canvas.EnsureSpace(2 * canvas.LineHeight(face));
        canvas.Text("di", font, x, canvas.Y);
        canvas.Y += canvas.LineHeight(face);
        canvas.Paragraph(TextRun.Of(string.IsNullOrWhiteSpace(document.AddresseeAddress) ? "Tempat" : document.AddresseeAddress), face, x + Cm(0.8), width - Cm(0.8));
    }

    /// <summary>Nota dinas: "NOTA DINAS" and its number centred, then Yth./Dari/Tembusan/Tanggal/Sifat/Lampiran/Hal and a rule.</summary>
    private static void DrawNotaDinasHeader(LetterCanvas canvas, LetterDocument document)
    {
        DrawCentredTitle(canvas, "NOTA DINAS", document.Number);
        var fields = new FieldTable(canvas, Cm(2.4));
        fields.Row("Yth.", document.Addressees.Count > 0 ? document.Addressees : ["-"]);
        fields.Row("Dari", [document.Signature.Title]);
        fields.Row("Tembusan", document.CarbonCopies.Count > 0 ? document.CarbonCopies : ["-"]);
        fields.Row("Tanggal", [FormatDate(document.Date)]);
        fields.Row("Sifat", [document.Urgency]);
        fields.Row("Lampiran", [document.Attachments]);
        fields.Row("Hal", [document.Subject], TextStyle.Strong);
        canvas.Y += 4;
        canvas.Graphics.DrawLine(new XPen(XColors.Black, 1), LetterCanvas.Left, canvas.Y, LetterCanvas.Right, canvas.Y);
        canvas.Y += 10;
    }

    private static void DrawCentredTitle(LetterCanvas canvas, string title, string? number)
    {
        canvas.Paragraph(TextRun.Of(title, new TextStyle(Bold: true, Underline: true)), Title, LetterCanvas.Left, LetterCanvas.Width, TextAlign.Center);
        canvas.Paragraph(TextRun.Of($"NOMOR {number ?? UnnumberedNumber}"), Face.Body, LetterCanvas.Left, LetterCanvas.Width, TextAlign.Center);
        canvas.Y += 12;
    }

    /// <summary>
    /// The signature block on the right half, moved whole to the next page when it does not fit: place and date for the kinds that
    /// date it there, the title (with "Plt."/"Plh."), the QR code with the e-signature line once signed (blank signing space before),
    /// the name bold and underlined, the rank and the NIP.
    /// </summary>
    private static void DrawSignature(LetterCanvas canvas, LetterDocument document)
    {
        var face = Face.Body;
        var x = LetterCanvas.Left + (LetterCanvas.Width * 0.5);
        var width = LetterCanvas.Width * 0.5;
        var signature = document.Signature;
        var lines = new List<(IReadOnlyList<TextRun> Runs, Face Face)>();
        switch (document.Kind)
        {
            case LetterKind.SuratEdaran:
                lines.Add((TextRun.Of($"Ditetapkan di {document.Place}"), face));
                lines.Add((TextRun.Of($"pada tanggal {FormatDate(document.Date)}"), face));
                break;
            case LetterKind.SuratTugas:
                lines.Add((TextRun.Of($"{document.Place}, {FormatDate(document.Date)}"), face));
                break;
        }

        var before = lines.Sum(l => canvas.Height(l.Runs, l.Face, width)) + (lines.Count > 0 ? 6 : 0);
        var title = TextRun.Of(signature.Title + ",");
        var note = TextRun.Of("Ditandatangani secara elektronik oleh:", new TextStyle(Italic: true));
        var hasQr = signature.IsSigned && document.VerificationUrl is not null;
        var space = hasQr ? QrSize + canvas.Height(note, Small, width) + 8 : signature.IsSigned ? canvas.Height(note, Small, width) + 8 : Cm(2.4);
        var after = new List<IReadOnlyList<TextRun>> { TextRun.Of(signature.Name, new TextStyle(Bold: true, Underline: true)) };
        if (!string.IsNullOrWhiteSpace(signature.Rank))
        {
            after.Add(TextRun.Of(signature.Rank));
        }

        if (!string.IsNullOrWhiteSpace(signature.Nip))
        {
            after.Add(TextRun.Of($"NIP. {signature.Nip}"));
        }

        var height = before + canvas.Height(title, face, width) + space + after.Sum(r => canvas.Height(r, face, width));
        canvas.EnsureSpace(height);
        foreach (var (runs, lineFace) in lines)
        {
            canvas.Paragraph(runs, lineFace, x, width, TextAlign.Center);
        }

        canvas.Y += lines.Count > 0 ? 6 : 0;
        canvas.Paragraph(title, face, x, width, TextAlign.Center);
        if (signature.IsSigned)
        {
            canvas.Y += 3;
            canvas.Paragraph(note, Small, x, width, TextAlign.Center);
            canvas.Y += 2;
            if (hasQr)
            {
                canvas.QrCode(document.VerificationUrl!.AbsoluteUri, x + ((width - QrSize) / 2), canvas.Y, QrSize);
                canvas.Y += QrSize;
            }

            canvas.Y += 3;
        }
        else
        {
            canvas.Y += space;
        }

        foreach (var runs in after)
        {
            canvas.Paragraph(runs, face, x, width, TextAlign.Center);
        }
    }

    /// <summary>"Tembusan:" and the numbered copies, at the left under the signature.</summary>
    private static void DrawCarbonCopies(LetterCanvas canvas, IReadOnlyList<string> copies)
    {
        var face = Face.Body;
        canvas.Y += 16;
        canvas.EnsureSpace(2 * canvas.LineHeight(face));
        canvas.Paragraph(TextRun.Of("Tembusan:"), face, LetterCanvas.Left, LetterCanvas.Width);
        NumberedLines(canvas, copies, LetterCanvas.Left, LetterCanvas.Width * 0.7, numbered: true);
    }

    /// <summary>Lines with a hanging "1.", "2.", … when <paramref name="numbered"/>, each wrapping under its own text.</summary>
    private static void NumberedLines(LetterCanvas canvas, IReadOnlyList<string> items, double x, double width, bool numbered)
    {
        var face = Face.Body;
        var font = canvas.Font(face);
        var hang = numbered ? canvas.Measure($"{items.Count}. ", font) + 2 : 0;
        for (var i = 0; i < items.Count; i++)
        {
            var lines = canvas.Wrap(TextRun.Of(items[i]), face, width - hang);
            for (var l = 0; l < lines.Count; l++)
            {
                canvas.EnsureSpace(canvas.LineHeight(face));
                if (l == 0 && numbered)
                {
                    canvas.Text($"{i + 1}.", font, x, canvas.Y);
                }

                canvas.DrawLine(lines[l], face, x + hang, width - hang, TextAlign.Left);
            }
        }
    }

    /// <summary>Label, colon and value columns, the colons aligned; values wrap under themselves and several values are numbered.</summary>
    private sealed class FieldTable(LetterCanvas canvas, double labelWidth)
    {
        public void Row(string label, IReadOnlyList<string> values, TextStyle style = default)
        {
            var face = Face.Body;
            var font = canvas.Font(face);
            var colonX = LetterCanvas.Left + labelWidth;
            var valueX = colonX + canvas.Measure(": ", font) + 2;
            var width = LetterCanvas.Right - valueX;
            canvas.EnsureSpace(canvas.LineHeight(face));
            canvas.Text(label, font, LetterCanvas.Left, canvas.Y);
            canvas.Text(":", font, colonX, canvas.Y);
            if (values.Count == 1)
            {
                canvas.Paragraph(TextRun.Of(values[0], style), face, valueX, width);
            }
            else
            {
                NumberedLines(canvas, values, valueX, width, numbered: true);
            }
        }
    }
}
