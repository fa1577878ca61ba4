using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Superapps.Datasets.Data;
using Superapps.Datasets.Features.Uploads;
using Superapps.Modularity;

namespace Superapps.Datasets;

/// <summary>Registers the Datasets module in a host.</summary>
public static class DatasetsModule
{
    /// <summary>Adds the data list, uploads and versions. Needs an <see cref="NpgsqlDataSource"/> and an audit trail.</summary>
    public static IServiceCollection AddDatasetsModule(this IServiceCollection services)
    {
        services.AddDbContextFactory<DatasetsDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), DatasetsDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<DatasetsDbContext>(order: 60);
        services.TryAddScoped<DatasetUploads>();
        return services;
    }
}
