using Superapps.Adapters.Proxy.Transforms;

namespace Superapps.Adapters.Proxy.Tests;

public sealed class HeaderRulesTests
{
    private static readonly string[] PortalCookies = [".Superapps.", ".AspNetCore.Antiforgery", ".AspNetCore.Culture", "OpenIddict."];

    [Theory]
    [InlineData("X-Superapps-Assertion", true)]
    [InlineData("x-superapps-nip", true)]
    [InlineData("X-SUPERAPPS-USER", true)]
    [InlineData("X-Superapps-Anything", true)]
    [InlineData("X-Superapps", false)]
    [InlineData("X-Forwarded-For", false)]
    [InlineData("Authorization", false)]
    public void Every_X_Superapps_header_is_the_proxys_in_any_case(string name, bool identity) =>
        HeaderRules.IsIdentityHeader(name).ShouldBe(identity);

    [Fact]
    public void The_portals_cookies_are_removed_and_the_apps_own_kept() =>
        HeaderRules.FilterCookieHeader(
            [".Superapps.Portal=sesi; PHPSESSID=abc; .AspNetCore.Culture=c%3Did", ".AspNetCore.Antiforgery.x1=t; simpeg_pref=gelap; OpenIddict.Client.RequestForgery=q"],
            PortalCookies)
            .ShouldBe("PHPSESSID=abc; simpeg_pref=gelap");

    [Fact]
    public void Nothing_is_left_when_only_portal_cookies_were_sent() =>
        HeaderRules.FilterCookieHeader([".Superapps.Portal=sesi; .Superapps.PortalC1=x"], PortalCookies).ShouldBeNull();
}
