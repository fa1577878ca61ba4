using System.Net;

namespace Superapps.LegacyDemo.Tests;

/// <summary>Health, the routes that misbehave on purpose for the proxy's security tests, and OIDC when it is not set up.</summary>
public sealed class DiagnosticsTests(LegacyDemoServer server) : IClassFixture<LegacyDemoServer>
{
    [Fact]
    public async Task Health_answers_ok()
    {
        using var client = server.Client();
        using var response = await client.GetAsync("health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("ok");
    }

    [Fact]
    public async Task The_bad_routes_redirect_to_another_host_and_set_a_cookie_on_the_root_path()
    {
        using var client = server.Client();
        using var redirect = await client.GetAsync("bad/redirect", TestContext.Current.CancellationToken);
        using var cookie = await client.GetAsync("bad/cookie", TestContext.Current.CancellationToken);

        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location.ShouldBe(new Uri("http://example.invalid/"));
        cookie.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("simpeg_lama_bad=1", StringComparison.Ordinal) && c.Contains("path=/;", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Oidc_without_an_identity_server_says_so_in_both_languages()
    {
        using var client = server.Client();
        using var response = await client.GetAsync("oidc", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var text = LegacyDemoServer.TestId(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "oidc-not-configured");
        text.ShouldNotBeNull();
        text.ShouldContain("belum dikonfigurasi");
        text.ShouldContain("not configured");
    }
}
