namespace Superapps.AppCatalog;

/// <summary>Settings of the application catalogue (section <c>Superapps:AppCatalog</c>), checked at start.</summary>
public sealed class AppCatalogOptions
{
    public const string Section = "Superapps:AppCatalog";

    /// <summary>With the demo data, also the demo city's catalogue of about 72 apps with 30 days of usage (the development host turns this on).</summary>
    public bool SeedDemoCatalogue { get; set; }

    /// <summary>
    /// The base URL of the demo legacy app (SIMPEG Lama) the development stack starts. When set, the demo catalogue publishes it as
    /// <c>simpeg-lama</c> (signed headers) and <c>simpeg-lama-sso</c> (OIDC); when empty, <c>simpeg-lama</c> is seeded as an active app without
    /// an upstream.
    /// </summary>
    public string? DemoLegacyAppUrl { get; set; }
}
