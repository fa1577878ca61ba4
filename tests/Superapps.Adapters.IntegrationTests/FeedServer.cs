using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>The legacy monitoring system on loopback: serves <see cref="Body"/> at /api/monitoring/status.json with <see cref="StatusCode"/>.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FeedServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public string Body { get; set; } = "{}";

    public HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;

    public int Requests { get; private set; }

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FeedServer(app);
        app.MapGet("/api/monitoring/status.json", async context =>
        {
            server.Requests++;
            context.Response.StatusCode = (int)server.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(server.Body, context.RequestAborted);
        });
        await app.StartAsync();
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
