using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PdfSharp.Drawing;

namespace Superapps.Letters.Features.Documents;

/// <summary>
/// Lays out the body of a letter from its sanitised rich text: paragraphs (justified unless aligned otherwise), line breaks,
/// bold, italic and underlined runs, numbered and bulleted lists (one level of nesting), and simple tables whose cell text wraps.
/// Anything else in the HTML is read as its text. Pages break between lines and between table rows; a table's header rows are
/// repeated on every page it continues on.
/// </summary>
internal static class LetterBody
{
    private const double ParagraphSpacing = 6;
    private const double ItemSpacing = 2;
    private const double ListIndent = 20;
    private const double CellPadding = 3;

    private abstract record Block;

    private sealed record ParagraphBlock(IReadOnlyList<TextRun> Runs, TextAlign Align, double Indent, string? Marker, double SpaceAfter) : Block;

    private sealed record TableBlock(IReadOnlyList<TableRow> Rows) : Block;

    private sealed record TableRow(IReadOnlyList<IReadOnlyList<TextRun>> Cells, bool Header);

    /// <summary>Draws <paramref name="html"/> at the cursor across the text width.</summary>
    public static void Draw(LetterCanvas canvas, string html, double x, double width)
    {
        var blocks = Parse(html);
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case ParagraphBlock paragraph:
                    DrawParagraph(canvas, paragraph, x, width, last: i == blocks.Count - 1);
                    break;
                case TableBlock table:
                    DrawTable(canvas, table, x, width);
                    if (i < blocks.Count - 1)
                    {
                        canvas.Y += ParagraphSpacing;
                    }

                    break;
            }
        }
    }

    private static void DrawParagraph(LetterCanvas canvas, ParagraphBlock paragraph, double x, double width, bool last)
    {
        var face = Face.Body;
        var lineHeight = canvas.LineHeight(face);
        var textX = x + paragraph.Indent;
        var textWidth = width - paragraph.Indent;
        var lines = canvas.Wrap(paragraph.Runs, face, textWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            // Keep the first two lines of a paragraph together (no lone first line at the foot of a page).
            canvas.EnsureSpace(i == 0 && lines.Count > 1 ? 2 * lineHeight : lineHeight);
            if (i == 0 && paragraph.Marker is { } marker)
            {
                var font = canvas.Font(face);
                canvas.Text(marker, font, textX - ListIndent + 2, canvas.Y);
            }

            canvas.DrawLine(lines[i], face, textX, textWidth, paragraph.Align);
        }

        if (!last)
        {
            canvas.Y += paragraph.SpaceAfter;
        }
    }

    /// <summary>
    /// Draws a table row by row; a row that does not fit starts a new page. The header rows (the leading rows in <c>thead</c> or made
    /// of <c>th</c> cells) are repeated at the top of every page the table continues on, and are never left alone at the foot of a page.
    /// </summary>
    private static void DrawTable(LetterCanvas canvas, TableBlock table, double x, double width)
    {
        var columns = table.Rows.Max(r => r.Cells.Count);
        if (columns == 0)
        {
            return;
        }

        var widths = ColumnWidths(canvas, table, columns, width);
        var face = Face.Body;
        var lineHeight = canvas.LineHeight(face);
        var rows = table.Rows.Select(row =>
        {
            var cellLines = new List<List<TextLine>>();
            for (var c = 0; c < columns; c++)
            {
                var runs = c < row.Cells.Count ? row.Cells[c] : [];
                cellLines.Add(canvas.Wrap(runs, face, widths[c] - (2 * CellPadding)));
            }

            return (Row: row, Lines: cellLines, Height: (cellLines.Max(l => l.Count) * lineHeight) + (2 * CellPadding));
        }).ToList();
        var headerCount = rows.TakeWhile(r => r.Row.Header).Count();
        var header = rows.Take(headerCount).ToList();
        var headerHeight = header.Sum(h => h.Height);

        // Repeating a header taller than half a page would leave little room for the body; such a header is printed once.
        var repeatHeader = headerCount > 0 && headerCount < rows.Count && headerHeight < (LetterCanvas.Bottom - LetterCanvas.Top) / 2;
        if (repeatHeader)
        {
            // The header and the first body row start together.
            canvas.EnsureSpace(headerHeight + rows[headerCount].Height);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i >= headerCount && repeatHeader && canvas.Y + row.Height > LetterCanvas.Bottom + 0.01)
            {
                canvas.NewPage();
                foreach (var repeated in header)
                {
                    DrawRow(canvas, repeated.Row, repeated.Lines, repeated.Height, widths, x);
                }
            }
            else
            {
                canvas.EnsureSpace(row.Height);
            }

            DrawRow(canvas, row.Row, row.Lines, row.Height, widths, x);
        }
    }

    private static void DrawRow(LetterCanvas canvas, TableRow row, List<List<TextLine>> cellLines, double height, double[] widths, double x)
    {
        var face = Face.Body;
        var pen = new XPen(XColors.Black, 0.6);
        var headerFill = new XSolidBrush(XColor.FromArgb(235, 235, 235));
        var top = canvas.Y;
        var cellX = x;
        for (var c = 0; c < widths.Length; c++)
        {
            if (row.Header)
            {
                canvas.Graphics.DrawRectangle(headerFill, cellX, top, widths[c], height);
            }

            canvas.Graphics.DrawRectangle(pen, cellX, top, widths[c], height);
            canvas.Y = top + CellPadding;
            foreach (var line in cellLines[c])
            {
                canvas.DrawLine(line, face, cellX + CellPadding, widths[c] - (2 * CellPadding), row.Header ? TextAlign.Center : TextAlign.Left);
            }

            cellX += widths[c];
        }

        canvas.Y = top + height;
    }

    /// <summary>Columns as wide as their text wants, the table as wide as the text; long text takes the room short text leaves.</summary>
    private static double[] ColumnWidths(LetterCanvas canvas, TableBlock table, int columns, double width)
    {
        var natural = new double[columns];
        var least = new double[columns];
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var font = canvas.Font(Face.Body, row.Header ? TextStyle.Strong : TextStyle.Plain);
                var text = string.Concat(row.Cells[c].Select(r => r.Text == TextRun.LineBreak ? " " : r.Text));
                natural[c] = Math.Max(natural[c], canvas.Measure(text.Trim(), font) + (2 * CellPadding) + 1);
                var longestWord = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => canvas.Measure(w, font)).DefaultIfEmpty(0).Max();
                least[c] = Math.Max(least[c], Math.Min(longestWord + (2 * CellPadding) + 1, width / columns));
            }
        }

        var totalNatural = natural.Sum();
        if (totalNatural <= 0)
        {
            return [.. Enumerable.Repeat(width / columns, columns)];
        }

        if (totalNatural <= width)
        {
            return [.. natural.Select(n => n * width / totalNatural)];
        }

        var totalLeast = least.Sum();
        var room = Math.Max(0, width - totalLeast);
        var wanted = natural.Zip(least, (n, l) => Math.Max(0, n - l)).ToArray();
        var totalWanted = wanted.Sum();
        return [.. least.Select((l, c) => totalWanted > 0 ? l + (room * wanted[c] / totalWanted) : width / columns)];
    }

    private static List<Block> Parse(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var blocks = new List<Block>();
        var loose = new List<TextRun>();

        void FlushLoose()
        {
            if (loose.Any(r => r.Text.Trim().Length > 0))
            {
                blocks.Add(new ParagraphBlock([.. loose], TextAlign.Justify, 0, null, ParagraphSpacing));
            }

            loose.Clear();
        }

        foreach (var node in document.Body!.ChildNodes)
        {
            switch (node)
            {
                case IElement { LocalName: "p" or "div" or "h1" or "h2" or "h3" or "blockquote" } p:
                    FlushLoose();
                    blocks.Add(new ParagraphBlock(Inline(p.ChildNodes, TextStyle.Plain), Alignment(p), 0, null, ParagraphSpacing));
                    break;
                case IElement { LocalName: "ol" or "ul" } list:
                    FlushLoose();
                    AddList(blocks, list, 0);
                    if (blocks.Count > 0 && blocks[^1] is ParagraphBlock item)
                    {
                        blocks[^1] = item with { SpaceAfter = ParagraphSpacing };
                    }

                    break;
                case IElement { LocalName: "table" } table:
                    FlushLoose();
                    var rows = table.QuerySelectorAll("tr")
                        .Select(tr => new TableRow(
                            [.. tr.Children.Where(c => c.LocalName is "td" or "th").Select(c => Inline(c.ChildNodes, c.LocalName == "th" ? TextStyle.Strong : TextStyle.Plain))],
                            tr.ParentElement?.LocalName == "thead" || (tr.Children.Length > 0 && tr.Children.All(c => c.LocalName == "th"))))
                        .Where(r => r.Cells.Count > 0)
                        .ToList();
                    if (rows.Count > 0)
                    {
                        blocks.Add(new TableBlock(rows));
                    }

                    break;
                default:
                    loose.AddRange(Inline([node], TextStyle.Plain));
                    break;
            }
        }

        FlushLoose();
        return blocks;
    }

    private static void AddList(List<Block> blocks, IElement list, int level)
    {
        var number = 1;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = list.LocalName == "ol" ? (level == 0 ? $"{number}." : $"{(char)('a' + ((number - 1) % 26))}.") : (level == 0 ? "•" : "–");
            number++;
            var content = item.ChildNodes.Where(n => n is not IElement { LocalName: "ol" or "ul" });
            var runs = new List<TextRun>();
            foreach (var child in content)
            {
                if (child is IElement { LocalName: "p" } p)
                {
                    if (runs.Count > 0)
                    {
                        runs.Add(new TextRun(TextRun.LineBreak, TextStyle.Plain));
                    }

                    runs.AddRange(Inline(p.ChildNodes, TextStyle.Plain));
                }
                else
                {
                    runs.AddRange(Inline([child], TextStyle.Plain));
                }
            }

            blocks.Add(new ParagraphBlock(runs, TextAlign.Justify, ListIndent * (level + 1), marker, ItemSpacing));
            foreach (var nested in item.Children.Where(c => c.LocalName is "ol" or "ul"))
            {
                // One level of nesting is laid out as such; deeper lists continue at the second level.
                AddList(blocks, nested, Math.Min(level + 1, 1));
            }
        }
    }

    private static List<TextRun> Inline(IEnumerable<INode> nodes, TextStyle style)
    {
        var runs = new List<TextRun>();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case IText text:
                    runs.Add(new TextRun(text.Data, style));
                    break;
                case IElement { LocalName: "br" }:
                    runs.Add(new TextRun(TextRun.LineBreak, style));
                    break;
                case IElement element:
                    var inner = element.LocalName switch
                    {
                        "strong" or "b" or "th" => style with { Bold = true },
                        "em" or "i" => style with { Italic = true },
                        "u" => style with { Underline = true },
                        _ => style,
                    };
                    if (element.LocalName is "p" or "li" or "div" && runs.Count > 0)
                    {
                        runs.Add(new TextRun(TextRun.LineBreak, style));
                    }

                    runs.AddRange(Inline(element.ChildNodes, inner));
                    break;
            }
        }

        return runs;
    }

    private static TextAlign Alignment(IElement paragraph)
    {
        var style = paragraph.GetAttribute("style") ?? string.Empty;
        return style.Contains("center", StringComparison.OrdinalIgnoreCase) ? TextAlign.Center
            : style.Contains("right", StringComparison.OrdinalIgnoreCase) ? TextAlign.Right
            : style.Contains("left", StringComparison.OrdinalIgnoreCase) ? TextAlign.Left
            : TextAlign.Justify;
    }
}
