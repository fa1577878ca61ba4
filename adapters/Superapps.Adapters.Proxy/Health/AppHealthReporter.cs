using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Superapps.Adapters.Proxy.Routing;
using Superapps.AppCatalog.Contracts;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Superapps.Adapters.Proxy.Health;

/// <summary>
/// Reads YARP's view of each app's health (active probes of the app's health path, passive checks of forwarded requests) every
/// <see cref="ProxyOptions.RefreshInterval"/>, in memory, and hands a change to <see cref="IAppHealthSink"/> when it happens; an unchanged
/// state is reported again only every <see cref="Heartbeat"/>, to move its "last checked" time. A failed report is tried again next time.
/// </summary>
internal sealed partial class AppHealthReporter(
    IProxyStateLookup lookup, IServiceScopeFactory scopes, TimeProvider clock, IOptions<ProxyOptions> options, ILogger<AppHealthReporter> logger)
    : BackgroundService
{
    /// <summary>How often an unchanged state is reported again (its "last checked" time).</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMinutes(5);

    private readonly Dictionary<Guid, Tracked> _apps = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ReportAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One look at the apps' health: returns the reports handed over (empty when nothing changed or the report failed).</summary>
    public async Task<IReadOnlyList<AppHealthReport>> ReportAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var seen = new HashSet<Guid>();
        foreach (var cluster in lookup.GetClusters())
        {
            if (cluster.Model.Config.Metadata?.GetValueOrDefault(ProxyMetadata.AppId) is not { } id || !Guid.TryParse(id, out var appId))
            {
                continue;
            }

            seen.Add(appId);
            var health = HealthOf(cluster);
            if (!_apps.TryGetValue(appId, out var tracked))
            {
                // A newly published app is reported once it is known, not as "unknown" first.
                _apps[appId] = new Tracked(health, now, Reported: health == AppHealth.Unknown, ReportedAt: now, Gone: false);
            }
            else if (tracked.Health != health || tracked.Gone)
            {
                _apps[appId] = new Tracked(health, now, Reported: false, tracked.ReportedAt, Gone: false);
            }
        }

        foreach (var (appId, tracked) in _apps.Where(a => !seen.Contains(a.Key) && !a.Value.Gone).ToList())
        {
            // No longer behind the proxy (withdrawn or retired): its health is no longer known.
            _apps[appId] = new Tracked(AppHealth.Unknown, now, Reported: false, tracked.ReportedAt, Gone: true);
        }

        var due = _apps.Where(a => !a.Value.Reported || now - a.Value.ReportedAt >= Heartbeat).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var reports = due.Select(a => new AppHealthReport(a.Key, a.Value.Health, a.Value.ChangedAt, now)).ToList();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAppHealthSink>().RecordAsync(reports, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReportFailed(logger, ex, reports.Count);
            return [];
        }

        foreach (var (appId, tracked) in due)
        {
            if (tracked.Gone)
            {
                _apps.Remove(appId);
            }
            else
            {
                _apps[appId] = tracked with { Reported = true, ReportedAt = now };
            }
        }

        foreach (var (appId, tracked) in due.Where(d => !d.Value.Reported))
        {
            LogChanged(logger, appId, tracked.Health);
        }

        return reports;
    }

    /// <summary>Unhealthy when a probe or a forwarded request says so; healthy once a probe answered; unknown before that.</summary>
    internal static AppHealth HealthOf(ClusterState cluster)
    {
        var health = AppHealth.Unknown;
        foreach (var destination in cluster.Destinations.Values)
        {
            if (destination.Health.Active == DestinationHealth.Unhealthy || destination.Health.Passive == DestinationHealth.Unhealthy)
            {
                return AppHealth.Unhealthy;
            }

            if (destination.Health.Active == DestinationHealth.Healthy)
            {
                health = AppHealth.Healthy;
            }
        }

        return health;
    }

    private sealed record Tracked(AppHealth Health, DateTimeOffset ChangedAt, bool Reported, DateTimeOffset ReportedAt, bool Gone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting the health of {Count} apps to the catalogue failed; it is tried again")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "App {AppId} is now {Health}")]
    private static partial void LogChanged(ILogger logger, Guid appId, AppHealth health);
}
