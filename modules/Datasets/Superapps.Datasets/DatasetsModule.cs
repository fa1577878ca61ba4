using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using MudBlazor;
using Superapps.Datasets.Data;
using Superapps.Datasets.Features.Compliance;
using Superapps.Datasets.Features.Reminders;
using Superapps.Datasets.Features.Uploads;
using Superapps.Modularity;
using Superapps.Scheduling;
using Superapps.SharedKernel;

namespace Superapps.Datasets;

/// <summary>Registers the Datasets module in a host.</summary>
public static class DatasetsModule
{
    /// <summary>
    /// Adds the data list, uploads, review, the public open-data site and compliance, with the data in schema <c>datasets</c>, and
    /// the portal entry (<see cref="DatasetsPortalModule"/>). Needs an <see cref="NpgsqlDataSource"/>, an audit trail and the
    /// organisation directory.
    /// </summary>
    public static IServiceCollection AddDatasetsModule(this IServiceCollection services)
    {
        services.AddDbContextFactory<DatasetsDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), DatasetsDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<DatasetsDbContext>(order: 60);
        services.TryAddScoped<DatasetUploads>();
        // Compliance (journey 5): the dashboard's reads and the reminders job (ReminderOptions, Superapps:Datasets:Reminders).
        services.TryAddScoped<ComplianceQueries>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<DatasetReminders>();
        services.AddRecurringJob<DatasetRemindersJob>(DatasetRemindersJob.Name, DatasetRemindersJob.Cron);
        services.AddPortalModule<DatasetsPortalModule>();
        return services;
    }
}

/// <summary>
/// The Datasets module as the portal shell sees it. Who may do what: the walidata (<see cref="Roles.DataCustodian"/>, Diskominfo)
/// keeps the data list and reviews uploads; an OPD's data operator (<see cref="Roles.DataOperator"/>) uploads its OPD's datasets;
/// the leaders (<see cref="Roles.Leader"/>: the Walikota, the Wakil Walikota, the Sekda) and the walidata read compliance; anyone,
/// without signing in, reads what is published.
/// </summary>
public sealed class DatasetsPortalModule : IPortalModule
{
    /// <summary>The walidata: the data list, its import, the review of uploads. The system administrator too.</summary>
    public const string CustodianPolicy = "datasets.custodian";

    /// <summary>Uploading a dataset's data: data operators and the walidata; each only for datasets their own OPD produces.</summary>
    public const string OperatorPolicy = "datasets.operator";

    /// <summary>The compliance dashboard and its exports: the leaders, the walidata and the system administrator.</summary>
    public const string CompliancePolicy = "datasets.compliance";

    public string Name => DatasetsDbContext.Schema;

    public Assembly PagesAssembly => typeof(DatasetsPortalModule).Assembly;

    public IReadOnlyList<NavigationItem> Navigation { get; } =
    [
        new("Kepatuhan Data", "Data compliance", "/data/kepatuhan", Icons.Material.Filled.FactCheck, CompliancePolicy, 460,
            "Siapa yang memutakhirkan data tepat waktu: peringkat OPD, tren, unduhan untuk rapat", "Who updates data on time: agency ranking, trend, exports for meetings"),
    ];

    public void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(CustodianPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.DataCustodian, Roles.Administrator));
        options.AddPolicy(OperatorPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.DataOperator, Roles.DataCustodian));
        options.AddPolicy(CompliancePolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Leader, Roles.DataCustodian, Roles.Administrator));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ComplianceEndpoints.Map(endpoints);
    }
}
