using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Superapps.Adapters.Proxy.Access;

namespace Superapps.Adapters.Proxy.Identity;

/// <summary>
/// The signed identity header contract (README "Header contract"): <c>X-Superapps-Assertion</c>, a compact ES256 JWS valid for 60 s,
/// and the plain headers <c>X-Superapps-User</c>, <c>X-Superapps-Nip</c> and <c>X-Superapps-Name</c> (percent-encoded UTF-8).
/// The assertion is a short-lived bearer proof of who the user is, not a one-time token: <see cref="For"/> hands the same assertion
/// to a user's requests to one app for up to <see cref="ReuseWindow"/>, so every request does not pay for an ES256 signature.
/// </summary>
internal sealed class IdentityAssertion(AssertionKey key, TimeProvider clock)
{
    /// <summary>
    /// How long one assertion is reused for the same user, app and issuer (with the same identity claims): half its lifetime, so an
    /// app always receives an assertion with at least 30 s left.
    /// </summary>
    public static readonly TimeSpan ReuseWindow = TimeSpan.FromSeconds(30);

    /// <summary>Above this many cached assertions the cache starts again (users × apps within 30 s; bounded memory).</summary>
    internal const int MaxCached = 20_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Subject, string Slug, string Issuer), Cached> _cache = new();

    public const string AssertionHeader = "X-Superapps-Assertion";
    public const string UserHeader = "X-Superapps-User";
    public const string NipHeader = "X-Superapps-Nip";
    public const string NameHeader = "X-Superapps-Name";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Audience(string slug) => $"superapps-app:{slug}";

    /// <summary>
    /// The assertion for this request: the one issued to the same user for the same app and issuer less than <see cref="ReuseWindow"/>
    /// ago when the user's identity claims (name, user name, NIP, OPD code, roles) are unchanged; otherwise a fresh one.
    /// </summary>
    public string For(ProxyUser user, string? agencyCode, string slug, string issuer)
    {
        var now = clock.GetUtcNow();
        var cacheKey = (user.Subject, slug, issuer);
        if (_cache.TryGetValue(cacheKey, out var cached) && now - cached.IssuedAt < ReuseWindow && now >= cached.IssuedAt
            && cached.Matches(user, agencyCode))
        {
            return cached.Token;
        }

        var token = Create(user, agencyCode, slug, issuer);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[cacheKey] = new Cached(token, now, user, agencyCode);
        return token;
    }

    /// <summary>A fresh assertion for a user opening the app <paramref name="slug"/> of a portal at <paramref name="issuer"/>.</summary>
    public string Create(ProxyUser user, string? agencyCode, string slug, string issuer)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = user.Subject,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            ["roles"] = user.Roles.ToList(),
        };
        if (user.Username is { } username)
        {
            claims["preferred_username"] = username;
        }

        if (user.Name is { } name)
        {
            claims["name"] = name;
        }

        if (user.Nip is { } nip)
        {
            claims["nip"] = nip;
        }

        if (agencyCode is not null)
        {
            claims["agency"] = agencyCode;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience(slug),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.SigningKey, SecurityAlgorithms.EcdsaSha256),
        });
    }

    private sealed record Cached(string Token, DateTimeOffset IssuedAt, ProxyUser User, string? AgencyCode)
    {
        public bool Matches(ProxyUser user, string? agencyCode) =>
            string.Equals(AgencyCode, agencyCode, StringComparison.Ordinal)
            && string.Equals(User.Username, user.Username, StringComparison.Ordinal)
            && string.Equals(User.Name, user.Name, StringComparison.Ordinal)
            && string.Equals(User.Nip, user.Nip, StringComparison.Ordinal)
            && SameRoles(User.Roles, user.Roles);

        private static bool SameRoles(IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The name as sent in <c>X-Superapps-Name</c>: percent-encoded UTF-8, so that non-ASCII letters survive HTTP headers.</summary>
    public static string EncodeName(string name) => Uri.EscapeDataString(name);
}
