using Superapps.Adapters.Proxy.HostRedirects;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.Tests;

/// <summary>Old host names: a bookmark on a legacy app's own host lands on the app's place in the portal.</summary>
public sealed class HostRedirectMapTests
{
    private static PublishedApp App(string slug, AppStatus status, string? url, Uri? upstream = null, AppRetirement? retirement = null) =>
        new(Guid.NewGuid(), slug, slug, status, upstream, IdentityMode.SignedHeaders, AppAccess.Employees, "/health", 1024, retirement)
        {
            OriginalUrl = url is null ? null : new Uri(url),
        };

    private static readonly Uri Upstream = new("http://10.10.1.20:8080/");

    private static HostRedirectMap Map(params PublishedApp[] apps) => HostRedirectMap.Build(apps, "portal.kotademo.go.id");

    [Fact]
    public void A_proxied_apps_old_host_goes_to_its_path_under_apps_with_the_query()
    {
        var map = Map(App("simpeg", AppStatus.Proxied, "http://simpeg.kota.example/", Upstream));

        map.Target("simpeg.kota.example", null, "/pegawai/123", "?tab=riwayat").ShouldBe("/apps/simpeg/pegawai/123?tab=riwayat");
        map.Target("SIMPEG.Kota.Example", null, "/", string.Empty).ShouldBe("/apps/simpeg/");
    }

    [Fact]
    public void A_retired_apps_old_host_goes_to_its_replacement_or_its_notice()
    {
        var map = Map(
            App("e-surat-lama", AppStatus.Retired, "http://esurat.kota.example/", retirement: new AppRetirement("/surat")),
            App("absen", AppStatus.Retired, "https://absen.kota.example/app/", retirement: new AppRetirement(null)));

        map.Target("esurat.kota.example", null, "/surat/masuk/9", "?x=1").ShouldBe("/surat");
        map.Target("absen.kota.example", null, "/app/rekap", string.Empty).ShouldBe("/aplikasi/absen/pensiun");
    }

    [Fact]
    public void A_retiring_app_still_behind_the_proxy_goes_there_and_an_adapted_one_to_the_portals_home()
    {
        var map = Map(
            App("sipd", AppStatus.Retiring, "http://sipd.kota.example/", Upstream),
            App("monitor", AppStatus.Adapted, "http://monitor.kota.example/"));

        map.Target("sipd.kota.example", null, "/anggaran", string.Empty).ShouldBe("/apps/sipd/anggaran");
        map.Target("monitor.kota.example", null, "/status", string.Empty).ShouldBe("/");
    }

    [Fact]
    public void Apps_sharing_a_host_are_told_apart_by_their_path()
    {
        var map = Map(
            App("simpeg", AppStatus.Proxied, "http://apps.kota.example/simpeg/", Upstream),
            App("sipd", AppStatus.Proxied, "http://apps.kota.example/sipd", Upstream),
            App("home", AppStatus.Proxied, "http://apps.kota.example/", Upstream));

        map.Target("apps.kota.example", null, "/simpeg/pegawai/1", string.Empty).ShouldBe("/apps/simpeg/pegawai/1");
        map.Target("apps.kota.example", null, "/sipd", string.Empty).ShouldBe("/apps/sipd/");
        map.Target("apps.kota.example", null, "/sipdx/1", string.Empty).ShouldBe("/apps/home/sipdx/1");
    }

    [Fact]
    public void An_app_url_with_its_own_port_needs_that_port_and_one_on_the_default_port_takes_any()
    {
        var map = Map(
            App("sikda", AppStatus.Proxied, "http://10.10.1.5:8081/", Upstream),
            App("siskeu", AppStatus.Proxied, "http://10.10.1.5/", Upstream));

        map.Target("10.10.1.5", 8081, "/pasien", string.Empty).ShouldBe("/apps/sikda/pasien");
        map.Target("10.10.1.5", 8082, "/pasien", string.Empty).ShouldBe("/apps/siskeu/pasien");
        map.Target("10.10.1.5", null, "/", string.Empty).ShouldBe("/apps/siskeu/");
        Map(App("sikda", AppStatus.Proxied, "http://10.10.1.5:8081/", Upstream)).Target("10.10.1.5", null, "/", string.Empty).ShouldBeNull();
    }

    [Fact]
    public void Unknown_hosts_the_portals_own_host_and_apps_not_published_are_not_redirected()
    {
        var map = Map(
            App("simpeg", AppStatus.Proxied, "http://simpeg.kota.example/", Upstream),
            App("portal-twin", AppStatus.Proxied, "https://portal.kotademo.go.id/lama/", Upstream),
            App("siskeudes", AppStatus.Active, "http://siskeudes.kota.example/"),
            App("todo", AppStatus.ToIntegrate, "http://todo.kota.example/"),
            App("no-url", AppStatus.Proxied, null, Upstream));

        map.Target("other.kota.example", null, "/", string.Empty).ShouldBeNull();
        map.Target("portal.kotademo.go.id", null, "/lama/x", string.Empty).ShouldBeNull();
        map.Target("siskeudes.kota.example", null, "/", string.Empty).ShouldBeNull();
        map.Target("todo.kota.example", null, "/", string.Empty).ShouldBeNull();
        Map().IsEmpty.ShouldBeTrue();
    }
}
