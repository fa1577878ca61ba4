using System.ComponentModel.DataAnnotations;

namespace Superapps.LegacyDemo;

/// <summary>The settings of the demo legacy app (section <c>LegacyDemo</c>).</summary>
internal sealed class LegacyDemoOptions
{
    public const string Section = "LegacyDemo";

    /// <summary>The app's slug in the portal's catalogue: the signed header's audience is <c>superapps-app:{Slug}</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$")]
    public string Slug { get; set; } = "simpeg-lama";

    /// <summary>The portal's base URL, e.g. <c>http://127.0.0.1:5080/</c>: the issuer of the signed header and the home of its JWKS.</summary>
    [Required]
    public Uri PortalUrl { get; set; } = null!;

    /// <summary>The JWKS is fetched again after this long, or earlier when a token names a key it does not hold.</summary>
    [Range(10, 86_400)]
    public int JwksCacheSeconds { get; set; } = 600;

    /// <summary>Unknown key ids fetch the JWKS again at most this often (a flood of made-up key ids must not flood the portal).</summary>
    [Range(0, 3_600)]
    public int JwksMinimumRefreshSeconds { get; set; } = 5;

    /// <summary>Sign-in by OIDC against the identity server; <c>/oidc</c> says it is not set up when <see cref="LegacyDemoOidcOptions.Authority"/> is empty.</summary>
    public LegacyDemoOidcOptions Oidc { get; set; } = new();

    /// <summary>The issuer values accepted: the portal's base URL, with or without its closing slash.</summary>
    public IReadOnlyList<string> ValidIssuers
    {
        get
        {
            var issuer = PortalBase.AbsoluteUri;
            return [issuer, issuer.TrimEnd('/')];
        }
    }

    public string Audience => "superapps-app:" + Slug;

    public Uri JwksUrl => new(PortalBase, "apps/.well-known/jwks.json");

    private Uri PortalBase => PortalUrl.AbsoluteUri.EndsWith('/') ? PortalUrl : new Uri(PortalUrl.AbsoluteUri + "/");
}

/// <summary>The app as a confidential OIDC client (authorization code + PKCE) of the identity server.</summary>
internal sealed class LegacyDemoOidcOptions
{
    /// <summary>The identity server, e.g. <c>http://127.0.0.1:5081/</c>.</summary>
    public Uri? Authority { get; set; }

    public string ClientId { get; set; } = "legacy-demo";

    /// <summary>From the environment or a secret store, never in appsettings.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Allow plain HTTP (development on 127.0.0.1 only).</summary>
    public bool AllowHttp { get; set; }
}
