using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Text;

namespace Superapps.Tickets.Features.MailIntake;

/// <summary>The readable text of an HTML mail body: tags dropped, block elements as line breaks, scripts and styles left out.</summary>
public static partial class HtmlText
{
    private static readonly HashSet<HtmlTagId> Breaks = [HtmlTagId.Br, HtmlTagId.P, HtmlTagId.Div, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.Table];

    public static string Convert(string html)
    {
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var skipping = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    skipping += tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1;
                    skipping = Math.Max(skipping, 0);
                    break;
                case HtmlTagToken tag when Breaks.Contains(tag.Id):
                    text.Append('\n');
                    break;
                case HtmlDataToken data when skipping == 0:
                    text.Append(WebUtility.HtmlDecode(data.Data));
                    break;
            }
        }

        var lines = text.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        return MultipleBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"[ \t\r\u00a0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultipleBlankLines();
}
