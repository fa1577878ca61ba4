using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Superapps.LegacyDemo.Html;

/// <summary>
/// The look of "SIMPEG Lama": a dated but tidy staff-records app (a banner, a menu column, grey tables).
/// Pages are built as plain encoded HTML; every link carries the path base, so they work under the portal's <c>/apps/{slug}/</c>.
/// </summary>
internal sealed class LegacyPage
{
    private readonly StringBuilder _body = new();
    private readonly HttpContext _context;

    public LegacyPage(HttpContext context, string title)
    {
        _context = context;
        Title = title;
    }

    public string Title { get; }

    /// <summary>An app-relative path (<c>/headers</c>) as the browser must ask for it (<c>/apps/simpeg-lama/headers</c> behind the proxy).</summary>
    public string Link(string path) => _context.Request.PathBase.Add(path).ToUriComponent();

    public LegacyPage Heading(string text) => Raw($"<h2>{E(text)}</h2>");

    public LegacyPage Paragraph(string text, string? testId = null, string? css = null) =>
        Raw($"<p{Attr("data-testid", testId)}{Attr("class", css)}>{E(text)}</p>");

    public LegacyPage Raw(string html)
    {
        _body.AppendLine(html);
        return this;
    }

    /// <summary>A two-column table of labels and values; a value's test id lets the browser tests read it.</summary>
    public LegacyPage Table(IEnumerable<(string Label, string? Value, string? TestId)> rows)
    {
        _body.AppendLine("<table class=\"data\">");
        foreach (var (label, value, testId) in rows)
        {
            _body.AppendLine(CultureInfo.InvariantCulture, $"<tr><th>{E(label)}</th><td{Attr("data-testid", testId)}>{E(value is { Length: > 0 } ? value : "-")}</td></tr>");
        }

        _body.AppendLine("</table>");
        return this;
    }

    public IResult ToResult(int statusCode = StatusCodes.Status200OK)
    {
        var home = Link("/");
        var html = $$"""
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(Title)}} - SIMPEG Lama</title>
            <style>
            body { margin: 0; font-family: Verdana, Tahoma, sans-serif; font-size: 13px; background: #e8ecf2; color: #222; }
            .banner { background: linear-gradient(#2f5d95, #1d3d66); color: #fff; padding: 10px 16px; border-bottom: 3px solid #f2b632; }
            .banner a { color: #fff; text-decoration: none; font-size: 20px; font-weight: bold; letter-spacing: 1px; }
            .banner span { display: block; font-size: 11px; color: #cfdcec; }
            .layout { display: flex; flex-wrap: wrap; gap: 12px; padding: 12px; }
            .menu { flex: 0 0 190px; background: #fff; border: 1px solid #9fb0c8; }
            .menu b { display: block; background: #d5deea; padding: 4px 8px; border-bottom: 1px solid #9fb0c8; }
            .menu a { display: block; padding: 5px 8px; color: #1d3d66; border-bottom: 1px dotted #c5cfdc; }
            .content { flex: 1 1 420px; background: #fff; border: 1px solid #9fb0c8; padding: 8px 14px 14px; min-width: 0; }
            h2 { font-size: 15px; color: #1d3d66; border-bottom: 1px solid #9fb0c8; padding-bottom: 4px; }
            table.data { border-collapse: collapse; margin: 6px 0 12px; width: 100%; max-width: 640px; }
            table.data th, table.data td { border: 1px solid #b9c5d6; padding: 4px 8px; text-align: left; vertical-align: top; word-break: break-word; }
            table.data th { background: #eef2f7; width: 34%; font-weight: normal; }
            .ok { background: #e3f4e1; border: 1px solid #7bb274; padding: 6px 8px; font-weight: bold; }
            .bad { background: #fbe3e1; border: 1px solid #c9766f; padding: 6px 8px; font-weight: bold; }
            .note { color: #555; font-size: 11px; }
            button { font-family: inherit; font-size: 12px; }
            .footer { text-align: center; font-size: 10px; color: #666; padding: 8px; }
            </style>
            </head>
            <body>
            <div class="banner"><a href="{{E(home)}}">SIMPEG Lama</a><span>Sistem Informasi Manajemen Kepegawaian - Pemerintah Kota</span></div>
            <div class="layout">
            <div class="menu"><b>Menu Utama</b>
            <a href="{{E(home)}}" data-testid="menu-home">Beranda</a>
            <a href="{{E(Link("/headers"))}}" data-testid="link-headers">Identitas (header bertanda tangan)</a>
            <a href="{{E(Link("/oidc"))}}" data-testid="link-oidc">Masuk dengan SSO (OIDC)</a>
            <a href="{{E(Link("/api/monitoring/status.json"))}}" data-testid="link-feed">Status jaringan (JSON)</a>
            </div>
            <div class="content">
            {{_body}}
            </div>
            </div>
            <div class="footer">SIMPEG Lama versi 2.3.1 &middot; aplikasi warisan, dibuka melalui portal Superapps</div>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    private static string Attr(string name, string? value) => value is null ? string.Empty : $" {name}=\"{E(value)}\"";
}
