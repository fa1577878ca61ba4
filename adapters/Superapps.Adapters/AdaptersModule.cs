using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor;
using Npgsql;
using Superapps.Adapters.Data;
using Superapps.Adapters.Features.Runs;
using Superapps.Modularity;
using Superapps.Scheduling;
using Superapps.SharedKernel;

namespace Superapps.Adapters;

/// <summary>Registers the adapter seam and the adapters in a host.</summary>
public static class AdaptersModule
{
    /// <summary>
    /// The seam: its data in schema <c>adapters</c> (migrated with the modules), the runner, the hand launcher, the queries and the
    /// portal entry (<see cref="AdaptersPortalModule"/>: the page <c>/aplikasi/adaptor</c> for the system administrator). Needs an
    /// <see cref="NpgsqlDataSource"/>, an <see cref="IAuditTrail"/> and scheduling (<c>AddScheduling</c>) for the recurring runs.
    /// Called by each adapter's own <c>Add…Adapter()</c>; calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddAdapters(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AdapterRunner)))
        {
            return services;
        }

        services.AddDbContext<AdaptersDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), AdaptersDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<AdaptersDbContext>(order: 80);
        services.TryAddScoped<IAdapterRunStore, AdapterRunStore>();
        services.TryAddScoped<AdapterRunner>();
        services.TryAddScoped<AdapterRunQueries>();
        services.TryAddSingleton<AdapterRunLauncher>();
        services.AddPortalModule<AdaptersPortalModule>();
        return services;
    }

    /// <summary>
    /// Adds one adapter: the seam, the adapter (scoped), its options from <paramref name="section"/> checked at start, and its
    /// recurring job <c>adapters.{key}</c> on the options' cron schedule, which does nothing while the options switch it off.
    /// </summary>
    public static IServiceCollection AddLegacyAdapter<TAdapter, TOptions>(this IServiceCollection services, string key, string section)
        where TAdapter : class, ILegacyAdapter
        where TOptions : AdapterOptions, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        services.AddAdapters();
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new AdapterOptionsValidator<TOptions>(section)));
        services.TryAddScoped<TAdapter>();
        services.AddScoped<ILegacyAdapter>(sp => sp.GetRequiredService<TAdapter>());
        var registration = new AdapterRegistration(key, typeof(TAdapter), section, sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        services.AddSingleton(registration);
        // Declared like AddRecurringJob, with the schedule read from the options when the scheduler starts.
        services.TryAddScoped<AdapterJob<TAdapter>>();
        services.AddSingleton(sp => new RecurringJob(registration.JobName, typeof(AdapterJob<TAdapter>), null, registration.Options(sp).Cron));
        return services;
    }
}

/// <summary>The adapters' page as the portal shell sees it: the system administrator only.</summary>
public sealed class AdaptersPortalModule : IPortalModule
{
    /// <summary>The adapters page, its runs and "Jalankan sekarang": the system administrator (<see cref="Roles.Administrator"/>).</summary>
    public const string ManagePolicy = "adapters.manage";

    public string Name => AdaptersDbContext.Schema;

    public Assembly PagesAssembly => typeof(AdaptersPortalModule).Assembly;

    public IReadOnlyList<NavigationItem> Navigation { get; } =
    [
        new("Adaptor Aplikasi Lama", "Legacy adapters", "/aplikasi/adaptor", Icons.Material.Filled.SyncAlt, ManagePolicy, 910,
            "Impor terjadwal dari aplikasi lama: jadwal, run terakhir dan galatnya", "Scheduled imports from legacy apps: schedules, last runs and their errors"),
    ];

    public void AddPolicies(AuthorizationOptions options) =>
        options.AddPolicy(ManagePolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
}
