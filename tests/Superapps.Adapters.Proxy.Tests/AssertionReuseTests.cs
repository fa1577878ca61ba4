using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Superapps.Adapters.Proxy.Access;
using Superapps.Adapters.Proxy.Identity;

namespace Superapps.Adapters.Proxy.Tests;

/// <summary>
/// The assertion is a short-lived bearer proof, reused for a user's requests to one app for 30 s (so not every request pays for an ES256
/// signature), never across apps, issuers or changed identity claims, and never with less than 30 s of its minute left.
/// </summary>
public sealed class AssertionReuseTests
{
    private const string Issuer = "https://portal.kotademo.go.id/";
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 2, 15, 0, TimeSpan.Zero));
    private readonly IdentityAssertion _assertion;

    public AssertionReuseTests() => _assertion = new IdentityAssertion(new AssertionKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)), _clock);

    private static ProxyUser User(string sub = "a1b2c3", string name = "Rina Wulandari", params string[] roles) => ProxyUser.From(new ClaimsPrincipal(new ClaimsIdentity(
    [
        new Claim("sub", sub),
        new Claim("preferred_username", "rina.wulandari"),
        new Claim("name", name),
        .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
    ], "test")))!;

    [Fact]
    public void The_same_users_requests_to_one_app_share_an_assertion_for_30_seconds()
    {
        var first = _assertion.For(User(), "BKPSDM", "simpeg", Issuer);
        _clock.Advance(TimeSpan.FromSeconds(29));

        _assertion.For(User(), "BKPSDM", "simpeg", Issuer).ShouldBe(first);
    }

    [Fact]
    public void After_30_seconds_a_fresh_assertion_with_a_full_minute_is_issued()
    {
        var first = _assertion.For(User(), "BKPSDM", "simpeg", Issuer);
        _clock.Advance(TimeSpan.FromSeconds(30));

        var second = _assertion.For(User(), "BKPSDM", "simpeg", Issuer);

        second.ShouldNotBe(first);
        var jwt = new JsonWebToken(second);
        jwt.Id.ShouldNotBe(new JsonWebToken(first).Id);
        jwt.GetPayloadValue<long>("exp").ShouldBe(_clock.GetUtcNow().ToUnixTimeSeconds() + 60);
    }

    [Fact]
    public void Another_app_issuer_or_user_never_shares_an_assertion()
    {
        var first = _assertion.For(User(), "BKPSDM", "simpeg", Issuer);

        _assertion.For(User(), "BKPSDM", "sipd", Issuer).ShouldNotBe(first);
        _assertion.For(User(), "BKPSDM", "simpeg", "http://127.0.0.1:5080/").ShouldNotBe(first);
        _assertion.For(User(sub: "zz9"), "BKPSDM", "simpeg", Issuer).ShouldNotBe(first);
    }

    [Fact]
    public void Changed_identity_claims_get_a_fresh_assertion_at_once()
    {
        var first = _assertion.For(User(roles: "pegawai"), "BKPSDM", "simpeg", Issuer);

        var promoted = _assertion.For(User(roles: ["pegawai", "admin-opd"]), "BKPSDM", "simpeg", Issuer);
        var renamed = _assertion.For(User(name: "Rina Wulandari, S.Kom.", roles: ["pegawai", "admin-opd"]), "BKPSDM", "simpeg", Issuer);
        var moved = _assertion.For(User(name: "Rina Wulandari, S.Kom.", roles: ["pegawai", "admin-opd"]), "DISKOMINFO", "simpeg", Issuer);

        promoted.ShouldNotBe(first);
        renamed.ShouldNotBe(promoted);
        moved.ShouldNotBe(renamed);
        new JsonWebToken(moved).GetClaim("agency").Value.ShouldBe("DISKOMINFO");
        new JsonWebToken(renamed).GetClaim("name").Value.ShouldBe("Rina Wulandari, S.Kom.");
    }
}
