using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using Superapps.LegacyDemo.Html;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Superapps.LegacyDemo.Features.Oidc;

/// <summary>
/// <c>/oidc</c>: the app as an OIDC client of the identity server (authorization code + PKCE, confidential client
/// <c>legacy-demo</c>), with its own cookie. Redirect URIs are relative, so they follow the request: direct, or under the
/// portal's <c>/apps/{slug}/</c> once the forwarded headers have set scheme, host and path base.
/// </summary>
internal static class OidcSignIn
{
    public const string CookieScheme = "SimpegLama";
    public const string CookieName = ".SimpegLama.Session";
    private const string CallbackPath = "/oidc/callback";

    public static WebApplicationBuilder AddOidcSignIn(this WebApplicationBuilder builder)
    {
        var oidc = builder.Configuration.GetSection(LegacyDemoOptions.Section).Get<LegacyDemoOptions>()?.Oidc ?? new LegacyDemoOidcOptions();
        var authentication = builder.Services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, o =>
        {
            // Its own cookie, scoped to the path base (so under the proxy it stays below /apps/{slug}/).
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = oidc.AllowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        if (oidc.Authority is null)
        {
            return builder;
        }

        builder.Services.AddOpenIddict().AddClient(o =>
        {
            o.AllowAuthorizationCodeFlow();
            o.DisableTokenStorage();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            var aspNetCore = o.UseAspNetCore().EnableRedirectionEndpointPassthrough();
            if (oidc.AllowHttp)
            {
                aspNetCore.DisableTransportSecurityRequirement();
            }

            o.UseSystemNetHttp();
            o.AddRegistration(new OpenIddictClientRegistration
            {
                Issuer = oidc.Authority,
                ClientId = oidc.ClientId,
                ClientSecret = oidc.ClientSecret,
                Scopes = { Scopes.Profile, Scopes.Roles },
                RedirectUri = new Uri(CallbackPath.TrimStart('/'), UriKind.Relative),
            });
        });
        builder.Services.Configure<OpenIddictClientAspNetCoreOptions>(o =>
        {
            // The portal on the same host (another port) has its own correlation cookies: keep ours apart.
            o.CookieBuilder.Name = "SimpegLama.OpenIddict";
            if (oidc.AllowHttp)
            {
                o.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CookieBuilder.SameSite = SameSiteMode.Lax;
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapOidcSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oidc", (Delegate)ShowAsync);
        app.MapMethods(CallbackPath, ["GET", "POST"], (Delegate)CallbackAsync).DisableAntiforgery();
        app.MapPost("/oidc/logout", (Delegate)SignOutAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        // Leaves this app only; the portal and the identity server keep their sessions.
        await context.SignOutAsync(CookieScheme);
        return Results.Redirect(context.Request.PathBase.Add("/").ToUriComponent());
    }

    private static async Task<IResult> ShowAsync(HttpContext context)
    {
        var page = new LegacyPage(context, "Masuk dengan SSO").Heading("Identitas pegawai dari server identitas (OIDC)");
        if (context.RequestServices.GetService<OpenIddictClientService>() is null)
        {
            return page.Paragraph("SSO OIDC belum dikonfigurasi (LegacyDemo:Oidc:Authority). / OIDC sign-in is not configured.", "oidc-not-configured")
                .ToResult(StatusCodes.Status503ServiceUnavailable);
        }

        var session = await context.AuthenticateAsync(CookieScheme);
        if (session.Principal is not { Identity.IsAuthenticated: true } user)
        {
            // A legacy app that requires its users to sign in: straight to the identity server, which knows the portal's user already.
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase.Add("/oidc").ToUriComponent() },
                [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
        }

        return page.Raw("<p class=\"ok\" data-testid=\"oidc-status\">Masuk dengan SSO: berhasil, tanpa kata sandi kedua.</p>")
            .Table([
                ("NIP", user.FindFirst(ClaimNip)?.Value ?? "(tidak ada NIP)", "nip"),
                ("Nama", user.FindFirst(Claims.Name)?.Value, "name"),
                ("Nama pengguna", user.FindFirst(Claims.PreferredUsername)?.Value, "user"),
                ("OPD", user.FindFirst(ClaimAgency)?.Value, "agency"),
                ("Peran", string.Join(", ", user.FindAll(Claims.Role).Select(c => c.Value)), "roles"),
                ("Subjek (sub)", user.FindFirst(Claims.Subject)?.Value, "subject"),
            ])
            .Raw($"<form method=\"post\" action=\"{LegacyPage.E(page.Link("/oidc/logout"))}\"><button type=\"submit\" data-testid=\"oidc-logout\">Keluar dari SIMPEG Lama</button></form>")
            .ToResult();
    }

    // The identity server's claim names (they reach the client through the userinfo endpoint).
    private const string ClaimNip = "nip";
    private const string ClaimAgency = "opd_name";

    private static async Task<IResult> CallbackAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { Identity.IsAuthenticated: true } principal)
        {
            var error = result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.Error);
            return new LegacyPage(context, "Gagal masuk")
                .Heading("Proses masuk tidak dapat diselesaikan")
                .Paragraph("Proses masuk tidak dapat diselesaikan. Silakan coba lagi. / The sign-in could not be completed. Please try again.", "oidc-error")
                .Paragraph(error is null ? string.Empty : "Kode: " + error, css: "note")
                .ToResult(StatusCodes.Status400BadRequest);
        }

        var identity = new ClaimsIdentity(CookieScheme, Claims.Name, Claims.Role);
        void Copy(string from, string to)
        {
            foreach (var claim in principal.FindAll(from))
            {
                identity.AddClaim(new Claim(to, claim.Value));
            }
        }

        // OpenIddict maps sub and preferred_username to the ClaimTypes names; the display name stays "name".
        Copy(ClaimTypes.NameIdentifier, Claims.Subject);
        Copy(Claims.Name, Claims.Name);
        Copy(ClaimTypes.Name, Claims.PreferredUsername);
        Copy(Claims.Role, Claims.Role);
        Copy(ClaimNip, ClaimNip);
        Copy(ClaimAgency, ClaimAgency);

        var home = context.Request.PathBase.Add("/oidc").ToUriComponent();
        var target = result.Properties?.RedirectUri is { } back && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : home;
        return Results.SignIn(new ClaimsPrincipal(identity), new AuthenticationProperties { RedirectUri = target }, CookieScheme);
    }
}
