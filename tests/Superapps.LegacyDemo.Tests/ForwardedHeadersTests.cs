using System.Net;
using System.Text.Json;

namespace Superapps.LegacyDemo.Tests;

/// <summary>Behind the portal's proxy the app lives under <c>/apps/{slug}/</c>: the forwarded headers make its links and URLs follow.</summary>
public sealed class ForwardedHeadersTests(LegacyDemoServer server) : IClassFixture<LegacyDemoServer>
{
    private static readonly (string, string)[] Proxied =
    [
        ("X-Forwarded-For", "10.20.30.40"),
        ("X-Forwarded-Proto", "https"),
        ("X-Forwarded-Host", "portal.kota.go.id"),
        ("X-Forwarded-Prefix", "/apps/simpeg-lama"),
    ];

    private async Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Links_carry_the_prefix_the_proxy_forwarded()
    {
        using var proxied = await GetAsync("", Proxied);
        using var direct = await GetAsync("");

        var proxiedHtml = await proxied.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var directHtml = await direct.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        LegacyDemoServer.TestIdAttribute(proxiedHtml, "home-headers", "href").ShouldBe("/apps/simpeg-lama/headers");
        LegacyDemoServer.TestIdAttribute(proxiedHtml, "link-oidc", "href").ShouldBe("/apps/simpeg-lama/oidc");
        LegacyDemoServer.TestIdAttribute(proxiedHtml, "menu-home", "href").ShouldBe("/apps/simpeg-lama/");
        LegacyDemoServer.TestIdAttribute(directHtml, "home-headers", "href").ShouldBe("/headers");
        LegacyDemoServer.TestIdAttribute(directHtml, "menu-home", "href").ShouldBe("/");
    }

    [Fact]
    public async Task Scheme_host_and_path_base_come_from_the_loopback_proxy_and_echo_shows_what_arrived()
    {
        using var response = await GetAsync("echo?x=1", [.. Proxied, ("X-Superapps-User", "198503122010011003")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = echo.RootElement;
        root.GetProperty("scheme").GetString().ShouldBe("https");
        root.GetProperty("host").GetString().ShouldBe("portal.kota.go.id");
        root.GetProperty("path_base").GetString().ShouldBe("/apps/simpeg-lama");
        root.GetProperty("path").GetString().ShouldBe("/echo");
        root.GetProperty("query").GetString().ShouldBe("?x=1");
        root.GetProperty("remote_ip").GetString().ShouldBe("10.20.30.40");
        // The headers as they arrived, before the forwarded ones were consumed.
        var headers = root.GetProperty("headers");
        headers.GetProperty("X-Forwarded-Prefix").GetString().ShouldBe("/apps/simpeg-lama");
        headers.GetProperty("X-Forwarded-For").GetString().ShouldBe("10.20.30.40");
        headers.GetProperty("X-Superapps-User").GetString().ShouldBe("198503122010011003");
    }
}
