using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.Usage;

/// <summary>Hands the usage counters to <see cref="IAppUsageSink"/> every <see cref="ProxyOptions.UsageFlushInterval"/> and on shutdown; a failed flush keeps them.</summary>
internal sealed partial class UsageFlusher(UsageAggregator usage, IServiceScopeFactory scopes, IOptions<ProxyOptions> options, ILogger<UsageFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UsageFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync flushes once more.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>One flush: returns whether the counters were stored (or there was nothing to store).</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        var batches = usage.Drain();
        if (batches.Count == 0)
        {
            return true;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAppUsageSink>().RecordAsync(batches, cancellationToken);
            return true;
        }
        catch (Exception ex)
        {
            usage.Restore(batches);
            LogFlushFailed(logger, ex, batches.Count);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} app usage batches failed; they are kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int count);
}
