using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Superapps.Modularity;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Data.Seed;
using Superapps.Tickets.Features.Calendar;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Features.Sites;

namespace Superapps.Tickets;

/// <summary>Registers the Tickets module in a host.</summary>
public static class TicketsModule
{
    /// <summary>
    /// Adds the sites register (<see cref="INetworkSites"/>, <see cref="SiteRegister"/>), ticket reporting and the desk, the SLA
    /// calendar with its seeded holidays, and the data in schema <c>tickets</c>, with <see cref="TicketsOptions"/> from
    /// <c>Superapps:Tickets</c> checked at start. Needs an <see cref="NpgsqlDataSource"/> and an <see cref="IAuditTrail"/>.
    /// Pages, jobs and the portal entry come later.
    /// </summary>
    public static IServiceCollection AddTicketsModule(this IServiceCollection services)
    {
        services.AddOptions<TicketsOptions>().BindConfiguration(TicketsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TicketsOptions>, TicketsOptionsValidator>());
        services.AddDbContext<TicketsDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), TicketsDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<TicketsDbContext>(order: 50);
        services.AddSingleton<IDatabaseInitializer, HolidaySeeder>();

        services.TryAddScoped<INetworkSites, NetworkSites>();
        services.TryAddScoped<SiteRegister>();
        services.TryAddScoped<TicketReporting>();
        services.TryAddScoped<TicketDesk>();
        services.TryAddScoped<TicketCalendar>();
        return services;
    }
}
