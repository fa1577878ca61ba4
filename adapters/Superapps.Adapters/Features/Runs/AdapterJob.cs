using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Superapps.Adapters.Features.Runs;

/// <summary>The recurring job of one adapter: a run on the adapter's cron schedule, unless its options switch it off.</summary>
[DisallowConcurrentExecution]
internal sealed class AdapterJob<TAdapter>(IServiceProvider services, AdapterRunner runner) : IJob
    where TAdapter : class, ILegacyAdapter
{
    public const string TriggeredBySchedule = "jadwal";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var adapter = services.GetRequiredService<TAdapter>();
        var registration = services.GetServices<AdapterRegistration>().First(r => r.Key == adapter.Key);
        if (!registration.Options(services).Enabled)
        {
            return;
        }

        await runner.RunAsync(adapter.Key, TriggeredBySchedule, cancellationToken);
    }
}

/// <summary>An adapter as registered: its key, its type and its options (schedule, switch).</summary>
public sealed record AdapterRegistration(string Key, Type AdapterType, string Section, Func<IServiceProvider, AdapterOptions> Options)
{
    public string JobName => $"adapters.{Key}";
}
