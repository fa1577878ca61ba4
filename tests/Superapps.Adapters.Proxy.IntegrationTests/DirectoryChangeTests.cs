using System.Net;
using System.Net.Sockets;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.IntegrationTests;

/// <summary>Routes as data: the catalogue's changes apply within seconds without a restart; a down app or a down catalogue is handled.</summary>
public sealed class DirectoryChangeTests : IAsyncLifetime
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);
    private EchoUpstream _upstream = null!;
    private EchoUpstream _other = null!;
    private ProxyHarness _proxy = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await EchoUpstream.StartAsync();
        _other = await EchoUpstream.StartAsync();
        _proxy = await ProxyHarness.StartAsync([Apps.Simpeg(_upstream.Url)]);
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _other.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var client = _proxy.Client(Apps.Rina);
        using var response = await client.GetAsync(path, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task An_app_added_changed_and_removed_in_the_catalogue_takes_effect_within_five_seconds()
    {
        (await StatusAsync("/apps/sipd/")).ShouldBe(HttpStatusCode.NotFound);

        _proxy.Directory.Set(apps => [.. apps, Apps.App("sipd", "SIPD", _upstream.Url, IdentityMode.Oidc, AppAccess.Employees)]);
        await Wait.UntilAsync(async () => await StatusAsync("/apps/sipd/") == HttpStatusCode.OK, FiveSeconds, "the added app answers");

        var otherHits = _other.Hits;
        _proxy.Directory.Set(apps => [.. apps.Select(a => a.Slug == "sipd" ? a with { Upstream = _other.Url } : a)]);
        await Wait.UntilAsync(async () => await StatusAsync("/apps/sipd/") == HttpStatusCode.OK && _other.Hits > otherHits, FiveSeconds,
            "the changed upstream answers");

        _proxy.Directory.Set(apps => [.. apps.Select(a => a.Slug == "sipd" ? a with { Access = new AppAccess(false, [], [Apps.Dinkes]) } : a)]);
        await Wait.UntilAsync(async () => await StatusAsync("/apps/sipd/") == HttpStatusCode.Forbidden, FiveSeconds, "the changed access applies");

        _proxy.Directory.Set(apps => [.. apps.Where(a => a.Slug != "sipd")]);
        await Wait.UntilAsync(async () => await StatusAsync("/apps/sipd/") == HttpStatusCode.NotFound, FiveSeconds, "the removed app is gone");
        (await StatusAsync("/apps/simpeg/")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_failing_catalogue_read_keeps_the_last_good_routes()
    {
        _proxy.Directory.Failing = true;
        var reads = _proxy.Directory.Reads;
        await Wait.UntilAsync(() => Task.FromResult(_proxy.Directory.Reads >= reads + 2), FiveSeconds, "the proxy reads the failing catalogue twice");

        (await StatusAsync("/apps/simpeg/")).ShouldBe(HttpStatusCode.OK);

        _proxy.Directory.Failing = false;
        _proxy.Directory.Set(apps => [.. apps, Apps.App("sipd", "SIPD", _upstream.Url, IdentityMode.Oidc, AppAccess.Employees)]);
        await Wait.UntilAsync(async () => await StatusAsync("/apps/sipd/") == HttpStatusCode.OK, FiveSeconds, "the catalogue is read again once it recovers");
    }

    [Fact]
    public async Task A_down_app_gives_a_friendly_503_with_a_one_tap_complaint_link()
    {
        _proxy.Directory.Set(apps => [.. apps, Apps.App("sikda", "SIKDA Puskesmas", new Uri($"http://127.0.0.1:{ClosedPort()}/"), IdentityMode.None, AppAccess.Employees)]);
        await _proxy.WaitForRoutesAsync();
        using var client = _proxy.Client(Apps.Rina);

        using var response = await client.GetAsync("/apps/sikda/pasien", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var page = await response.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("Aplikasi sedang tidak dapat dihubungi");
        page.ShouldContain("The app cannot be reached");
        page.ShouldContain("Laporkan gangguan");
        page.ShouldContain("href=\"/tiket/lapor?kategori=Application&amp;keterangan=Aplikasi%20SIKDA%20Puskesmas%20tidak%20dapat%20diakses.\"");
        page.ShouldNotContain("Exception");
        page.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_app_that_goes_down_is_marked_unhealthy_and_still_answered_with_the_friendly_page()
    {
        var port = ClosedPort();
        _proxy.Directory.Set(apps => [.. apps, Apps.App("sikda", "SIKDA", new Uri($"http://127.0.0.1:{port}/"), IdentityMode.None, AppAccess.Employees)]);
        await _proxy.WaitForRoutesAsync();

        // The active health check (every second here) marks the destination unhealthy; then YARP has no destination at all.
        await Wait.UntilAsync(async () =>
        {
            using var client = _proxy.Client(Apps.Rina);
            using var response = await client.GetAsync("/apps/sikda/", Ct);
            return response.StatusCode == HttpStatusCode.ServiceUnavailable
                && (await response.Content.ReadAsStringAsync(Ct)).Contains("Laporkan gangguan", StringComparison.Ordinal)
                && response.Headers.TryGetValues("X-Proxy-Error", out var codes) && codes.Single() == "proxy.app.down";
        }, FiveSeconds, "the down app answers with the friendly page");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
