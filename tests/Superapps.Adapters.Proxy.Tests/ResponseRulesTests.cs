using Superapps.Adapters.Proxy.Transforms;

namespace Superapps.Adapters.Proxy.Tests;

public sealed class ResponseRulesTests
{
    private static readonly Uri Upstream = new("http://127.0.0.1:6001/");
    private static readonly Uri Portal = new("http://127.0.0.1:5080/");
    private static readonly Uri Identity = new("http://127.0.0.1:5070/");
    private static readonly string[] PortalCookies = [".Superapps.", ".AspNetCore.Antiforgery", ".AspNetCore.Culture", "OpenIddict."];

    private static (LocationAction Action, string? Location) Location(string location, Uri? upstream = null) =>
        ResponseRules.Location(location, "simpeg", upstream ?? Upstream, Portal, Identity);

    [Theory]
    [InlineData("http://127.0.0.1:6001/pegawai?id=1", "/apps/simpeg/pegawai?id=1")]
    [InlineData("http://127.0.0.1:6001/", "/apps/simpeg/")]
    [InlineData("//127.0.0.1:6001/masuk", "/apps/simpeg/masuk")]
    [InlineData("/masuk", "/apps/simpeg/masuk")]
    public void A_redirect_to_the_app_itself_is_rewritten_under_its_prefix(string location, string expected) =>
        Location(location).ShouldBe((LocationAction.Rewrite, expected));

    [Fact]
    public void An_app_with_a_base_path_is_rewritten_without_it() =>
        Location("http://127.0.0.1:6001/simpeg/lama/daftar", new Uri("http://127.0.0.1:6001/simpeg/lama/"))
            .ShouldBe((LocationAction.Rewrite, "/apps/simpeg/daftar"));

    [Theory]
    [InlineData("pegawai/2")]
    [InlineData("../daftar")]
    [InlineData("?halaman=2")]
    [InlineData("/apps/simpeg/pegawai")]
    [InlineData("http://127.0.0.1:5080/apps/simpeg/pegawai")]
    [InlineData("http://127.0.0.1:5070/connect/authorize?client_id=legacy-demo")]
    public void Relative_redirects_and_the_portal_and_identity_server_are_kept(string location) =>
        Location(location).ShouldBe((LocationAction.Keep, location));

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("http://127.0.0.1:6002/other-app")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.example")]
    [InlineData("https:\\\\evil.example")]
    public void A_redirect_to_any_other_host_is_foreign(string location) =>
        Location(location).Action.ShouldBe(LocationAction.Foreign);

    [Theory]
    [InlineData("sesi=abc; Path=/; Domain=127.0.0.1; HttpOnly", "sesi=abc; Path=/apps/simpeg/; HttpOnly")]
    [InlineData("sesi=abc", "sesi=abc; Path=/apps/simpeg/")]
    [InlineData("sesi=abc; path=/admin; SameSite=Lax", "sesi=abc; Path=/apps/simpeg/admin; SameSite=Lax")]
    [InlineData("sesi=abc; Path=/apps/simpeg/laporan", "sesi=abc; Path=/apps/simpeg/laporan")]
    [InlineData("sesi=abc; Path=/apps/simpeg", "sesi=abc; Path=/apps/simpeg/")]
    [InlineData("sesi=abc; Path=/apps/simpegx", "sesi=abc; Path=/apps/simpeg/apps/simpegx")]
    [InlineData("sesi=a=b; Expires=Wed, 02 Dec 2026 10:00:00 GMT; domain=.kota.go.id", "sesi=a=b; Expires=Wed, 02 Dec 2026 10:00:00 GMT; Path=/apps/simpeg/")]
    public void Cookies_lose_their_domain_and_stay_under_the_app(string setCookie, string expected) =>
        ResponseRules.SetCookie(setCookie, "simpeg", PortalCookies).ShouldBe(expected);

    [Theory]
    [InlineData(".Superapps.Portal=stolen; Path=/")]
    [InlineData(".superapps.portalC1=x")]
    [InlineData(".AspNetCore.Culture=c%3Den; Path=/")]
    [InlineData(".AspNetCore.Antiforgery.abc=x")]
    [InlineData("__Host-sesi=x; Path=/; Secure")]
    public void A_cookie_colliding_with_the_portals_is_dropped(string setCookie) =>
        ResponseRules.SetCookie(setCookie, "simpeg", PortalCookies).ShouldBeNull();
}
