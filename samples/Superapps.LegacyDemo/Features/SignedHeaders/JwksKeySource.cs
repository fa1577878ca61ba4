using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Superapps.LegacyDemo.Features.SignedHeaders;

/// <summary>
/// The portal's public signing keys, fetched from its JWKS and cached. A token naming a key id that is not held fetches the
/// JWKS again (the portal has rotated its key), at most every <see cref="LegacyDemoOptions.JwksMinimumRefreshSeconds"/>.
/// </summary>
internal sealed class JwksKeySource(IHttpClientFactory httpClients, IOptions<LegacyDemoOptions> options, TimeProvider time, ILogger<JwksKeySource> logger) : IDisposable
{
    public const string HttpClientName = "jwks";

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private IReadOnlyList<JsonWebKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    /// <summary>The signing key with this key id, or null when the portal does not publish one.</summary>
    /// <exception cref="JwksUnavailableException">The JWKS could not be fetched and no cached key matches.</exception>
    public async Task<SecurityKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (Match(_keys, keyId) is { } cached && !IsStale(settings))
        {
            return cached;
        }

        await _fetch.WaitAsync(cancellationToken);
        try
        {
            var known = Match(_keys, keyId);
            if (known is not null && !IsStale(settings))
            {
                return known;
            }

            if (known is null && !IsStale(settings) && time.GetUtcNow() - _fetchedAt < TimeSpan.FromSeconds(settings.JwksMinimumRefreshSeconds))
            {
                return null;
            }

            try
            {
                _keys = await FetchAsync(settings.JwksUrl, cancellationToken);
                _fetchedAt = time.GetUtcNow();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException)
            {
                logger.LogWarning(e, "The JWKS at {Url} could not be fetched", settings.JwksUrl);
                // A stale key still verifies until the portal answers again.
                return known ?? throw new JwksUnavailableException(settings.JwksUrl, e);
            }

            return Match(_keys, keyId);
        }
        finally
        {
            _fetch.Release();
        }
    }

    public void Dispose() => _fetch.Dispose();

    private bool IsStale(LegacyDemoOptions settings) => time.GetUtcNow() - _fetchedAt > TimeSpan.FromSeconds(settings.JwksCacheSeconds);

    private async Task<IReadOnlyList<JsonWebKey>> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        var set = JsonWebKeySet.Create(await response.Content.ReadAsStringAsync(cancellationToken));
        return [.. set.Keys.Where(k => k.Use is null or "sig" && !string.IsNullOrEmpty(k.Kid))];
    }

    private static JsonWebKey? Match(IReadOnlyList<JsonWebKey> keys, string keyId) => keys.FirstOrDefault(k => k.Kid == keyId);
}

/// <summary>The portal's JWKS could not be read (the portal is down or answered garbage).</summary>
internal sealed class JwksUnavailableException(Uri url, Exception inner) : Exception($"The JWKS at {url} could not be fetched.", inner);
