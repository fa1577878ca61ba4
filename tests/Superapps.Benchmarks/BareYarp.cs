using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Superapps.Benchmarks;

/// <summary>
/// YARP with nothing of the portal: one static route <c>/bare/{**rest}</c> to the upstream, no authentication, no guards, no usage, no
/// identity transforms. The proxy benchmark's reference row: what forwarding alone costs on this machine.
/// </summary>
internal sealed class BareYarp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareYarp(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareYarp> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "bare", ClusterId = "upstream", Match = new RouteMatch { Path = "/bare/{**rest}" } }.WithTransformPathRemovePrefix("/bare")],
                [new ClusterConfig { ClusterId = "upstream", Destinations = new Dictionary<string, DestinationConfig> { ["app"] = new() { Address = upstream.AbsoluteUri } } }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BareYarp(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
