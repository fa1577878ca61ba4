using Superapps.Adapters.Proxy.Guards;

namespace Superapps.Adapters.Proxy.Tests;

/// <summary>The app's root without its trailing slash is redirected to it; compared in place on every request.</summary>
public sealed class AppRootTests
{
    [Theory]
    [InlineData("/apps/simpeg", true)]
    [InlineData("/APPS/Simpeg", true)]
    [InlineData("/apps/simpeg/", false)]
    [InlineData("/apps/simpegx", false)]
    [InlineData("/apps/simpe", false)]
    [InlineData("/aplikasi/simpeg", false)]
    public void Only_the_apps_own_root_matches(string path, bool root) =>
        ProxyGuardMiddleware.IsAppRoot(path, "simpeg").ShouldBe(root);
}
