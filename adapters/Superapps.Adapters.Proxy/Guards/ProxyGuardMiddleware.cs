using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Superapps.Adapters.Proxy.Pages;
using Superapps.Adapters.Proxy.Routing;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Superapps.Adapters.Proxy.Guards;

/// <summary>
/// The guards in YARP's pipeline, before anything reaches the app: <c>/apps/{slug}</c> redirects to <c>/apps/{slug}/</c>, escaping paths
/// get 400, bodies over the app's limit 413; after forwarding, an app that did not answer gives the friendly 503 page.
/// </summary>
internal sealed class ProxyGuardMiddleware(RequestDelegate next, ProxyState state, IOptions<ProxyOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var slug = context.GetReverseProxyFeature().Route.Config.Metadata?.GetValueOrDefault(ProxyMetadata.AppSlug);
        var app = slug is null ? null : state.Find(slug);
        if (slug is null || app is null)
        {
            await ProxyPages.WriteAsync(context, ProxyPages.NotFound(slug ?? "?"));
            return;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path;
        if (PathGuard.Escapes(slug, raw, path))
        {
            await ProxyPages.WriteAsync(context, ProxyPages.BadPath(app.Name));
            return;
        }

        if (IsAppRoot(path, slug))
        {
            context.Response.Redirect(ProxyMetadata.Prefix(slug) + "/" + context.Request.QueryString);
            return;
        }

        var limit = app.MaxRequestBodyBytes;
        if (limit > 0)
        {
            if (context.Request.ContentLength > limit)
            {
                await ProxyPages.WriteAsync(context, ProxyPages.TooLarge(app.Name, limit));
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;
            }
        }

        await next(context);

        if (context.Response.HasStarted || context.Features.Get<IForwarderErrorFeature>() is not { } error)
        {
            return;
        }

        switch (error.Error)
        {
            case ForwarderError.RequestBodyClient when IsTooLarge(error.Exception):
                await ProxyPages.WriteAsync(context, ProxyPages.TooLarge(app.Name, limit));
                break;
            case ForwarderError.NoAvailableDestinations or ForwarderError.Request or ForwarderError.RequestTimedOut
                or ForwarderError.ResponseHeaders or ForwarderError.RequestBodyDestination:
                await ProxyPages.WriteAsync(context, ProxyPages.Down(app.Name, ComplaintLink(app.Name)));
                break;
        }
    }

    /// <summary>The ICT complaint form, prefilled with the category "application" and a description naming the app.</summary>
    public string ComplaintLink(string appName) =>
        $"{options.Value.ComplaintFormPath}?kategori=Application&keterangan={Uri.EscapeDataString($"Aplikasi {appName} tidak dapat diakses.")}";

    /// <summary>Whether the path is <c>/apps/{slug}</c> itself, without its trailing slash (compared in place: this runs on every request).</summary>
    internal static bool IsAppRoot(string path, string slug) =>
        path.Length == "/apps/".Length + slug.Length
        && path.StartsWith("/apps/", StringComparison.OrdinalIgnoreCase)
        && path.AsSpan("/apps/".Length).Equals(slug, StringComparison.OrdinalIgnoreCase);

    private static bool IsTooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }
}
