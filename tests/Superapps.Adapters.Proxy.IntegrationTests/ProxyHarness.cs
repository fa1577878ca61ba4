using System.Net.Sockets;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Superapps.Adapters.Proxy.Routing;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.IntegrationTests;

/// <summary>
/// The proxy as the portal hosts it, on Kestrel at 127.0.0.1: a test sign-in scheme in place of the portal's cookie (claims sent in
/// <see cref="TestSignIn.Header"/>; without them a request is anonymous and challenged to <c>/login</c>), an in-memory catalogue and a
/// recording usage sink (seams the proxy owns), and the portal's fallback policy.
/// </summary>
public sealed class ProxyHarness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _keyDirectory;

    private ProxyHarness(WebApplication app, Uri address, string keyDirectory)
    {
        _app = app;
        Address = address;
        _keyDirectory = keyDirectory;
    }

    public Uri Address { get; }

    public InMemoryAppDirectory Directory => _app.Services.GetRequiredService<InMemoryAppDirectory>();

    public RecordingUsageSink Usage => _app.Services.GetRequiredService<RecordingUsageSink>();

    public RecordingHealthSink Health => _app.Services.GetRequiredService<RecordingHealthSink>();

    public static readonly Uri IdentityServer = new("http://127.0.0.1:5999/");

    /// <param name="configure">Last registrations, e.g. a real sink in place of a recording one.</param>
    public static async Task<ProxyHarness> StartAsync(IEnumerable<PublishedApp> apps, Action<IDictionary<string, string?>>? settings = null, bool quiet = true,
        Action<IServiceCollection>? configure = null)
    {
        var keyDirectory = Path.Combine(Path.GetTempPath(), "superapps-proxy-tests", Guid.NewGuid().ToString("N")[..12]);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // Quiet: no logging at all. Otherwise Warning, as a production portal logs YARP's per-request lines (the proxy's own filter).
        if (!quiet)
        {
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        }

        var configuration = new Dictionary<string, string?>
        {
            ["Superapps:Proxy:RefreshInterval"] = "00:00:00.200",
            ["Superapps:Proxy:UsageFlushInterval"] = "00:00:00.200",
            ["Superapps:Proxy:HealthCheckInterval"] = "00:00:01",
            // Generous: on a loaded machine a slow probe must not mark a healthy app down (a closed port still fails at once).
            ["Superapps:Proxy:HealthCheckTimeout"] = "00:00:20",
            ["Superapps:Proxy:UpstreamTimeout"] = "00:00:30",
            ["Superapps:Proxy:KeyDirectory"] = keyDirectory,
            ["Superapps:Portal:Authentication:Authority"] = IdentityServer.AbsoluteUri,
        };
        settings?.Invoke(configuration);
        builder.Configuration.AddInMemoryCollection(configuration);

        var services = builder.Services;
        var directory = new InMemoryAppDirectory(apps);
        services.AddSingleton(directory);
        services.AddSingleton<IAppDirectory>(directory);
        services.AddSingleton<RecordingUsageSink>();
        services.AddSingleton<IAppUsageSink>(sp => sp.GetRequiredService<RecordingUsageSink>());
        services.AddSingleton<RecordingHealthSink>();
        services.AddSingleton<IAppHealthSink>(sp => sp.GetRequiredService<RecordingHealthSink>());
        services.AddAuthentication(TestSignIn.SchemeName).AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, null);
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddLegacyProxy();
        configure?.Invoke(services);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapLegacyProxy();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/");
        var harness = new ProxyHarness(app, address, keyDirectory);
        await harness.WaitForRoutesAsync();
        return harness;
    }

    /// <summary>Waits until the proxy applied the catalogue's current stamp.</summary>
    public Task WaitForRoutesAsync() =>
        Wait.UntilAsync(() => Task.FromResult(_app.Services.GetRequiredService<ProxyState>().Stamp == Directory.Stamp), TimeSpan.FromSeconds(10), "the proxy applies the catalogue");

    /// <summary>A client that does not follow redirects nor keep cookies, signed in as <paramref name="user"/> (anonymous when null).</summary>
    public HttpClient Client(params Claim[] user)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Address };
        foreach (var claim in user)
        {
            client.DefaultRequestHeaders.Add(TestSignIn.Header, TestSignIn.Encode(claim));
        }

        return client;
    }

    /// <summary>Sends a request line exactly as written (HttpClient would normalise dot segments and escapes), returns the status code.</summary>
    public async Task<(int Status, string Response)> RawAsync(string target, params Claim[] user)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Address.Host, Address.Port);
        await using var stream = tcp.GetStream();
        var request = new StringBuilder($"GET {target} HTTP/1.1\r\nHost: {Address.Authority}\r\nConnection: close\r\n");
        foreach (var claim in user)
        {
            request.Append(TestSignIn.Header).Append(": ").Append(TestSignIn.Encode(claim)).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        return (int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture), response);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (System.IO.Directory.Exists(_keyDirectory))
        {
            System.IO.Directory.Delete(_keyDirectory, recursive: true);
        }
    }
}

/// <summary>Stands in for the portal's cookie: the claims come in a header; an anonymous request is challenged to <c>/login</c> as the portal does.</summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "Test-Claim";

    public static string Encode(Claim claim) => $"{Uri.EscapeDataString(claim.Type)}={Uri.EscapeDataString(claim.Value)}";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = values.SelectMany(v => (v ?? string.Empty).Split(','))
            .Select(v => v.Trim().Split('=', 2))
            .Where(p => p.Length == 2)
            .Select(p => new Claim(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])));
        var identity = new ClaimsIdentity(claims, SchemeName, "name", ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Redirect("/login?ReturnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
        return Task.CompletedTask;
    }
}

/// <summary>The catalogue as the proxy sees it, in memory: every change moves the stamp; <see cref="Failing"/> makes reads throw.</summary>
public sealed class InMemoryAppDirectory(IEnumerable<PublishedApp> apps) : IAppDirectory
{
    private readonly Lock _lock = new();
    private List<PublishedApp> _apps = [.. apps];
    private long _stamp = 1;
    private int _reads;

    public long Stamp
    {
        get
        {
            lock (_lock)
            {
                return _stamp;
            }
        }
    }

    /// <summary>How many times the proxy asked for the stamp (a failing read counts too).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public bool Failing { get; set; }

    public void Set(Func<List<PublishedApp>, IEnumerable<PublishedApp>> change)
    {
        lock (_lock)
        {
            _apps = [.. change(_apps)];
            _stamp++;
        }
    }

    public Task<AppDirectorySnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            throw new InvalidOperationException("The catalogue database is down (test).");
        }

        lock (_lock)
        {
            return Task.FromResult(new AppDirectorySnapshot(_stamp, [.. _apps]));
        }
    }

    public Task<long> StampAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        if (Failing)
        {
            throw new InvalidOperationException("The catalogue database is down (test).");
        }

        return Task.FromResult(Stamp);
    }
}

/// <summary>Keeps what the proxy flushed; <see cref="Failing"/> makes a flush throw (the proxy must keep the counts).</summary>
public sealed class RecordingUsageSink : IAppUsageSink
{
    private readonly List<AppUsageBatch> _batches = [];
    private int _failures;

    public bool Failing { get; set; }

    public int Failures => Volatile.Read(ref _failures);

    public IReadOnlyList<AppUsageBatch> Batches
    {
        get
        {
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }

    public Task RecordAsync(IReadOnlyCollection<AppUsageBatch> batches, CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException("The catalogue database is down (test).");
        }

        lock (_batches)
        {
            _batches.AddRange(batches);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Keeps the health reports the proxy handed over, in order.</summary>
public sealed class RecordingHealthSink : IAppHealthSink
{
    private readonly List<AppHealthReport> _reports = [];

    public IReadOnlyList<AppHealthReport> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>The last state reported for an app; null before any report.</summary>
    public AppHealth? Of(Guid appId) => Reports.LastOrDefault(r => r.AppId == appId)?.Health;

    public Task RecordAsync(IReadOnlyCollection<AppHealthReport> reports, CancellationToken cancellationToken = default)
    {
        lock (_reports)
        {
            _reports.AddRange(reports);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A tiny legacy app on loopback: echoes what it received, redirects and sets cookies on request, and counts its hits.</summary>
public sealed class EchoUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hits;

    private EchoUpstream(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Requests other than health probes.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Starts the app on <paramref name="port"/> (0: any free port; a given one to bring a stopped app back at its address).</summary>
    public static async Task<EchoUpstream> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Limits.MaxRequestBodySize = null).UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        EchoUpstream? upstream = null;
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path == "/health")
            {
                await context.Response.WriteAsync("ok");
                return;
            }

            Interlocked.Increment(ref upstream!._hits);
            var self = $"{context.Request.Scheme}://{context.Request.Host}";
            switch (path)
            {
                case "/redirect-self":
                    context.Response.Redirect($"{self}/landing?from=self");
                    return;
                case "/redirect-away":
                    context.Response.Redirect("https://evil.example/phish");
                    await context.Response.WriteAsync("upstream body that must not be shown");
                    return;
                case "/redirect-identity":
                    context.Response.Redirect($"{ProxyHarness.IdentityServer}connect/authorize?client_id=legacy-demo");
                    return;
                case "/set-cookie":
                    context.Response.Headers.SetCookie = new(["sesi=abc; Path=/; Domain=127.0.0.1; HttpOnly", ".Superapps.Portal=stolen; Path=/", "pref=gelap"]);
                    await context.Response.WriteAsync("cookies");
                    return;
            }

            long length = 0;
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                length += read;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Echo(
                context.Request.Method,
                path,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                length)));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream = new EchoUpstream(app, new Uri(address.TrimEnd('/') + "/"));
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the upstream received.</summary>
public sealed record Echo(string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyLength);

/// <summary>Waiting on a condition (never a fixed sleep).</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {what}.");
            }

            await Task.Delay(25);
        }
    }
}
