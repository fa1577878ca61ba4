using Superapps.Adapters.Proxy.Guards;

namespace Superapps.Adapters.Proxy.Tests;

public sealed class PathGuardTests
{
    [Theory]
    [InlineData("/apps/simpeg/")]
    [InlineData("/apps/simpeg/pegawai/123?cari=a%2Fb")]
    [InlineData("/apps/simpeg/laporan.pdf")]
    [InlineData("/apps/simpeg/a..b/c")]
    [InlineData("/apps/SIMPEG/x")]
    public void Paths_inside_the_app_pass(string raw) =>
        PathGuard.Escapes("simpeg", raw, raw.Split('?')[0]).ShouldBeFalse();

    [Theory]
    [InlineData("/apps/simpeg/../admin", "/apps/admin")]
    [InlineData("/apps/simpeg/a/../../etc/passwd", "/etc/passwd")]
    [InlineData("/apps/simpeg/%2e%2e/%2E%2E/etc", "/etc")]
    [InlineData("/apps/simpeg/x%2f..%2fadmin", "/apps/simpeg/x%2F..%2Fadmin")]
    [InlineData("/apps/simpeg/..%5cadmin", "/apps/simpeg/..\\admin")]
    [InlineData("/apps/simpeg/a\\b", "/apps/simpeg/a\\b")]
    [InlineData("/apps/simpeg/%252e%252e/x", "/apps/simpeg/%2e%2e/x")]
    [InlineData("/apps/other/../simpeg/x", "/apps/simpeg/x")]
    [InlineData("/apps/simpeg/./x", "/apps/simpeg/x")]
    [InlineData("/apps/simpegx/y", "/apps/simpegx/y")]
    public void Paths_that_try_to_leave_the_app_are_refused(string raw, string decoded) =>
        PathGuard.Escapes("simpeg", raw, decoded).ShouldBeTrue();
}
