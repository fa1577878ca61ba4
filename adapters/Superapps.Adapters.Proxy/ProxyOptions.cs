using System.ComponentModel.DataAnnotations;

namespace Superapps.Adapters.Proxy;

/// <summary>Section <c>Superapps:Proxy</c>: how the portal publishes legacy apps under <c>/apps/{slug}/</c>.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Superapps:Proxy";

    /// <summary>How often the catalogue's stamp is read; a change applies within this interval (plus the read).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the usage counters are handed to the catalogue (and once more on shutdown).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan UsageFlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each app's health path is probed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a health probe may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an app may stay silent while answering before the user gets the "app is down" page.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The folder holding the ES256 key that signs the identity assertion (<c>proxy-assertion.p8</c>), created on first run.
    /// Defaults to <c>keys/proxy</c> under <c>Superapps:DataDirectory</c> (git-ignored <c>.data/</c>). Every portal instance must
    /// share it, or apps must accept every instance's key from the JWKS.
    /// </summary>
    public string? KeyDirectory { get; set; }

    /// <summary>
    /// The portal's public base URL: the assertion's <c>iss</c> and the origin old app host names redirect to. When unset,
    /// <c>Superapps:Notifications:PortalUrl</c> or <c>Superapps:Signing:PublicBaseUrl</c> when configured; otherwise the assertion uses the
    /// request's own origin (after forwarded headers) and old host names are not redirected (never to the incoming host).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The identity server's base URL: apps in Oidc mode may redirect the user there. Defaults to
    /// <c>Superapps:Portal:Authentication:Authority</c>.
    /// </summary>
    public Uri? IdentityAuthority { get; set; }

    /// <summary>
    /// Names (or name prefixes) of the portal's own cookies: its session, antiforgery, culture, the OIDC client's correlation cookies
    /// and the identity server's cookies (same host in development). They are never sent to an app, and an app may not set them.
    /// </summary>
    [MinLength(1)]
    public IList<string> PortalCookiePrefixes { get; set; } =
        [".Superapps.", ".AspNetCore.Antiforgery", ".AspNetCore.Culture", "OpenIddict."];

    /// <summary>The path of the ICT complaint form the "app is down" page links to.</summary>
    [Required]
    public string ComplaintFormPath { get; set; } = "/tiket/lapor";
}
