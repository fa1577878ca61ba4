using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;
using Superapps.AppCatalog.Domain;
using Superapps.AppCatalog.Features.Catalogue;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>The catalogue on a fresh database with <see cref="CatalogueDirectory"/> as the organisation, at 2 December 2026, 09:00 WIB.</summary>
public static class CatalogueHarness
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 12, 2);

    public static Task<ModuleServices> CreateAsync(PostgresServer server, Action<IServiceCollection>? configure = null, bool seedDemo = false) =>
        ModuleServices.CreateAsync(server, s =>
        {
            s.AddSingleton<IOrganizationDirectory, CatalogueDirectory>();
            s.AddAppCatalogModule();
            configure?.Invoke(s);
        }, seedDemo, new TestClock(Now));

    /// <summary>SIMPEG Lama, proxied with signed headers, for every employee.</summary>
    public static AppDraft Simpeg(string slug = "simpeg-lama") => new(slug, "SIMPEG Lama", CatalogueDirectory.Bkpsdm.AgencyId, "PT Data Nusantara",
        Upstream: "http://127.0.0.1:5090/", Status: AppStatus.Proxied, Identity: IdentityMode.SignedHeaders, YearlyCost: 85_000_000, Decision: TimeDecision.Migrate,
        Reasons: "Masuk portal lewat proxy.");

    public static async Task<CityApp> CreateAppAsync(this ModuleServices services, AppDraft draft)
    {
        await using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogueDesk>().CreateAsync(draft, TestContext.Current.CancellationToken);
    }

    public static async Task<T> DeskAsync<T>(this ModuleServices services, Func<CatalogueDesk, Task<T>> act)
    {
        await using var scope = services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<CatalogueDesk>());
    }

    /// <summary>A latency histogram of the proxy's buckets: so many requests answered in so many milliseconds.</summary>
    public static long[] Buckets(params (double Ms, long Count)[] samples)
    {
        var buckets = new long[UsageLatency.BucketUpperBoundsMs.Count];
        foreach (var (ms, count) in samples)
        {
            buckets[UsageLatency.BucketOf(ms)] += count;
        }

        return buckets;
    }

    /// <summary>Stores usage as the proxy's flush does.</summary>
    public static async Task RecordUsageAsync(this ModuleServices services, params AppUsageBatch[] batches)
    {
        await using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IAppUsageSink>().RecordAsync(batches, TestContext.Current.CancellationToken);
    }

    public static async Task<T> ReadAsync<T>(this ModuleServices services, Func<AppCatalogDbContext, Task<T>> read)
    {
        await using var db = await services.Services.GetRequiredService<IDbContextFactory<AppCatalogDbContext>>().CreateDbContextAsync();
        return await read(db);
    }
}
