using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Npgsql;
using Superapps.Modularity;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Data.Seed;
using Superapps.Organization.Features;
using Superapps.Organization.Features.Administration;
using Superapps.Organization.Features.Import;
using Superapps.SharedKernel;

namespace Superapps.Organization;

/// <summary>Registers the Organization module in a host.</summary>
public static class OrganizationModule
{
    /// <summary>
    /// Adds the directory (for every host that needs to know who is who: the portal and the identity server).
    /// Needs an <see cref="NpgsqlDataSource"/> in the container.
    /// </summary>
    public static IServiceCollection AddOrganizationDirectory(this IServiceCollection services)
    {
        services.AddDbContextFactory<OrganizationDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), OrganizationDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IOrganizationDirectory, OrganizationDirectory>();
        services.AddMigrationsInitializer<OrganizationDbContext>(order: 10);
        services.AddSingleton<IDatabaseInitializer, DemoCitySeeder>();
        return services;
    }

    /// <summary>Adds the directory plus its admin pages, import and navigation to the portal.</summary>
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services)
    {
        services.AddOrganizationDirectory();
        services.TryAddScoped<OrganizationQueries>();
        services.TryAddScoped<OrganizationAdministration>();
        services.TryAddScoped<AdministrationQueries>();
        services.TryAddScoped<OrganizationImport>();
        services.AddPortalModule<OrganizationPortalModule>();
        return services;
    }

}

/// <summary>The Organization module as the portal shell sees it.</summary>
public sealed class OrganizationPortalModule : IPortalModule
{
    public const string ManagePolicy = Policies.OrganizationManagement;

    public string Name => OrganizationDbContext.Schema;

    public Assembly PagesAssembly => typeof(OrganizationPortalModule).Assembly;

    public IReadOnlyList<NavigationItem> Navigation { get; } =
    [
        new("Struktur Organisasi", "Organisation chart", "/organisasi", Icons.Material.Filled.AccountTree, Policies.Employee, 900,
            "OPD, unit kerja, jabatan dan pejabat", "OPDs, units, positions and who holds them"),
        new("Pegawai", "Employees", "/organisasi/pegawai", Icons.Material.Filled.Badge, Policies.Employee, 910,
            "Cari pegawai menurut nama, NIP atau OPD", "Find employees by name, NIP or OPD"),
        new("Kelola OPD", "Manage OPDs", "/organisasi/opd", Icons.Material.Filled.Domain, ManagePolicy, 915,
            "OPD, unit kerja dan jabatan", "OPDs, units and positions"),
        new("Plt / Plh", "Acting officials", "/organisasi/plt-plh", Icons.Material.Filled.SwapHoriz, ManagePolicy, 918,
            "Penugasan Pelaksana Tugas dan Pelaksana Harian", "Acting (Plt) and stand-in (Plh) assignments"),
        new("Impor Data Organisasi", "Import organisation data", "/organisasi/impor", Icons.Material.Filled.UploadFile, ManagePolicy, 920,
            "Impor OPD, jabatan dan pegawai dari XLSX/CSV", "Import OPDs, positions and employees from XLSX/CSV"),
    ];

    public void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(ManagePolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator, Roles.AgencyAdministrator));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => ImportEndpoints.Map(endpoints);
}
