using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Npgsql;
using Superapps.Datasets.Data;
using Superapps.Datasets.Features.History;
using Superapps.Datasets.Features.Review;
using Superapps.Datasets.Data.Seed;
using Superapps.Datasets.Features.DataList;
using Superapps.Datasets.Features.Compliance;
using Superapps.Datasets.Features.Reminders;
using Superapps.Datasets.Features.Uploads;
using Superapps.Datasets.Features.Versions;
using Superapps.Datasets.Features.OpenData;
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
        services.AddDatasetReview();
        services.AddOptions<DatasetsOptions>().BindConfiguration(DatasetsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<DataListDesk>();
        services.TryAddScoped<DataListQueries>();
        services.TryAddScoped<DataListImport>();
        services.AddSingleton<IDatabaseInitializer, DemoDatasetsSeeder>();
        services.TryAddScoped<PublicCatalog>();
        // Compliance (journey 5): the dashboard's reads and the reminders job (ReminderOptions, Superapps:Datasets:Reminders).
        services.TryAddScoped<ComplianceQueries>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<DatasetReminders>();
        services.AddRecurringJob<DatasetRemindersJob>(DatasetRemindersJob.Name, DatasetRemindersJob.Cron);
        services.AddPortalModule<DatasetsPortalModule>();
        return services;
    }

    /// <summary>The review (<see cref="DatasetReview"/>, its queue and notices, <see cref="DatasetReviewOptions"/>), the version page's reads and the history.</summary>
    private static void AddDatasetReview(this IServiceCollection services)
    {
        services.AddOptions<DatasetReviewOptions>().BindConfiguration(DatasetReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<ReviewNotices>();
        services.TryAddScoped<DatasetReview>();
        services.TryAddScoped<ReviewQueue>();
        services.TryAddScoped<VersionViews>();
        services.TryAddScoped<VersionDiff>();
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

    /// <summary>The data list and each dataset's page: the walidata (and the system administrator) see every dataset, data operators their OPD's.</summary>
    public const string DataListPolicy = "datasets.data-list";

    public IReadOnlyList<NavigationItem> Navigation { get; } =
    [
        new("Pemeriksaan Data", "Data review", "/data/tinjau", Icons.Material.Filled.FactCheck, CustodianPolicy, 410,
            "Unggahan data OPD yang menunggu pemeriksaan walidata", "OPD data uploads waiting for the walidata's review"),
        new("Daftar Data", "Data list", "/data", Icons.Material.Filled.TableChart, DataListPolicy, 400,
            "Dataset yang wajib dimutakhirkan OPD, jadwalnya, dan unggah datanya", "The datasets OPDs must keep current, their schedule, and uploading their data"),
        new("Data Terbuka", "Open data", OpenDataNames.SitePath, Icons.Material.Filled.Public, Policies.Employee, 500,
            "Data kota yang sudah disetujui walidata, untuk semua orang", "The city's approved data, open to everyone"),
        new("Kepatuhan Data", "Data compliance", "/data/kepatuhan", Icons.Material.Filled.Leaderboard, CompliancePolicy, 460,
            "Siapa yang memutakhirkan data tepat waktu: peringkat OPD, tren, unduhan untuk rapat", "Who updates data on time: agency ranking, trend, exports for meetings"),
    ];

    public void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(CustodianPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.DataCustodian, Roles.Administrator));
        options.AddPolicy(OperatorPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.DataOperator, Roles.DataCustodian));
        options.AddPolicy(DataListPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.DataOperator, Roles.DataCustodian, Roles.Administrator));
        options.AddPolicy(CompliancePolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Leader, Roles.DataCustodian, Roles.Administrator));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        DataListEndpoints.Map(endpoints);
        OpenDataEndpoints.Map(endpoints);
        CkanActionApi.Map(endpoints);
        ComplianceEndpoints.Map(endpoints);
    }
}
