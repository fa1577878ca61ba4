using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Superapps.Adapters.Proxy.Routing;
using Superapps.SharedKernel;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Superapps.Adapters.Proxy.Usage;

/// <summary>Counts every request of an app route: errors are 5xx answers and requests the app did not answer; latency to the last byte.</summary>
internal sealed class UsageMiddleware(RequestDelegate next, UsageAggregator usage, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await next(context);
            failed = context.Response.StatusCode >= 500 || context.Features.Get<IForwarderErrorFeature>() is { Error: not ForwarderError.RequestCanceled };
        }
        finally
        {
            if (Guid.TryParse(context.GetReverseProxyFeature().Route.Config.Metadata?.GetValueOrDefault(ProxyMetadata.AppId), out var appId))
            {
                var user = context.User.Identity?.IsAuthenticated == true
                    ? context.User.FindFirstValue("sub") ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier)
                    : null;
                usage.Record(appId, Wib.Today(clock), failed, Stopwatch.GetElapsedTime(started).TotalMilliseconds, user);
            }
        }
    }
}
