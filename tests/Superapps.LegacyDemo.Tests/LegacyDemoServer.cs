using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Superapps.LegacyDemo.Tests;

/// <summary>
/// The demo app on a real loopback Kestrel (so the forwarded headers come from a known proxy address), beside a tiny
/// stand-in portal that serves only its JWKS, from ES256 keys made for the run.
/// </summary>
public sealed class LegacyDemoServer : IAsyncLifetime
{
    public const string Slug = "simpeg-lama";

    private WebApplication? _portal;
    private WebApplication? _app;
    private volatile IReadOnlyList<ECDsaSecurityKey> _published = [];

    public ECDsaSecurityKey PortalKey { get; } = NewKey("portal-2026-1");

    public Uri PortalUrl { get; private set; } = null!;

    public Uri AppUrl { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _published = [PortalKey];
        var portal = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        _portal = portal.Build();
        _portal.MapGet("/apps/.well-known/jwks.json", () =>
        {
            return Results.Text(Jwks(_published), "application/json");
        });
        await _portal.StartAsync();
        PortalUrl = new Uri(Address(_portal) + "/");

        _app = LegacyDemoModule.Build([
            "--urls=http://127.0.0.1:0",
            $"--LegacyDemo:PortalUrl={PortalUrl}",
            $"--LegacyDemo:Slug={Slug}",
            // A rotated key is picked up at the first token that names it.
            "--LegacyDemo:JwksMinimumRefreshSeconds=0",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        AppUrl = new Uri(Address(_app) + "/");
    }

    /// <summary>Publishes these keys in the portal's JWKS from now on (key rotation).</summary>
    public void Publish(params ECDsaSecurityKey[] keys) => _published = keys;

    public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = AppUrl };

    public static ECDsaSecurityKey NewKey(string keyId) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = keyId };

    /// <summary>A signed identity header as the portal's proxy makes it (the contract in issue 7), with changes for the bad cases.</summary>
    public string Assertion(ECDsaSecurityKey? key = null, string? issuer = null, string? audience = null, DateTime? issuedAt = null,
        string nip = "198503122010011003", string name = "Siti Nurhaliza Ünal", IDictionary<string, object>? extra = null)
    {
        var iat = issuedAt ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "3f2a7c1e-0000-4000-8000-000000000001",
            ["preferred_username"] = nip,
            ["name"] = name,
            ["nip"] = nip,
            ["agency"] = "BKPSDM",
            ["roles"] = new[] { "pegawai", "operator-opd" },
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        foreach (var (claim, value) in extra ?? new Dictionary<string, object>())
        {
            claims[claim] = value;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? PortalUrl.ToString(),
            Audience = audience ?? "superapps-app:" + Slug,
            IssuedAt = iat,
            NotBefore = iat,
            Expires = iat.AddSeconds(60),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? PortalKey, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>The text of the element with this test id, or null when the page has none.</summary>
    public static string? TestId(string html, string testId)
    {
        var match = Regex.Match(html, $"<[a-z0-9]+[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>An attribute of the element with this test id.</summary>
    public static string? TestIdAttribute(string html, string testId, string attribute)
    {
        var element = Regex.Match(html, $"<[a-z0-9]+[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>");
        var value = element.Success ? Regex.Match(element.Value, $"{Regex.Escape(attribute)}=\"([^\"]*)\"") : null;
        return value is { Success: true } ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    private static string Jwks(IEnumerable<ECDsaSecurityKey> keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(k =>
        {
            // Public parts only, as a JWKS must.
            var p = k.ECDsa.ExportParameters(includePrivateParameters: false);
            return new { kty = "EC", use = "sig", alg = "ES256", crv = "P-256", kid = k.KeyId, x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) };
        }),
    });

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
    }
}
