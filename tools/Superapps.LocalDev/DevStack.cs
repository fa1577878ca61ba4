using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;

namespace Superapps.LocalDev;

/// <summary>
/// Starts the processes (identity server, then portal, then the demo legacy app "SIMPEG Lama") against a database, as the
/// development host and the browser tests both need: same settings, same order, readiness awaited.
/// </summary>
public sealed class DevStack : IAsyncDisposable
{
    private readonly List<ServiceProcess> _processes = [];

    private DevStack(DevStackOptions options)
    {
        Options = options;
        LegacyDemoUrl = new Uri($"http://127.0.0.1:{options.LegacyDemoPort ?? LocalPostgresCluster.FreePort()}/");
        LegacyDemoClientSecret = options.LegacyDemoClientSecret ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    }

    public DevStackOptions Options { get; }

    public Uri PortalUrl => new($"http://127.0.0.1:{Options.PortalPort}/");

    public Uri IdentityUrl => new($"http://127.0.0.1:{Options.IdentityPort}/");

    /// <summary>The demo legacy app reached directly; through the portal's proxy it is <see cref="LegacyDemoProxiedUrl"/>.</summary>
    public Uri LegacyDemoUrl { get; }

    /// <summary>Where the portal publishes the demo legacy app: <c>/apps/simpeg-lama/</c>.</summary>
    public Uri LegacyDemoProxiedUrl => new(PortalUrl, $"apps/{DevStackOptions.LegacyDemoSlug}/");

    /// <summary>The secret of the OIDC client <c>legacy-demo</c>.</summary>
    public string LegacyDemoClientSecret { get; }

    public static async Task<DevStack> StartAsync(DevStackOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var stack = new DevStack(options);
        try
        {
            var common = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Superapps"] = options.ConnectionString,
                ["Superapps__DataDirectory"] = options.DataDirectory,
                ["Superapps__Database__MigrateOnStartup"] = "true",
                ["Superapps__Database__SeedDemoData"] = options.SeedDemoData ? "true" : "false",
                ["Logging__LogLevel__Default"] = options.Quiet ? "Warning" : "Information",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = options.Quiet ? "Warning" : "Information",
            };

            var identity = new Dictionary<string, string>(common)
            {
                ["ASPNETCORE_URLS"] = stack.IdentityUrl.ToString().TrimEnd('/'),
                ["Superapps__Identity__Issuer"] = stack.IdentityUrl.ToString(),
                ["Superapps__Identity__AllowHttp"] = "true",
                ["Superapps__Identity__DemoPassword"] = options.DemoPassword,
                ["Superapps__Identity__Clients__0__ClientId"] = "portal",
                ["Superapps__Identity__Clients__0__ClientSecret"] = options.PortalClientSecret,
                ["Superapps__Identity__Clients__0__DisplayName"] = "Superapps Portal",
                ["Superapps__Identity__Clients__0__RedirectUris__0"] = new Uri(stack.PortalUrl, "callback/login").ToString(),
                ["Superapps__Identity__Clients__0__PostLogoutRedirectUris__0"] = new Uri(stack.PortalUrl, "callback/logout").ToString(),
            };
            if (options.StartLegacyDemo)
            {
                // The demo legacy app signs in by OIDC both directly and through the portal's proxy.
                identity["Superapps__Identity__Clients__1__ClientId"] = DevStackOptions.LegacyDemoClientId;
                identity["Superapps__Identity__Clients__1__ClientSecret"] = stack.LegacyDemoClientSecret;
                identity["Superapps__Identity__Clients__1__DisplayName"] = "SIMPEG Lama (aplikasi warisan, demo)";
                identity["Superapps__Identity__Clients__1__RedirectUris__0"] = new Uri(stack.LegacyDemoUrl, "oidc/callback").ToString();
                identity["Superapps__Identity__Clients__1__RedirectUris__1"] = new Uri(stack.LegacyDemoProxiedUrl, "oidc/callback").ToString();
                // The catalogue's OIDC twin of the demo app, published under /apps/simpeg-lama-sso/.
                identity["Superapps__Identity__Clients__1__RedirectUris__2"] = new Uri(stack.PortalUrl, $"apps/{DevStackOptions.LegacyDemoSlug}-sso/oidc/callback").ToString();
            }

            foreach (var (key, value) in options.IdentitySettings)
            {
                identity[key] = value;
            }

            var portal = new Dictionary<string, string>(common)
            {
                ["ASPNETCORE_URLS"] = stack.PortalUrl.ToString().TrimEnd('/'),
                ["Superapps__Portal__Authentication__Authority"] = stack.IdentityUrl.ToString(),
                ["Superapps__Portal__Authentication__ClientId"] = "portal",
                ["Superapps__Portal__Authentication__ClientSecret"] = options.PortalClientSecret,
                ["Superapps__Portal__Authentication__AllowHttp"] = "true",
                // Links in notification e-mails; with no SMTP host set, e-mails go to mail-pickup under the data folder.
                ["Superapps__Notifications__PortalUrl"] = stack.PortalUrl.ToString(),
                // The public verification URL printed in the QR code of signed letters.
                ["Superapps__Signing__PublicBaseUrl"] = stack.PortalUrl.ToString(),
                // The demo catalogue publishes dozens of apps at fictional hosts (*.kota.example) that never answer: their health
                // probes would print a stack trace every few seconds. The proxy's "app is down" page still shows; only the log is quiet.
                ["Logging__LogLevel__Yarp.ReverseProxy.Health"] = "Error",
            };
            if (options.StartLegacyDemo)
            {
                // Where the demo legacy app listens, for the catalogue's demo entry that the proxy publishes under /apps/simpeg-lama/.
                portal["Superapps__AppCatalog__DemoLegacyAppUrl"] = stack.LegacyDemoUrl.ToString();
                // Its network monitoring feed, for the network monitor adapter (switched on by the development host).
                portal["Superapps__Adapters__NetworkMonitor__BaseUrl"] = stack.LegacyDemoUrl.ToString();
            }

            foreach (var (key, value) in options.PortalSettings)
            {
                portal[key] = value;
            }

            stack._processes.Add(await ServiceProcess.StartAsync("identity", options.AssemblyPath("identity", "Superapps.Identity"), identity,
                new Uri(stack.IdentityUrl, "health/ready"), log, cancellationToken));
            stack._processes.Add(await ServiceProcess.StartAsync("portal", options.AssemblyPath("portal", "Superapps.Portal"), portal,
                new Uri(stack.PortalUrl, "health/ready"), log, cancellationToken));
            if (options.StartLegacyDemo)
            {
                var legacyDemo = new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["ASPNETCORE_URLS"] = stack.LegacyDemoUrl.ToString().TrimEnd('/'),
                    ["LegacyDemo__Slug"] = DevStackOptions.LegacyDemoSlug,
                    // The issuer of the signed identity header and the home of its JWKS.
                    ["LegacyDemo__PortalUrl"] = stack.PortalUrl.ToString(),
                    ["LegacyDemo__Oidc__Authority"] = stack.IdentityUrl.ToString(),
                    ["LegacyDemo__Oidc__ClientId"] = DevStackOptions.LegacyDemoClientId,
                    ["LegacyDemo__Oidc__ClientSecret"] = stack.LegacyDemoClientSecret,
                    ["LegacyDemo__Oidc__AllowHttp"] = "true",
                    ["Logging__LogLevel__Default"] = options.Quiet ? "Warning" : "Information",
                    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = options.Quiet ? "Warning" : "Information",
                };
                stack._processes.Add(await ServiceProcess.StartAsync("legacy-demo", options.AssemblyPath("samples", "Superapps.LegacyDemo"), legacyDemo,
                    new Uri(stack.LegacyDemoUrl, "health"), log, cancellationToken));
            }

            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }
    }
}

public sealed record DevStackOptions(
    string RepositoryRoot,
    string ConnectionString,
    string DataDirectory,
    int PortalPort,
    int IdentityPort,
    string PortalClientSecret,
    string DemoPassword,
    bool SeedDemoData = true,
    bool Quiet = false)
{
    public IReadOnlyDictionary<string, string> IdentitySettings { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> PortalSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The demo legacy app's slug under the portal's <c>/apps/</c>.</summary>
    public const string LegacyDemoSlug = "simpeg-lama";

    /// <summary>The demo legacy app's OIDC client id at the identity server.</summary>
    public const string LegacyDemoClientId = "legacy-demo";

    /// <summary>Start the demo legacy app "SIMPEG Lama" beside the portal (samples/Superapps.LegacyDemo).</summary>
    public bool StartLegacyDemo { get; init; } = true;

    /// <summary>The demo legacy app's port; a free one when not given.</summary>
    public int? LegacyDemoPort { get; init; }

    /// <summary>The secret of the OIDC client <c>legacy-demo</c>; a random one when not given.</summary>
    public string? LegacyDemoClientSecret { get; init; }

    /// <summary>The built assembly of a host, in the same configuration as the running code.</summary>
    public string AssemblyPath(string folder, string project)
    {
        var configuration = typeof(DevStack).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot, folder, project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built ({path}). Build the solution first.", path);
    }

    /// <summary>The folder holding Superapps.sln, found upwards from <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string? start = null)
    {
        var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Superapps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Superapps.sln was not found above " + (start ?? AppContext.BaseDirectory));
    }
}

/// <summary>Development secrets, generated on first run into the git-ignored data folder.</summary>
public sealed record DevSecrets(string PortalClientSecret, string DemoPassword, string? LegacyDemoClientSecret = null)
{
    public static DevSecrets LoadOrCreate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "secrets.json");
        if (File.Exists(path))
        {
            var saved = JsonSerializer.Deserialize<DevSecrets>(File.ReadAllText(path))!;
            if (saved.LegacyDemoClientSecret is not null)
            {
                return saved;
            }

            // A data folder from before the demo legacy app: keep its secrets and add the new one.
            return Save(path, saved with { LegacyDemoClientSecret = Token(32) });
        }

        return Save(path, new DevSecrets(Token(32), "Demo-" + Words() + "-" + RandomNumberGenerator.GetInt32(100, 999).ToString(CultureInfo.InvariantCulture), Token(32)));
    }

    private static DevSecrets Save(string path, DevSecrets secrets)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(secrets, Indented));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secrets;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Words()
    {
        string[] words = ["Kopi", "Melati", "Sungai", "Batanghari", "Rendang", "Pinang", "Angso", "Duo", "Tempoyak", "Gentala", "Arasy", "Jembatan"];
        return $"{words[RandomNumberGenerator.GetInt32(words.Length)]}{words[RandomNumberGenerator.GetInt32(words.Length)]}";
    }
}

/// <summary>A host started as a child process (<c>dotnet App.dll</c>), waited on until healthy, stopped gracefully.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;

    private ServiceProcess(string name, Process process)
    {
        _name = name;
        _process = process;
    }

    public static async Task<ServiceProcess> StartAsync(string name, string assemblyPath, IReadOnlyDictionary<string, string> environment, Uri health, Action<string>? log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            while (output.Count > 200)
            {
                output.TryDequeue(out _);
            }

            log?.Invoke($"[{name}] {e.Data}");
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(name, process);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode}:\n{string.Join('\n', output)}");
            }

            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first answer.
            }

            if (DateTime.UtcNow > deadline)
            {
                await service.DisposeAsync();
                throw new TimeoutException($"{name} did not become healthy at {health}:\n{string.Join('\n', output)}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets ASP.NET Core shut down gracefully; then make sure.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    public override string ToString() => _name;
}
