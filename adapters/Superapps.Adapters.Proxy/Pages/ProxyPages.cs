using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Superapps.Adapters.Proxy.Pages;

/// <summary>A friendly page the proxy answers with itself, in Indonesian first and English second.</summary>
/// <param name="Code">A stable code, also sent as <c>X-Proxy-Error</c> for scripts and tests.</param>
internal sealed record ProxyPage(int Status, string Code, string TitleId, string TitleEn, string TextId, string TextEn, string? ActionHref = null,
    string? ActionId = null, string? ActionEn = null);

/// <summary>
/// The proxy's own pages: plain HTML in the portal's colours (no scripts, no stack traces), so they work even when the app, or
/// the portal's interactive pages, do not.
/// </summary>
internal static class ProxyPages
{
    public const string ErrorHeader = "X-Proxy-Error";

    public static ProxyPage Forbidden(string app) => new(403, "proxy.forbidden",
        "Akses ditolak", "Access denied",
        $"Anda tidak termasuk pengguna aplikasi {app}. Jika Anda memerlukannya untuk tugas Anda, hubungi admin OPD Anda atau helpdesk Diskominfo.",
        $"You are not among the users of {app}. If you need it for your work, ask your OPD's administrator or Diskominfo's helpdesk.",
        "/", "Kembali ke beranda", "Back to the home page");

    public static ProxyPage BadPath(string app) => new(400, "proxy.path.invalid",
        "Alamat tidak valid", "Invalid address",
        $"Alamat yang diminta keluar dari aplikasi {app} (misalnya berisi \"..\", garis miring tersandi atau garis miring terbalik) dan tidak diteruskan.",
        $"The requested address leaves {app} (for example it holds \"..\", an encoded slash or a backslash) and was not forwarded.");

    public static ProxyPage TooLarge(string app, long limit) => new(413, "proxy.body.too-large",
        "Kiriman terlalu besar", "Upload too large",
        $"Data yang dikirim melebihi batas {Size(limit)} untuk aplikasi {app}. Kecilkan berkasnya lalu coba lagi.",
        $"What you sent is larger than the {Size(limit)} limit of {app}. Make the file smaller and try again.");

    public static ProxyPage ForeignRedirect(string app) => new(502, "proxy.redirect.foreign",
        "Pengalihan diblokir", "Redirect blocked",
        $"Aplikasi {app} mencoba mengarahkan Anda ke situs lain di luar portal. Demi keamanan, pengalihan itu dihentikan.",
        $"{app} tried to send you to another site outside the portal. For your safety, the redirect was stopped.",
        "/", "Kembali ke beranda", "Back to the home page");

    public static ProxyPage Down(string app, string complaintHref) => new(503, "proxy.app.down",
        "Aplikasi sedang tidak dapat dihubungi", "The app cannot be reached",
        $"Aplikasi {app} tidak menjawab saat ini. Coba lagi beberapa saat lagi, atau laporkan gangguan ini ke helpdesk TIK.",
        $"{app} is not answering right now. Try again in a moment, or report the fault to the ICT helpdesk.",
        complaintHref, "Laporkan gangguan", "Report the fault");

    public static ProxyPage NotFound(string slug) => new(404, "proxy.app.unknown",
        "Aplikasi tidak ditemukan", "App not found",
        $"Tidak ada aplikasi \"{slug}\" yang diterbitkan di portal.",
        $"No app \"{slug}\" is published in the portal.",
        "/", "Kembali ke beranda", "Back to the home page");

    public static async Task WriteAsync(HttpContext context, ProxyPage page)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = page.Status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers[ErrorHeader] = page.Code;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.WriteAsync(Render(page), context.RequestAborted);
        }
    }

    public static string Render(ProxyPage page)
    {
        static string E(string text) => HtmlEncoder.Default.Encode(text);
        var action = page.ActionHref is null ? string.Empty :
            $"""<p><a class="btn" href="{E(page.ActionHref)}" data-testid="proxy-action">{E(page.ActionId!)}<span lang="en"> · {E(page.ActionEn!)}</span></a></p>""";
        return $$"""
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(page.TitleId)}} · {{E(page.TitleEn)}}</title>
            <style>
            body{margin:0;font-family:Roboto,"Segoe UI",Arial,sans-serif;background:#f5f5f5;color:#212121}
            header{background:#1565c0;color:#fff;padding:12px 16px;font-weight:500}
            main{max-width:560px;margin:24px auto;background:#fff;border-radius:4px;box-shadow:0 1px 3px rgba(0,0,0,.2);padding:20px}
            h1{font-size:1.4rem;margin:0 0 4px}
            .en{color:#616161}
            .btn{display:inline-block;background:#1565c0;color:#fff;text-decoration:none;padding:12px 20px;border-radius:4px;min-height:24px}
            .code{color:#9e9e9e;font-size:.8rem}
            </style>
            </head>
            <body>
            <header>Portal Superapps</header>
            <main data-testid="proxy-page" data-code="{{E(page.Code)}}">
            <h1>{{E(page.TitleId)}}</h1>
            <p>{{E(page.TextId)}}</p>
            <div class="en" lang="en"><h2 style="font-size:1.1rem">{{E(page.TitleEn)}}</h2><p>{{E(page.TextEn)}}</p></div>
            {{action}}
            <p class="code">{{page.Status}} · {{E(page.Code)}}</p>
            </main>
            </body>
            </html>
            """;
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} B";
}
