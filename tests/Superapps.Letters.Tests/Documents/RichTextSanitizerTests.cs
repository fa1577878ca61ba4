using AngleSharp.Html.Parser;
using Superapps.Letters.Features.Documents;

namespace Superapps.Letters.Tests.Documents;

/// <summary>The editor is not trusted: what it sends is cut down to the letter's formatting before it is stored or printed.</summary>
public sealed class RichTextSanitizerTests
{
    private readonly RichTextSanitizer _sanitizer = new();

    [Theory]
    [InlineData("<p>Halo<img src=x onerror=alert(1)></p>")]
    [InlineData("<svg onload=alert(1)><circle r=5></circle></svg><p>Halo</p>")]
    [InlineData("<p><a href=\"javascript:alert(1)\">Halo</a></p>")]
    [InlineData("<p><a href=\"jav&#x09;ascript:alert(1)\">Halo</a></p>")]
    [InlineData("<p><a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">Halo</a></p>")]
    [InlineData("<p>Halo</p><scr<script>ipt>alert(1)</scr</script>ipt>")]
    [InlineData("<p>Halo<script>alert(1)</script></p>")]
    [InlineData("<p>Halo</p><iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<p style=\"width: expression(alert(1)); background: url(javascript:alert(1))\">Halo</p>")]
    [InlineData("<p>Halo</p><style>p { background: url(javascript:alert(1)) }</style>")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=alert(1)>Halo</p>")]
    [InlineData("<p>Halo<!-- <script>alert(1)</script> --></p>")]
    [InlineData("<p><b><i>Halo</p></b><object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>")]
    [InlineData("<p>Halo</p><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")]
    [InlineData("<p>Halo<embed src=\"data:image/svg+xml,<svg onload=alert(1)>\"></p>")]
    [InlineData("<form><button formaction=javascript:alert(1)>x</button></form><p>Halo</p>")]
    [InlineData("<p><img src=\"data:image/png;base64,iVBORw0KGgo=\">Halo</p>")]
    public void Script_handlers_urls_and_hidden_markup_are_removed(string attack)
    {
        var safe = _sanitizer.Sanitize(attack);

        foreach (var forbidden in new[] { "<script", "<img", "<svg", "<iframe", "<object", "<embed", "<style", "<a ", "<math", "<button", "<form",
            "onerror", "onload", "onclick", "onmouseover", "javascript:", "expression(", "url(", "data:", "<!--", "href", "src=" })
        {
            safe.ShouldNotContain(forbidden, Case.Insensitive);
        }

        // What is left parses to allowed elements only, with no attribute but a paragraph's alignment; any leftover of the
        // attack is inert text.
        var body = new HtmlParser().ParseDocument("<body>" + safe + "</body>").Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            element.LocalName.ShouldBeOneOf("p", "br", "strong", "b", "em", "i", "u", "ol", "ul", "li", "table", "thead", "tbody", "tr", "th", "td");
            element.Attributes.Where(a => !(a.Name == "style" && element.LocalName == "p")).ShouldBeEmpty();
        }

        body.TextContent.ShouldContain("Halo");
    }

    [Fact]
    public void The_text_around_an_attack_survives()
    {
        _sanitizer.Sanitize("<p>Halo<img src=x onerror=alert(1)> dunia</p>").ShouldBe("<p>Halo dunia</p>");
        _sanitizer.Sanitize("<p><a href=\"javascript:alert(1)\">tautan</a></p>").ShouldBe("<p>tautan</p>");
        _sanitizer.Sanitize("<div><span style=\"color:red\">dari Word</span></div>").ShouldBe("dari Word");
    }

    [Fact]
    public void Encoded_markup_stays_text()
    {
        var safe = _sanitizer.Sanitize("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");

        safe.ShouldBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        _sanitizer.ToPlainText(safe).ShouldBe("<script>alert(1)</script>");
    }

    [Fact]
    public void Allowed_formatting_survives_a_round_trip()
    {
        const string html = "<p style=\"text-align: center\"><strong>Judul</strong></p>"
            + "<p style=\"text-align: justify\">Isi <em>miring</em>, <u>garis bawah</u>, <b>tebal</b> dan <i>miring lagi</i>.<br>Baris baru.</p>"
            + "<ol><li>Satu</li><li>Dua<ul><li>Dua a</li></ul></li></ol>"
            + "<table><thead><tr><th>Nama</th><th>NIP</th></tr></thead><tbody><tr><td>Budi</td><td>198503152010011002</td></tr></tbody></table>";

        var once = _sanitizer.Sanitize(html);

        once.ShouldBe(html);
        _sanitizer.Sanitize(once).ShouldBe(once);
    }

    [Theory]
    [InlineData("<p style=\"text-align: left\">x</p>", "<p style=\"text-align: left\">x</p>")]
    [InlineData("<p style=\"TEXT-ALIGN: RIGHT; color: red\">x</p>", "<p style=\"text-align: right\">x</p>")]
    [InlineData("<p style=\"text-align: start\">x</p>", "<p>x</p>")]
    [InlineData("<p style=\"display:none\">x</p>", "<p>x</p>")]
    [InlineData("<td style=\"text-align: center\">x</td>", "x")]
    [InlineData("<li style=\"text-align: center\" class=\"big\" id=\"a\">x</li>", "<li>x</li>")]
    [InlineData("<strong style=\"text-align: center\">x</strong>", "<strong>x</strong>")]
    public void Only_paragraph_alignment_is_kept_of_styles_and_attributes(string html, string expected) =>
        _sanitizer.Sanitize(html).ShouldBe(expected);

    [Fact]
    public void Empty_input_gives_empty_output()
    {
        _sanitizer.Sanitize(null).ShouldBe(string.Empty);
        _sanitizer.Sanitize("   ").ShouldBe(string.Empty);
        _sanitizer.ToPlainText(null).ShouldBe(string.Empty);
    }

    [Fact]
    public void Plain_text_puts_paragraphs_and_items_on_their_own_lines()
    {
        const string html = "<p>Dengan hormat,</p><p>Isi  <strong>surat</strong><br>baris dua</p>"
            + "<ol><li>Satu</li><li>Dua<ul><li>Dua a</li></ul></li></ol><ul><li>Butir</li></ul>"
            + "<table><tr><th>Nama</th><th>NIP</th></tr><tr><td>Budi</td><td>1985</td></tr></table>"
            + "<script>alert(1)</script>";

        _sanitizer.ToPlainText(html).ShouldBe(
            "Dengan hormat,\nIsi surat\nbaris dua\n1. Satu\n2. Dua\n  • Dua a\n• Butir\nNama\tNIP\nBudi\t1985");
    }
}
