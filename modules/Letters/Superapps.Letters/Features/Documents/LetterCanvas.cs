using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Superapps.Pdf;
using QRCoder;

namespace Superapps.Letters.Features.Documents;

/// <summary>How a line of text sits between its margins.</summary>
internal enum TextAlign
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>Bold, italic and underline of a run of text.</summary>
internal readonly record struct TextStyle(bool Bold = false, bool Italic = false, bool Underline = false)
{
    public static TextStyle Plain => default;
    public static readonly TextStyle Strong = new(Bold: true);

    /// <summary>The font's style; underlines are drawn by the line itself, so they run on under the spaces between words.</summary>
    public XFontStyleEx ToFontStyle() => (Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
}

/// <summary>A run of text in one style; a run of exactly "\n" is a line break.</summary>
internal sealed record TextRun(string Text, TextStyle Style)
{
    public const string LineBreak = "\n";

    public static IReadOnlyList<TextRun> Of(string text, TextStyle style = default) => [new(text, style)];
}

/// <summary>A font family at a size.</summary>
internal readonly record struct Face(string Family, double Size)
{
    public static readonly Face Body = new(PdfFontResolver.Serif, 12);
}

/// <summary>
/// One letter being drawn: the PDF document, the page in hand, the cursor, and the text engine (measured word wrapping, justified
/// lines, page breaks). A new one per render, so renders never share state. Sizes are in points (1 cm = 28.35 pt).
/// </summary>
/// <remarks>
/// Page: A4 portrait. Margins after the usual tata naskah dinas practice: top 2 cm, bottom 2 cm, left 2.5 cm (room for binding),
/// right 2 cm. The letterhead of the first page starts higher, at 1.5 cm, as printed kop surat do; the following pages carry no
/// letterhead and their text starts at the top margin, under the page number ("- 2 -").
/// </remarks>
internal sealed class LetterCanvas : IDisposable
{
    public const double Cm = 72 / 2.54;
    public static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    public static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    public static readonly double Left = 2.5 * Cm;
    public static readonly double Right = PageWidth - (2 * Cm);
    public static readonly double Top = 2 * Cm;
    public static readonly double LetterheadTop = 1.5 * Cm;
    public static readonly double Bottom = PageHeight - (2 * Cm);
    public static readonly double Width = Right - Left;

    private readonly PdfDocument _pdf;
    private readonly Dictionary<(string Family, double Size, XFontStyleEx Style), XFont> _fonts = [];
    private readonly Dictionary<Face, (double Space, double LineHeight)> _metrics = [];
    private readonly Action<LetterCanvas> _decoratePage;
    private XGraphics? _graphics;

    public LetterCanvas(PdfDocument pdf, Action<LetterCanvas> decoratePage)
    {
        _pdf = pdf;
        _decoratePage = decoratePage;
        NewPage();
    }

    public XGraphics Graphics => _graphics!;

    /// <summary>The top of the next thing drawn.</summary>
    public double Y { get; set; }

    /// <summary>1 for the first page.</summary>
    public int PageNumber => _pdf.PageCount;

    public double SpaceLeft => Bottom - Y;

    public XFont Font(Face face, TextStyle style = default) => Font(face.Family, face.Size, style.ToFontStyle());

    public XFont Font(string family, double size, XFontStyleEx style)
    {
        if (!_fonts.TryGetValue((family, size, style), out var font))
        {
            font = new XFont(family, size, style, XPdfFontOptions.UnicodeDefault);
            _fonts[(family, size, style)] = font;
        }

        return font;
    }

    public double LineHeight(Face face) => Metrics(face).LineHeight;

    public double Measure(string text, XFont font) => text.Length == 0 ? 0 : Graphics.MeasureString(text, font).Width;

    /// <summary>Starts a new page: its decorations (watermark, page number, e-signature note) first, then the cursor at the top margin.</summary>
    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _pdf.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Top;
        _decoratePage(this);
    }

    /// <summary>Moves to a new page when <paramref name="height"/> does not fit under the cursor.</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom + 0.01)
        {
            NewPage();
        }
    }

    /// <summary>Wraps runs of text into lines no wider than <paramref name="width"/>.</summary>
    public List<TextLine> Wrap(IReadOnlyList<TextRun> runs, Face face, double width, double firstLineIndent = 0)
    {
        var words = Words(runs, face);
        var space = Metrics(face).Space;
        var lines = new List<TextLine>();
        var current = new TextLine();
        foreach (var word in SplitTooLong(words, face, width - firstLineIndent))
        {
            var available = width - (lines.Count == 0 ? firstLineIndent : 0);
            var gap = current.Words.Count > 0 && word.SpaceBefore ? space : 0;
            if (current.Words.Count > 0 && current.Width + gap + word.Width > available + 0.01)
            {
                lines.Add(current);
                current = new TextLine();
                gap = 0;
            }

            current.Add(word, gap);
            if (word.BreakAfter)
            {
                current.Hard = true;
                lines.Add(current);
                current = new TextLine();
            }
        }

        if (current.Words.Count > 0 || lines.Count == 0)
        {
            current.Hard = true;
            lines.Add(current);
        }

        lines[^1].Hard = true;
        return lines;
    }

    /// <summary>Draws one wrapped line whose top is at the cursor, and moves the cursor under it.</summary>
    public void DrawLine(TextLine line, Face face, double x, double width, TextAlign align)
    {
        var offset = align switch
        {
            TextAlign.Center => (width - line.Width) / 2,
            TextAlign.Right => width - line.Width,
            _ => 0,
        };
        var gaps = line.Words.Skip(1).Count(w => w.Gap > 0);
        var extra = align == TextAlign.Justify && !line.Hard && gaps > 0 ? Math.Max(0, (width - line.Width) / gaps) : 0;
        var cursor = x + Math.Max(0, offset);
        double? underlineFrom = null;
        var underlineTo = 0d;
        var underlineY = Y + (face.Size * 0.99);
        var underlinePen = new XPen(XColors.Black, Math.Max(0.5, face.Size * 0.05));
        for (var i = 0; i < line.Words.Count; i++)
        {
            var (word, gap) = (line.Words[i].Word, line.Words[i].Gap);
            if (i > 0 && gap > 0)
            {
                cursor += gap + extra;
            }

            foreach (var piece in word.Pieces)
            {
                Graphics.DrawString(piece.Text, piece.Font, XBrushes.Black, cursor, Y, XStringFormats.TopLeft);
                if (piece.Underline)
                {
                    underlineFrom ??= cursor;
                    underlineTo = cursor + piece.Width;
                }
                else if (underlineFrom is { } from)
                {
                    Graphics.DrawLine(underlinePen, from, underlineY, underlineTo, underlineY);
                    underlineFrom = null;
                }

                cursor += piece.Width;
            }
        }

        if (underlineFrom is { } start)
        {
            Graphics.DrawLine(underlinePen, start, underlineY, underlineTo, underlineY);
        }

        Y += LineHeight(face);
    }

    /// <summary>Wraps and draws a paragraph, breaking pages between lines.</summary>
    public void Paragraph(IReadOnlyList<TextRun> runs, Face face, double x, double width, TextAlign align = TextAlign.Left)
    {
        foreach (var line in Wrap(runs, face, width))
        {
            EnsureSpace(LineHeight(face));
            DrawLine(line, face, x, width, align);
        }
    }

    /// <summary>A single line of text at a point (no wrapping), top-left aligned.</summary>
    public void Text(string text, XFont font, double x, double y) => Graphics.DrawString(text, font, XBrushes.Black, x, y, XStringFormats.TopLeft);

    /// <summary>Height of <paramref name="runs"/> wrapped at <paramref name="width"/>.</summary>
    public double Height(IReadOnlyList<TextRun> runs, Face face, double width) => Wrap(runs, face, width).Count * LineHeight(face);

    /// <summary>Draws a QR code as vector squares, with its quiet zone, <paramref name="size"/> points wide.</summary>
    public void QrCode(string text, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var module = size / modules;
        Graphics.DrawRectangle(XBrushes.White, x, y, size, size);
        for (var row = 0; row < modules; row++)
        {
            var column = 0;
            while (column < modules)
            {
                if (!matrix[row][column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < modules && matrix[row][column])
                {
                    column++;
                }

                // A hair of overlap so viewers draw no seams between neighbouring modules.
                Graphics.DrawRectangle(XBrushes.Black, x + (start * module), y + (row * module), ((column - start) * module) + 0.05, module + 0.05);
            }
        }
    }

    public void Dispose() => _graphics?.Dispose();

    private (double Space, double LineHeight) Metrics(Face face)
    {
        if (!_metrics.TryGetValue(face, out var metrics))
        {
            var font = Font(face);
            var space = Measure("x x", font) - Measure("xx", font);
            metrics = (space, Math.Round(face.Size * 1.2, 2));
            _metrics[face] = metrics;
        }

        return metrics;
    }

    /// <summary>Splits runs into words (pieces of text in one or more styles with no space between), measured.</summary>
    private List<Word> Words(IReadOnlyList<TextRun> runs, Face face)
    {
        var words = new List<Word>();
        var pieces = new List<Piece>();
        var text = new StringBuilder();
        var spaceBefore = false;
        TextStyle style = default;

        void FlushPiece()
        {
            if (text.Length > 0)
            {
                var font = Font(face, style);
                var s = text.ToString();
                pieces.Add(new Piece(s, font, Measure(s, font), style.Underline));
                text.Clear();
            }
        }

        void FlushWord()
        {
            FlushPiece();
            if (pieces.Count > 0)
            {
                words.Add(new Word([.. pieces], spaceBefore));
                pieces.Clear();
                spaceBefore = false;
            }
        }

        foreach (var run in runs)
        {
            if (run.Text == TextRun.LineBreak)
            {
                FlushWord();
                if (words.Count == 0 || words[^1].BreakAfter)
                {
                    // An empty line: a word of nothing that ends the line.
                    words.Add(new Word([], false));
                }

                words[^1].BreakAfter = true;
                spaceBefore = false;
                continue;
            }

            if (run.Style != style)
            {
                FlushPiece();
                style = run.Style;
            }

            foreach (var c in run.Text)
            {
                if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    FlushWord();
                    spaceBefore = true;
                }
                else
                {
                    text.Append(c);
                }
            }
        }

        FlushWord();
        return words;
    }

    /// <summary>Cuts words wider than a line (long URLs, numbers) into pieces that fit.</summary>
    private IEnumerable<Word> SplitTooLong(List<Word> words, Face face, double width)
    {
        foreach (var word in words)
        {
            if (word.Width <= width || word.Pieces.Length != 1)
            {
                yield return word;
                continue;
            }

            var piece = word.Pieces[0];
            var start = 0;
            var first = true;
            while (start < piece.Text.Length)
            {
                var length = 1;
                while (start + length < piece.Text.Length && Measure(piece.Text.Substring(start, length + 1), piece.Font) <= width)
                {
                    length++;
                }

                var part = piece.Text.Substring(start, length);
                var isLast = start + length >= piece.Text.Length;
                yield return new Word([piece with { Text = part, Width = Measure(part, piece.Font) }], first && word.SpaceBefore)
                {
                    BreakAfter = isLast ? word.BreakAfter : true,
                };
                start += length;
                first = false;
            }
        }
    }
}

/// <summary>Text in one font, measured.</summary>
internal readonly record struct Piece(string Text, XFont Font, double Width, bool Underline);

/// <summary>A word: pieces with no space between; <see cref="BreakAfter"/> ends the line after it.</summary>
internal sealed class Word(Piece[] pieces, bool spaceBefore)
{
    public Piece[] Pieces { get; } = pieces;

    public bool SpaceBefore { get; } = spaceBefore;

    public bool BreakAfter { get; set; }

    public double Width { get; } = pieces.Sum(p => p.Width);
}

/// <summary>A wrapped line: words with the gap before each; <see cref="Hard"/> lines (last of a paragraph, before a break) are not justified.</summary>
internal sealed class TextLine
{
    public List<(Word Word, double Gap)> Words { get; } = [];

    public double Width { get; private set; }

    public bool Hard { get; set; }

    public void Add(Word word, double gap)
    {
        Words.Add((word, gap));
        Width += gap + word.Width;
    }
}
