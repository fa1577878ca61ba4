namespace Superapps.AppCatalog.Contracts;

/// <summary>
/// The applications the portal publishes under <c>/apps/{slug}/</c>, as the proxy needs them. The proxy polls
/// <see cref="StampAsync"/> and reads the apps again when the stamp changes, so a change made in the catalogue (by any
/// portal instance) takes effect within seconds, without a restart.
/// </summary>
public interface IAppDirectory
{
    /// <summary>Every app with a slug that is proxied, adapted, retiring or retired (whose old URLs must keep working).</summary>
    Task<AppDirectorySnapshot> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>A number that changes whenever any app the proxy publishes changes.</summary>
    Task<long> StampAsync(CancellationToken cancellationToken = default);
}

/// <summary>The published apps at one stamp.</summary>
public sealed record AppDirectorySnapshot(long Stamp, IReadOnlyList<PublishedApp> Apps);

/// <summary>An app as the proxy publishes it.</summary>
/// <param name="Id">The catalogue's id of the app.</param>
/// <param name="Slug">The path segment under <c>/apps/</c>: lowercase letters, digits and dashes.</param>
/// <param name="Name">The app's name, for the friendly pages.</param>
/// <param name="Status">Proxied apps are forwarded; retired apps are redirected to <see cref="Retirement"/>.</param>
/// <param name="Upstream">The legacy app's own base URL (the proxy's destination); null once retired.</param>
/// <param name="Identity">How the user's identity reaches the app.</param>
/// <param name="Access">Who may open it.</param>
/// <param name="HealthPath">A path on the upstream that answers 2xx when the app is up, e.g. <c>/health</c>.</param>
/// <param name="MaxRequestBodyBytes">Requests with a larger body are refused with 413 before they reach the app.</param>
/// <param name="Retirement">Where a retired app's old URLs go; null while it runs.</param>
public sealed record PublishedApp(
    Guid Id,
    string Slug,
    string Name,
    AppStatus Status,
    Uri? Upstream,
    IdentityMode Identity,
    AppAccess Access,
    string HealthPath,
    long MaxRequestBodyBytes,
    AppRetirement? Retirement)
{
    /// <summary>
    /// The app's own address as the catalogue lists it (e.g. <c>http://simpeg.kota.example/</c>), the one users bookmarked; its host
    /// name, once pointed at the portal, is redirected to the app's place in the portal. Null when the catalogue has none.
    /// </summary>
    public Uri? OriginalUrl { get; init; }
}

/// <summary>
/// Where a retired app's old URLs lead: the portal page that replaced it (a module page such as <c>/surat</c>) or, when
/// nothing replaced it, the catalogue's notice page <c>/aplikasi/{slug}/pensiun</c>, which says where its data went and
/// whom to ask.
/// </summary>
/// <param name="ReplacementPath">A path inside the portal, starting with <c>/</c>; null for the notice page.</param>
public sealed record AppRetirement(string? ReplacementPath)
{
    /// <summary>The path the old URLs redirect to, for an app with the given slug.</summary>
    public string RedirectPath(string slug) => ReplacementPath ?? $"/aplikasi/{slug}/pensiun";
}
