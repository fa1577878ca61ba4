using Superapps.LegacyDemo.Html;

namespace Superapps.LegacyDemo.Features.Diagnostics;

/// <summary>
/// Health, an echo of what arrived, and two routes that misbehave on purpose: the proxy's security tests use them to prove
/// that a legacy app cannot send users to another host or plant cookies on the portal's path.
/// </summary>
internal static class DiagnosticsEndpoints
{
    private const string RawHeadersKey = "LegacyDemo.RawHeaders";

    /// <summary>Keeps the request headers of <c>/echo</c> as they arrived, before the forwarded headers are consumed.</summary>
    public static IApplicationBuilder UseRawHeaderCapture(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/echo", StringComparison.Ordinal))
        {
            context.Items[RawHeadersKey] = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        }

        return next(context);
    });

    public static IEndpointRouteBuilder MapDiagnostics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Text("ok"));

        app.Map("/echo", (HttpContext context) => Results.Json(new
        {
            method = context.Request.Method,
            scheme = context.Request.Scheme,
            host = context.Request.Host.Value,
            path_base = context.Request.PathBase.Value,
            path = context.Request.Path.Value,
            query = context.Request.QueryString.Value,
            remote_ip = context.Connection.RemoteIpAddress?.ToString(),
            headers = context.Items[RawHeadersKey] as Dictionary<string, string> ?? [],
        }));

        app.MapGet("/bad/redirect", () => Results.Redirect("http://example.invalid/"));

        app.MapGet("/bad/cookie", (HttpContext context) =>
        {
            context.Response.Cookies.Append("simpeg_lama_bad", "1", new CookieOptions { Path = "/", HttpOnly = true });
            return new LegacyPage(context, "Cookie").Paragraph("Cookie dengan Path=/ telah dikirim. / A cookie with Path=/ was sent.", "bad-cookie").ToResult();
        });

        app.MapGet("/", (HttpContext context) => new LegacyPage(context, "Beranda")
            .Heading("Selamat datang di SIMPEG Lama")
            .Paragraph("Aplikasi kepegawaian lama ini dibuka melalui portal Superapps. Pilih cara identitas Anda diterima:")
            .Raw($"""
                <ul>
                <li><a href="{LegacyPage.E(context.Request.PathBase.Add("/headers").ToUriComponent())}" data-testid="home-headers">Header identitas bertanda tangan</a> - portal menandatangani siapa Anda di setiap permintaan.</li>
                <li><a href="{LegacyPage.E(context.Request.PathBase.Add("/oidc").ToUriComponent())}" data-testid="home-oidc">Masuk dengan SSO (OIDC)</a> - aplikasi ini meminta server identitas kota, tanpa kata sandi kedua.</li>
                </ul>
                """)
            .ToResult());
        return app;
    }
}
