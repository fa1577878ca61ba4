using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Superapps.Adapters.Proxy.Access;

namespace Superapps.Adapters.Proxy.Identity;

/// <summary>
/// The signed identity header contract (README "Header contract"): <c>X-Superapps-Assertion</c>, a compact ES256 JWS valid for 60 s,
/// and the plain headers <c>X-Superapps-User</c>, <c>X-Superapps-Nip</c> and <c>X-Superapps-Name</c> (percent-encoded UTF-8).
/// </summary>
internal sealed class IdentityAssertion(AssertionKey key, TimeProvider clock)
{
    public const string AssertionHeader = "X-Superapps-Assertion";
    public const string UserHeader = "X-Superapps-User";
    public const string NipHeader = "X-Superapps-Nip";
    public const string NameHeader = "X-Superapps-Name";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Audience(string slug) => $"superapps-app:{slug}";

    /// <summary>The assertion for a user opening the app <paramref name="slug"/> of a portal at <paramref name="issuer"/>.</summary>
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

    /// <summary>The name as sent in <c>X-Superapps-Name</c>: percent-encoded UTF-8, so that non-ASCII letters survive HTTP headers.</summary>
    public static string EncodeName(string name) => Uri.EscapeDataString(name);
}
