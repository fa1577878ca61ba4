using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Superapps.Letters.Features.Documents;

/// <summary>
/// Makes a letter body from the editor safe to store and to print (HtmlSanitizer, allow-list). Kept: p, br, strong/b, em/i, u,
/// ol, ul, li and simple tables (table, thead, tbody, tr, th, td). The only attribute kept is <c>style</c> on p, and of it only
/// <c>text-align</c> (left, center, right, justify). Everything else goes: script and style elements with their content,
/// frames, objects, images, links, event handlers, URLs of any scheme, classes and comments. Unknown wrappers (span, div, font)
/// are dropped but their text is kept. Safe to share between threads: configured once, never changed.
/// </summary>
internal sealed class RichTextSanitizer : IRichTextSanitizer
{
    private static readonly string[] AllowedTags = ["p", "br", "strong", "b", "em", "i", "u", "ol", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"];

    private static readonly HashSet<string> AllowedAlignments = new(StringComparer.OrdinalIgnoreCase) { "left", "center", "right", "justify" };

    /// <summary>Elements whose content is never text for the reader: removed with everything inside.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template", "svg", "math",
        "textarea", "select", "button", "head", "title", "meta", "link", "base", "xml",
    };

    private readonly HtmlSanitizer _sanitizer;

    public RichTextSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["style"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(["text-align"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowCssCustomProperties = false,
            AllowDataAttributes = false,
        };
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.RemovingTag += (_, e) =>
        {
            if (DroppedWithContent.Contains(e.Tag.LocalName))
            {
                // Keep nothing of a script, a style sheet or a frame, not even its text.
                e.Tag.TextContent = string.Empty;
                while (e.Tag.FirstChild is { } child)
                {
                    e.Tag.RemoveChild(child);
                }
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element && element.HasAttribute("style"))
            {
                KeepOnlyAlignment(element);
            }
        };
    }

    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        return _sanitizer.Sanitize(html).Trim();
    }

    public string ToPlainText(string? html)
    {
        var safe = Sanitize(html);
        if (safe.Length == 0)
        {
            return string.Empty;
        }

        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + safe + "</body></html>");
        var text = new PlainTextWriter();
        text.Blocks(document.Body!.ChildNodes);
        return text.ToString();
    }

    /// <summary>Leaves a paragraph's <c>text-align</c> and nothing else; other elements lose their style.</summary>
    private static void KeepOnlyAlignment(IElement element)
    {
        string? alignment = null;
        if (element.LocalName == "p")
        {
            foreach (var declaration in (element.GetAttribute("style") ?? string.Empty).Split(';'))
            {
                var parts = declaration.Split(':', 2);
                if (parts.Length == 2 && parts[0].Trim().Equals("text-align", StringComparison.OrdinalIgnoreCase)
                    && AllowedAlignments.Contains(parts[1].Trim()))
                {
                    alignment = parts[1].Trim().ToLowerInvariant();
                }
            }
        }

        if (alignment is null)
        {
            element.RemoveAttribute("style");
        }
        else
        {
            element.SetAttribute("style", "text-align: " + alignment);
        }
    }

    /// <summary>Readable text: paragraphs and list items on their own lines, items numbered or bulleted, cells separated by tabs.</summary>
    private sealed class PlainTextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _line = new();
        private int _indent;

        public void Blocks(INodeList nodes, int depth = 0)
        {
            foreach (var node in nodes)
            {
                switch (node)
                {
                    case IElement { LocalName: "p" } p:
                        EndLine();
                        Inline(p.ChildNodes);
                        EndLine();
                        break;
                    case IElement { LocalName: "ol" or "ul" } list:
                        EndLine();
                        List(list, depth);
                        break;
                    case IElement { LocalName: "table" } table:
                        EndLine();
                        foreach (var row in table.QuerySelectorAll("tr"))
                        {
                            _line.Append(string.Join('\t', row.Children.Where(c => c.LocalName is "td" or "th").Select(c => Collapse(c.TextContent))));
                            EndLine();
                        }

                        break;
                    case IElement { LocalName: "br" }:
                        EndLine();
                        break;
                    case IElement element:
                        Inline(element.ChildNodes);
                        break;
                    case IText textNode:
                        AppendText(textNode.Data);
                        break;
                }
            }

            EndLine();
        }

        private void List(IElement list, int depth)
        {
            var number = 1;
            foreach (var item in list.Children.Where(c => c.LocalName == "li"))
            {
                _indent = depth * 2;
                _line.Append(list.LocalName == "ol" ? $"{number++}. " : "• ");
                var nested = item.Children.Where(c => c.LocalName is "ol" or "ul").ToList();
                foreach (var child in item.ChildNodes)
                {
                    if (child is IElement { LocalName: "ol" or "ul" })
                    {
                        continue;
                    }

                    if (child is IElement { LocalName: "p" } p)
                    {
                        Inline(p.ChildNodes);
                        _line.Append(' ');
                    }
                    else
                    {
                        Inline([child]);
                    }
                }

                EndLine();
                foreach (var inner in nested)
                {
                    List(inner, depth + 1);
                }
            }
        }

        private void Inline(IEnumerable<INode> nodes)
        {
            foreach (var node in nodes)
            {
                switch (node)
                {
                    case IText textNode:
                        AppendText(textNode.Data);
                        break;
                    case IElement { LocalName: "br" }:
                        EndLine();
                        break;
                    case IElement element:
                        Inline(element.ChildNodes);
                        break;
                }
            }
        }

        private void AppendText(string data) => _line.Append(Collapse(data, trim: false));

        private void EndLine()
        {
            var line = _line.ToString().Trim();
            _line.Clear();
            var indent = _indent;
            _indent = 0;
            if (line.Length > 0)
            {
                // Nested list items keep their indent.
                _text.Append(' ', indent).Append(line).Append('\n');
            }
        }

        private static string Collapse(string text, bool trim = true)
        {
            var builder = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                else if (space && !trim)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(c);
            }

            if (space && !trim)
            {
                builder.Append(' ');
            }

            return builder.ToString();
        }

        public override string ToString() => _text.ToString().TrimEnd('\n');
    }
}
