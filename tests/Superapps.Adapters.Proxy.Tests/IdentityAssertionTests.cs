using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Superapps.Adapters.Proxy.Access;
using Superapps.Adapters.Proxy.Identity;

namespace Superapps.Adapters.Proxy.Tests;

/// <summary>The assertion as a legacy app sees it: verified with standard JWT code against the served JWKS, never with Superapps code.</summary>
public sealed class IdentityAssertionTests
{
    private const string Issuer = "http://127.0.0.1:5080/";
    private static readonly Guid Diskominfo = Guid.Parse("0b6c2f7e-9a51-4d0e-8d27-2a5f3d1e0c11");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 2, 15, 0, TimeSpan.Zero));
    private readonly AssertionKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private static ProxyUser Rina(string? nip = "198703122010012001") => ProxyUser.From(new ClaimsPrincipal(new ClaimsIdentity(
    [
        new Claim("sub", "a1b2c3"),
        new Claim("preferred_username", "rina.wulandari"),
        new Claim("name", "Rina Wulandari, S.Kom."),
        .. nip is null ? Array.Empty<Claim>() : [new Claim("nip", nip)],
        new Claim("opd_id", Diskominfo.ToString()),
        new Claim(ClaimTypes.Role, "admin-opd"),
        new Claim(ClaimTypes.Role, "pencatat-surat"),
    ], "test")))!;

    private async Task<TokenValidationResult> ValidateAsync(string token, string audience = "superapps-app:simpeg")
    {
        var keys = new JsonWebKeySet(_key.Jwks).GetSigningKeys();
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= _clock.GetUtcNow().UtcDateTime && _clock.GetUtcNow().UtcDateTime < expires,
        });
    }

    [Fact]
    public async Task The_assertion_verifies_against_the_jwks_and_carries_the_contracts_claims()
    {
        var token = new IdentityAssertion(_key, _clock).Create(Rina(), "DISKOMINFO", "simpeg", Issuer);

        var result = await ValidateAsync(token);

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var jwt = new JsonWebToken(token);
        jwt.Alg.ShouldBe("ES256");
        jwt.Kid.ShouldBe(_key.KeyId);
        jwt.Issuer.ShouldBe(Issuer);
        jwt.Audiences.ShouldBe(["superapps-app:simpeg"]);
        jwt.Subject.ShouldBe("a1b2c3");
        jwt.GetClaim("preferred_username").Value.ShouldBe("rina.wulandari");
        jwt.GetClaim("name").Value.ShouldBe("Rina Wulandari, S.Kom.");
        jwt.GetClaim("nip").Value.ShouldBe("198703122010012001");
        jwt.GetClaim("agency").Value.ShouldBe("DISKOMINFO");
        jwt.GetPayloadValue<JsonElement>("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["admin-opd", "pencatat-surat"]);
        jwt.GetPayloadValue<long>("iat").ShouldBe(_clock.GetUtcNow().ToUnixTimeSeconds());
        jwt.GetPayloadValue<long>("nbf").ShouldBe(_clock.GetUtcNow().ToUnixTimeSeconds());
        jwt.GetPayloadValue<long>("exp").ShouldBe(_clock.GetUtcNow().ToUnixTimeSeconds() + 60);
        jwt.Id.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Every_assertion_has_its_own_jti()
    {
        var assertion = new IdentityAssertion(_key, _clock);

        new JsonWebToken(assertion.Create(Rina(), null, "simpeg", Issuer)).Id
            .ShouldNotBe(new JsonWebToken(assertion.Create(Rina(), null, "simpeg", Issuer)).Id);
    }

    [Fact]
    public void An_official_without_a_nip_gets_no_nip_claim()
    {
        var jwt = new JsonWebToken(new IdentityAssertion(_key, _clock).Create(Rina(nip: null), "DISKOMINFO", "simpeg", Issuer));

        jwt.TryGetClaim("nip", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task An_assertion_for_another_app_or_after_a_minute_is_refused()
    {
        var token = new IdentityAssertion(_key, _clock).Create(Rina(), "DISKOMINFO", "simpeg", Issuer);

        (await ValidateAsync(token, "superapps-app:sipd")).IsValid.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(61));
        (await ValidateAsync(token)).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task An_assertion_signed_by_another_key_is_refused()
    {
        using var other = new AssertionKey(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var forged = new IdentityAssertion(other, _clock).Create(Rina(), "DISKOMINFO", "simpeg", Issuer);

        (await ValidateAsync(forged)).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void The_jwks_holds_the_public_key_only_with_its_thumbprint_as_kid()
    {
        var set = new JsonWebKeySet(_key.Jwks);

        var key = set.Keys.ShouldHaveSingleItem();
        key.Kty.ShouldBe("EC");
        key.Crv.ShouldBe("P-256");
        key.Alg.ShouldBe("ES256");
        key.Kid.ShouldBe(Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()));
        key.D.ShouldBeNull();
        _key.Jwks.ShouldNotContain("\"d\"");
    }

    [Fact]
    public void The_name_header_is_percent_encoded_utf8() =>
        IdentityAssertion.EncodeName("Siti Nurhaliza, S.E., M.Si. · Ñ").ShouldBe("Siti%20Nurhaliza%2C%20S.E.%2C%20M.Si.%20%C2%B7%20%C3%91");

    [Fact]
    public void Plt_and_plh_positions_add_their_opds_to_the_users_opds()
    {
        var dinkes = Guid.NewGuid();
        var user = ProxyUser.From(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "x"),
            new Claim("opd_id", Diskominfo.ToString()),
            new Claim("position", $$"""{"id":"{{Guid.NewGuid()}}","title":"Kepala Dinas","agencyId":"{{dinkes}}","agency":"Dinas Kesehatan","kind":"Plt"}"""),
            new Claim("position", "not json"),
        ], "test")))!;

        user.AgencyIds.ShouldBe([Diskominfo, dinkes]);
    }

    [Fact]
    public void A_signed_out_user_is_no_proxy_user() =>
        ProxyUser.From(new ClaimsPrincipal(new ClaimsIdentity())).ShouldBeNull();
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
