using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Superapps.LegacyDemo.Features.SignedHeaders;

/// <summary>
/// Checks the portal's signed identity header (<c>X-Superapps-Assertion</c>) the way any legacy app can: standard JWT code,
/// the portal's JWKS, ES256 only, the portal as issuer, <c>superapps-app:{slug}</c> as audience, and a short lifetime.
/// </summary>
internal sealed class AssertionVerifier(JwksKeySource keys, IOptions<LegacyDemoOptions> options)
{
    public const string HeaderName = "X-Superapps-Assertion";

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<AssertionCheck> VerifyAsync(string? assertion, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(assertion))
        {
            return AssertionCheck.Failed("missing");
        }

        JsonWebToken token;
        try
        {
            token = Handler.ReadJsonWebToken(assertion);
        }
        catch (ArgumentException)
        {
            return AssertionCheck.Failed("malformed");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return AssertionCheck.Failed("no-kid");
        }

        SecurityKey? key;
        try
        {
            key = await keys.FindAsync(token.Kid, cancellationToken);
        }
        catch (JwksUnavailableException)
        {
            return AssertionCheck.Failed("jwks-unavailable");
        }

        if (key is null)
        {
            return AssertionCheck.Failed("unknown-key");
        }

        var settings = options.Value;
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidIssuers = settings.ValidIssuers,
            ValidAudience = settings.Audience,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            // The header lives 60 s; half a minute covers clocks that disagree, not replays a day later.
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid)
        {
            return AssertionCheck.Failed(Code(result.Exception));
        }

        if (string.IsNullOrEmpty(token.Subject))
        {
            return AssertionCheck.Failed("no-subject");
        }

        return AssertionCheck.Verified(new VerifiedIdentity(
            token.Subject,
            Text(token, "preferred_username"),
            Text(token, "name"),
            Text(token, "nip"),
            Text(token, "agency"),
            [.. token.Claims.Where(c => c.Type == "roles").Select(c => c.Value)],
            token.ValidTo == DateTime.MinValue ? null : new DateTimeOffset(token.ValidTo, TimeSpan.Zero)));
    }

    private static string? Text(JsonWebToken token, string claim) => token.TryGetPayloadValue<string>(claim, out var value) ? value : null;

    private static string Code(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not-yet-valid",
        SecurityTokenNoExpirationException => "no-expiry",
        SecurityTokenInvalidAudienceException => "audience",
        SecurityTokenInvalidIssuerException => "issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm",
        SecurityTokenSignatureKeyNotFoundException => "unknown-key",
        SecurityTokenInvalidSignatureException => "signature",
        SecurityTokenMalformedException => "malformed",
        _ => "invalid",
    };
}

/// <summary>Who the portal says the user is, once the signature, issuer, audience and lifetime have checked out.</summary>
internal sealed record VerifiedIdentity(
    string Subject, string? UserName, string? Name, string? Nip, string? Agency, IReadOnlyList<string> Roles, DateTimeOffset? ExpiresAt);

/// <summary>The outcome of checking the header: a verified identity, or why there is none.</summary>
internal sealed record AssertionCheck(VerifiedIdentity? Identity, string? FailureCode)
{
    public bool IsValid => Identity is not null;

    /// <summary>Why the header was refused, in Indonesian with the English after it.</summary>
    public string? FailureReason => FailureCode is null ? null : Reasons.GetValueOrDefault(FailureCode, Reasons["invalid"]);

    public static AssertionCheck Verified(VerifiedIdentity identity) => new(identity, null);

    public static AssertionCheck Failed(string code) => new(null, code);

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["missing"] = "header X-Superapps-Assertion tidak ada / the header is missing",
        ["malformed"] = "format token rusak / malformed token",
        ["no-kid"] = "token tidak menyebut kunci (kid) / the token names no key",
        ["unknown-key"] = "kunci penanda tangan tidak dikenal portal / signed by a key the portal does not publish",
        ["jwks-unavailable"] = "kunci publik portal tidak dapat diambil / the portal's public keys could not be fetched",
        ["signature"] = "tanda tangan tidak cocok / the signature does not match",
        ["expired"] = "sudah kedaluwarsa / expired",
        ["not-yet-valid"] = "belum berlaku / not valid yet",
        ["no-expiry"] = "tidak punya masa berlaku / no expiry",
        ["audience"] = "ditujukan untuk aplikasi lain / meant for another application",
        ["issuer"] = "penerbit bukan portal ini / not issued by this portal",
        ["algorithm"] = "algoritma tidak diizinkan / algorithm not allowed",
        ["no-subject"] = "token tanpa subjek / the token names no subject",
        ["invalid"] = "token tidak valid / invalid token",
    };
}
