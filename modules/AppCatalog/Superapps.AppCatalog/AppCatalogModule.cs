using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Npgsql;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;
using Superapps.AppCatalog.Data.Seed;
using Superapps.AppCatalog.Features.Catalogue;
using Superapps.AppCatalog.Features.Directory;
using Superapps.AppCatalog.Features.Health;
using Superapps.AppCatalog.Features.Import;
using Superapps.AppCatalog.Features.Launcher;
using Superapps.AppCatalog.Features.Portfolio;
using Superapps.AppCatalog.Features.Usage;
using Superapps.Modularity;
using Superapps.SharedKernel;

namespace Superapps.AppCatalog;

/// <summary>Registers the application catalogue in a host.</summary>
public static class AppCatalogModule
{
    /// <summary>
    /// Adds the catalogue, its import, the portfolio, the launcher widget, <see cref="IAppDirectory"/>, <see cref="IAppUsageSink"/> and
    /// <see cref="IAppHealthSink"/> for the proxy, with the data in schema <c>appcatalog</c>, and the portal entry (<see cref="AppCatalogPortalModule"/>). Needs an
    /// <see cref="NpgsqlDataSource"/>, an audit trail and the organisation directory.
    /// </summary>
    public static IServiceCollection AddAppCatalogModule(this IServiceCollection services)
    {
        services.AddDbContextFactory<AppCatalogDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), AppCatalogDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<AppCatalogDbContext>(order: 70);
        services.AddOptions<AppCatalogOptions>().BindConfiguration(AppCatalogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<CatalogueDesk>();
        services.TryAddScoped<CatalogueQueries>();
        services.TryAddScoped<CatalogueImport>();
        services.TryAddScoped<UsageQueries>();
        services.TryAddScoped<PortfolioQueries>();
        services.TryAddScoped<LauncherTiles>();
        services.TryAddSingleton<IAppDirectory, AppDirectory>();
        services.TryAddSingleton<IAppUsageSink, AppUsageSink>();
        services.TryAddSingleton<IAppHealthSink, AppHealthSink>();
        services.AddSingleton<IDatabaseInitializer, DemoCatalogueSeeder>();
        services.AddPortalModule<AppCatalogPortalModule>();
        return services;
    }
}

/// <summary>
/// The catalogue as the portal shell sees it. Who may do what: the system administrators (Diskominfo, <see cref="Roles.Administrator"/>)
/// keep the catalogue, import it and retire apps; the leaders (<see cref="Roles.Leader"/>) read the portfolio and each app's page; every
/// signed-in employee sees the launcher tiles of the apps they may open; anyone reads a retired app's notice page.
/// </summary>
public sealed class AppCatalogPortalModule : IPortalModule
{
    /// <summary>The catalogue, its import, retirement: the system administrators.</summary>
    public const string ManagePolicy = "appcatalog.manage";

    /// <summary>The read-only portfolio and each app's page: the system administrators and the leaders.</summary>
    public const string PortfolioPolicy = "appcatalog.portfolio";

    public string Name => AppCatalogDbContext.Schema;

    public Assembly PagesAssembly => typeof(AppCatalogPortalModule).Assembly;

    public IReadOnlyList<NavigationItem> Navigation { get; } =
    [
        new("Katalog Aplikasi", "App catalogue", "/aplikasi", Icons.Material.Filled.Apps, ManagePolicy, 600,
            "Semua aplikasi kota: pemilik, biaya, keputusan TIME, proxy dan pensiun", "Every city app: owner, cost, TIME decision, proxy and retirement"),
        new("Portofolio Aplikasi", "App portfolio", "/aplikasi/portofolio", Icons.Material.Filled.PieChart, PortfolioPolicy, 610,
            "Berapa aplikasi sudah dipensiunkan, diproksi, dan dipakai siapa", "How many apps are retired, proxied, and who uses them"),
    ];

    public IReadOnlyList<Type> HomeWidgets { get; } = [typeof(Pages.Launcher.AppLauncher)];

    public void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(ManagePolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        options.AddPolicy(PortfolioPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator, Roles.Leader));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => CatalogueEndpoints.Map(endpoints);
}
