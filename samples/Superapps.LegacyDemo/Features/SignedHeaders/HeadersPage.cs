using System.Globalization;
using Superapps.LegacyDemo.Html;

namespace Superapps.LegacyDemo.Features.SignedHeaders;

/// <summary><c>/headers</c>: the identity the portal's proxy sent, verified; the plain headers beside it, never trusted on their own.</summary>
internal static class HeadersPage
{
    public const string UserHeader = "X-Superapps-User";
    public const string NipHeader = "X-Superapps-Nip";
    public const string NameHeader = "X-Superapps-Name";

    private static readonly TimeZoneInfo Wib = TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");

    public static IEndpointRouteBuilder MapHeadersPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/headers", RenderAsync);
        return app;
    }

    private static async Task<IResult> RenderAsync(HttpContext context, AssertionVerifier verifier)
    {
        var check = await verifier.VerifyAsync(context.Request.Headers[AssertionVerifier.HeaderName].ToString(), context.RequestAborted);
        var page = new LegacyPage(context, "Identitas dari portal")
            .Heading("Identitas pegawai dari portal (header bertanda tangan)");

        if (check.Identity is { } identity)
        {
            page.Raw("<p class=\"ok\" data-testid=\"signature-status\" data-valid=\"true\">Tanda tangan identitas: sah</p>")
                .Table([
                    ("NIP", identity.Nip ?? "(tidak ada NIP)", "nip"),
                    ("Nama", identity.Name, "name"),
                    ("Nama pengguna", identity.UserName, "user"),
                    ("OPD", identity.Agency, "agency"),
                    ("Peran", string.Join(", ", identity.Roles), "roles"),
                    ("Subjek (sub)", identity.Subject, "subject"),
                    ("Berlaku sampai", identity.ExpiresAt is { } until
                        ? TimeZoneInfo.ConvertTime(until, Wib).ToString("dd-MM-yyyy HH:mm:ss 'WIB'", CultureInfo.InvariantCulture) : null, "expires"),
                ]);
        }
        else
        {
            page.Raw($"<p class=\"bad\" data-testid=\"signature-status\" data-valid=\"false\" data-reason=\"{LegacyPage.E(check.FailureCode)}\">" +
                    $"Tanda tangan identitas: tidak sah ({LegacyPage.E(check.FailureReason)})</p>")
                .Paragraph("Identitas tidak dapat dipercaya, jadi data pegawai tidak ditampilkan. / The identity cannot be trusted, so no staff data is shown.",
                    "identity-untrusted");
        }

        var plainUser = Header(context, UserHeader);
        var plainNip = Header(context, NipHeader);
        var plainName = Header(context, NameHeader) is { } encoded ? Uri.UnescapeDataString(encoded) : null;
        page.Heading("Header biasa (tidak ditandatangani)")
            .Paragraph(check.Identity is { } signed
                ? (signed.UserName == plainUser && signed.Nip == plainNip && signed.Name == plainName
                    ? "Cocok dengan identitas bertanda tangan."
                    : "TIDAK cocok dengan identitas bertanda tangan: yang dipakai hanya yang bertanda tangan.")
                : "Tidak dipercaya: tanpa tanda tangan yang sah, header ini bisa dipalsukan.", "plain-status", "note")
            .Table([
                (UserHeader, plainUser, "plain-user"),
                (NipHeader, plainNip, "plain-nip"),
                (NameHeader, plainName, "plain-name"),
            ]);
        return page.ToResult();
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } value ? value : null;
}
