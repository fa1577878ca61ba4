using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Superapps.LegacyDemo.Features.Diagnostics;
using Superapps.LegacyDemo.Features.Monitoring;
using Superapps.LegacyDemo.Features.Oidc;
using Superapps.LegacyDemo.Features.SignedHeaders;

namespace Superapps.LegacyDemo;

/// <summary>The demo legacy app's registrations, middleware and routes.</summary>
internal static class LegacyDemoModule
{
    /// <summary>Builds the app from command-line arguments (the process and the tests alike).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddLegacyDemo();
        var app = builder.Build();
        app.UseLegacyDemo();
        app.MapLegacyDemo();
        return app;
    }

    public static WebApplicationBuilder AddLegacyDemo(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LegacyDemoOptions>().BindConfiguration(LegacyDemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(JwksKeySource.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.TryAddSingleton<JwksKeySource>();
        services.TryAddSingleton<AssertionVerifier>();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the portal's proxy on this machine may say where the request came from and under which prefix it is published.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            o.KnownProxies.Clear();
            o.KnownProxies.Add(IPAddress.Loopback);
            o.KnownProxies.Add(IPAddress.IPv6Loopback);
        });
        builder.AddOidcSignIn();
        return builder;
    }

    public static WebApplication UseLegacyDemo(this WebApplication app)
    {
        app.UseRawHeaderCapture();
        // X-Forwarded-Prefix becomes the path base, so links and OIDC redirect URIs carry /apps/{slug}.
        app.UseForwardedHeaders();
        app.UseStatusCodePages();
        app.UseAuthentication();
        return app;
    }

    public static WebApplication MapLegacyDemo(this WebApplication app)
    {
        app.MapDiagnostics();
        app.MapHeadersPage();
        app.MapOidcSignIn();
        app.MapMonitoringFeed();
        return app;
    }
}
