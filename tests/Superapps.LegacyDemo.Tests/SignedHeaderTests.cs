using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Superapps.LegacyDemo.Tests;

/// <summary><c>/headers</c> verifies the portal's signed identity header with standard JWT code against the portal's JWKS.</summary>
public sealed class SignedHeaderTests(LegacyDemoServer server) : IClassFixture<LegacyDemoServer>
{
    private async Task<(HttpResponseMessage Response, string Html)> GetHeadersAsync(string? assertion, params (string Name, string Value)[] plain)
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "headers");
        if (assertion is not null)
        {
            request.Headers.Add("X-Superapps-Assertion", assertion);
        }

        foreach (var (name, value) in plain)
        {
            request.Headers.Add(name, value);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static void ShouldBeRefused(string html, string reason)
    {
        LegacyDemoServer.TestIdAttribute(html, "signature-status", "data-valid").ShouldBe("false");
        LegacyDemoServer.TestIdAttribute(html, "signature-status", "data-reason").ShouldBe(reason);
        LegacyDemoServer.TestId(html, "signature-status")!.ShouldStartWith("Tanda tangan identitas: tidak sah (");
        // Nothing of the claimed identity is shown as the employee's.
        LegacyDemoServer.TestId(html, "nip").ShouldBeNull();
        LegacyDemoServer.TestId(html, "name").ShouldBeNull();
        LegacyDemoServer.TestId(html, "user").ShouldBeNull();
        LegacyDemoServer.TestId(html, "identity-untrusted").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_header_signed_with_a_key_of_the_portals_jwks_is_accepted_and_shows_who_the_user_is()
    {
        var (response, html) = await GetHeadersAsync(server.Assertion());

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        LegacyDemoServer.TestIdAttribute(html, "signature-status", "data-valid").ShouldBe("true");
        LegacyDemoServer.TestId(html, "signature-status").ShouldBe("Tanda tangan identitas: sah");
        LegacyDemoServer.TestId(html, "nip").ShouldBe("198503122010011003");
        LegacyDemoServer.TestId(html, "name").ShouldBe("Siti Nurhaliza Ünal");
        LegacyDemoServer.TestId(html, "user").ShouldBe("198503122010011003");
        LegacyDemoServer.TestId(html, "agency").ShouldBe("BKPSDM");
        LegacyDemoServer.TestId(html, "roles").ShouldBe("pegawai, operator-opd");
    }

    [Fact]
    public async Task An_official_without_a_nip_is_shown_as_such()
    {
        var token = server.Assertion(extra: new Dictionary<string, object> { ["preferred_username"] = "walikota@kota.go.id" });
        var withoutNip = Rewrite(token, payload => payload.Remove("nip"));
        // Re-signing is the portal's job: sign a payload without nip properly instead.
        var signed = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(withoutNip.Payload,
            new SigningCredentials(server.PortalKey, SecurityAlgorithms.EcdsaSha256));

        var (_, html) = await GetHeadersAsync(signed);

        LegacyDemoServer.TestIdAttribute(html, "signature-status", "data-valid").ShouldBe("true");
        LegacyDemoServer.TestId(html, "nip").ShouldBe("(tidak ada NIP)");
        LegacyDemoServer.TestId(html, "user").ShouldBe("walikota@kota.go.id");
    }

    [Fact]
    public async Task An_expired_header_is_refused()
    {
        var (response, html) = await GetHeadersAsync(server.Assertion(issuedAt: DateTime.UtcNow.AddMinutes(-5)));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        ShouldBeRefused(html, "expired");
    }

    [Fact]
    public async Task A_header_meant_for_another_app_is_refused()
    {
        var (_, html) = await GetHeadersAsync(server.Assertion(audience: "superapps-app:sipd-lama"));

        ShouldBeRefused(html, "audience");
    }

    [Fact]
    public async Task A_header_from_another_issuer_is_refused()
    {
        var (_, html) = await GetHeadersAsync(server.Assertion(issuer: "http://evil.example/"));

        ShouldBeRefused(html, "issuer");
    }

    [Fact]
    public async Task A_tampered_header_is_refused()
    {
        var token = server.Assertion();
        var tampered = Rewrite(token, payload => payload["nip"] = "199001012015011001").Token;

        var (_, html) = await GetHeadersAsync(tampered);

        ShouldBeRefused(html, "signature");
    }

    [Fact]
    public async Task A_header_signed_by_a_key_the_portal_does_not_publish_is_refused()
    {
        var (_, unknownKid) = await GetHeadersAsync(server.Assertion(key: LegacyDemoServer.NewKey("attacker-1")));
        // Same key id as the portal's, but another private key.
        var (_, sameKid) = await GetHeadersAsync(server.Assertion(key: LegacyDemoServer.NewKey(server.PortalKey.KeyId)));

        ShouldBeRefused(unknownKid, "unknown-key");
        ShouldBeRefused(sameKid, "signature");
    }

    [Fact]
    public async Task A_missing_or_garbled_header_is_refused_with_a_page_not_an_error()
    {
        var (missingResponse, missing) = await GetHeadersAsync(null);
        var (garbledResponse, garbled) = await GetHeadersAsync("bukan.sebuah.token");

        missingResponse.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        garbledResponse.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        ShouldBeRefused(missing, "missing");
        ShouldBeRefused(garbled, "malformed");
    }

    [Fact]
    public async Task Plain_headers_are_never_shown_as_the_verified_identity_when_the_signature_fails()
    {
        var tampered = Rewrite(server.Assertion(), payload => payload["nip"] = "199001012015011001").Token;

        var (_, html) = await GetHeadersAsync(tampered,
            ("X-Superapps-User", "199001012015011001"), ("X-Superapps-Nip", "199001012015011001"), ("X-Superapps-Name", "Budi%20Palsu"));

        ShouldBeRefused(html, "signature");
        LegacyDemoServer.TestId(html, "plain-nip").ShouldBe("199001012015011001");
        LegacyDemoServer.TestId(html, "plain-user").ShouldBe("199001012015011001");
        LegacyDemoServer.TestId(html, "plain-name").ShouldBe("Budi Palsu");
        LegacyDemoServer.TestId(html, "plain-status")!.ShouldStartWith("Tidak dipercaya");
    }

    [Fact]
    public async Task Plain_headers_beside_a_valid_signature_are_decoded_and_compared()
    {
        var (_, matching) = await GetHeadersAsync(server.Assertion(),
            ("X-Superapps-User", "198503122010011003"), ("X-Superapps-Nip", "198503122010011003"), ("X-Superapps-Name", Uri.EscapeDataString("Siti Nurhaliza Ünal")));
        var (_, different) = await GetHeadersAsync(server.Assertion(),
            ("X-Superapps-User", "198503122010011003"), ("X-Superapps-Nip", "199001012015011001"), ("X-Superapps-Name", "Siti"));

        LegacyDemoServer.TestId(matching, "plain-name").ShouldBe("Siti Nurhaliza Ünal");
        LegacyDemoServer.TestId(matching, "plain-status")!.ShouldStartWith("Cocok");
        LegacyDemoServer.TestId(different, "plain-status")!.ShouldStartWith("TIDAK cocok");
        LegacyDemoServer.TestId(different, "nip").ShouldBe("198503122010011003");
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_when_a_header_first_names_it()
    {
        var (_, before) = await GetHeadersAsync(server.Assertion());
        LegacyDemoServer.TestIdAttribute(before, "signature-status", "data-valid").ShouldBe("true");
        var next = LegacyDemoServer.NewKey("portal-2026-2");
        server.Publish(server.PortalKey, next);

        var (_, after) = await GetHeadersAsync(server.Assertion(key: next));

        LegacyDemoServer.TestIdAttribute(after, "signature-status", "data-valid").ShouldBe("true");
        server.Publish(server.PortalKey);
    }

    /// <summary>Changes the payload of a compact JWS and keeps its header and signature (what a forger can do).</summary>
    private static (string Token, string Payload) Rewrite(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        change(payload);
        var json = payload.ToJsonString();
        return ($"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json))}.{parts[2]}", json);
    }
}
