using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Superapps.Testing;

/// <summary>A request an <see cref="HttpCapture"/> received.</summary>
public sealed record CapturedRequest(string Method, string Path, string? Authorization, string ContentType, string Body);

/// <summary>
/// A minimal Kestrel app on 127.0.0.1 and a free port that keeps every request and answers with <see cref="StatusCode"/>:
/// a stand-in for an external HTTP gateway (WhatsApp, webhooks).
/// </summary>
public sealed class HttpCapture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<CapturedRequest> _requests = [];

    private HttpCapture(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>What every request is answered with; change it to make the gateway fail.</summary>
    public HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<HttpCapture> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        HttpCapture? capture = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            lock (capture!._requests)
            {
                capture._requests.Add(new CapturedRequest(context.Request.Method, context.Request.Path.Value ?? "/",
                    context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, context.Request.ContentType ?? string.Empty, body));
            }

            context.Response.StatusCode = (int)capture.StatusCode;
            await context.Response.WriteAsync(capture.StatusCode == HttpStatusCode.OK ? "{\"status\":\"queued\"}" : "{\"error\":\"gateway down\"}", context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        capture = new HttpCapture(app, new Uri(address.TrimEnd('/') + "/"));
        return capture;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
