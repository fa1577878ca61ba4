using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Superapps.Adapters.Features.Runs;

/// <summary>
/// The recurring job of one adapter: a run on the adapter's cron schedule, unless its options switch it off. The switch is read first:
/// a switched-off adapter's firing builds neither the adapter (whose module may not even be in the host) nor the runner, and touches no
/// table of the seam.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class AdapterJob<TAdapter>(IServiceProvider services, ILogger<AdapterJob<TAdapter>> logger) : IJob
    where TAdapter : class, ILegacyAdapter
{
    public const string TriggeredBySchedule = "jadwal";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunIfEnabledAsync(cancellationToken);

    /// <summary>One firing: the run's outcome, or null when the adapter is switched off (nothing ran).</summary>
    public async Task<AdapterRunOutcome?> RunIfEnabledAsync(CancellationToken cancellationToken)
    {
        var registration = services.GetServices<AdapterRegistration>().First(r => r.AdapterType == typeof(TAdapter));
        if (!registration.Options(services).Enabled)
        {
            LogSwitchedOff(logger, registration.Key, registration.Section);
            return null;
        }

        return await services.GetRequiredService<AdapterRunner>().RunAsync(registration.Key, TriggeredBySchedule, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Adapter {Key} is switched off ({Section}:Enabled is false): its scheduled run is skipped")]
    private static partial void LogSwitchedOff(ILogger logger, string key, string section);
}

/// <summary>An adapter as registered: its key, its type and its options (schedule, switch).</summary>
public sealed record AdapterRegistration(string Key, Type AdapterType, string Section, Func<IServiceProvider, AdapterOptions> Options)
{
    public string JobName => $"adapters.{Key}";
}
