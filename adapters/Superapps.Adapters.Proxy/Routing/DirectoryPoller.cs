using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.Routing;

/// <summary>
/// Reads the catalogue's stamp every <see cref="ProxyOptions.RefreshInterval"/> and, when it changed, the apps, and applies them.
/// A failing read keeps the last good routes (and is logged); the next tick tries again.
/// </summary>
internal sealed partial class DirectoryPoller(
    IServiceScopeFactory scopes, DirectoryProxyConfigProvider provider, IOptions<ProxyOptions> options, ILogger<DirectoryPoller> logger) : BackgroundService
{
    private long? _applied;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One poll: returns whether a new configuration was applied.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var directory = scope.ServiceProvider.GetRequiredService<IAppDirectory>();
            var stamp = await directory.StampAsync(cancellationToken);
            if (stamp == _applied)
            {
                return false;
            }

            var snapshot = await directory.ReadAsync(cancellationToken);
            provider.Apply(snapshot);
            _applied = stamp;
            LogApplied(logger, stamp, snapshot.Apps.Count);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReadFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Legacy app routes applied at catalogue stamp {Stamp} ({Count} apps)")]
    private static partial void LogApplied(ILogger logger, long stamp, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the app catalogue failed; the proxy keeps its last good routes")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
