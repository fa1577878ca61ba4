using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Superapps.Adapters.Features.Runs;

/// <summary>
/// Starts a run by hand ("Jalankan sekarang") in a scope of its own, so the run goes on when the person leaves the page; the page
/// awaits the returned task to show the result.
/// </summary>
public sealed class AdapterRunLauncher(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, Task<AdapterRunOutcome>> _running = new(StringComparer.Ordinal);

    /// <summary>Whether a run started here is still going.</summary>
    public bool IsRunning(string adapterKey) => _running.TryGetValue(adapterKey, out var task) && !task.IsCompleted;

    /// <summary>Starts the run (refused when the adapter is off) and returns its outcome when it ends.</summary>
    public Task<AdapterRunOutcome> StartAsync(string adapterKey, string triggeredBy)
    {
        using (var scope = scopes.CreateScope())
        {
            var registration = scope.ServiceProvider.GetServices<AdapterRegistration>().FirstOrDefault(r => r.Key == adapterKey);
            if (registration is null)
            {
                return Task.FromResult(AdapterRunOutcome.Refused(AdapterErrors.Unknown));
            }

            if (!registration.Options(scope.ServiceProvider).Enabled)
            {
                return Task.FromResult(AdapterRunOutcome.Refused(AdapterErrors.Disabled));
            }
        }

        if (IsRunning(adapterKey))
        {
            return Task.FromResult(AdapterRunOutcome.Refused(AdapterErrors.AlreadyRunning));
        }

        var task = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AdapterRunner>().RunAsync(adapterKey, triggeredBy, CancellationToken.None);
        });
        _running[adapterKey] = task;
        return task;
    }
}
