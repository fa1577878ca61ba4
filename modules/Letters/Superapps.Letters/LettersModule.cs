using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Data.Seed;
using Superapps.Letters.Features.Agenda;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Classification;
using Superapps.Letters.Features.Deadlines;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Files;
using Superapps.Letters.Features.Inbox;
using Superapps.Letters.Features.InternalDelivery;
using Superapps.Letters.Features.Notices;
using Superapps.Letters.Features.Registration;
using Superapps.Letters.Features.Retention;
using MudBlazor;
using Superapps.Modularity;
using Superapps.Scheduling;
using Superapps.SharedKernel;

namespace Superapps.Letters;

/// <summary>Registers the Letters module in a host.</summary>
public static class LettersModule
{
    /// <summary>Adds letters, dispositions and their data. Needs an <see cref="NpgsqlDataSource"/>, the organisation directory and an
    /// <c>INotifier</c> (the Notifications module).</summary>
    public static IServiceCollection AddLettersModule(this IServiceCollection services)
    {
        services.AddOptions<LettersOptions>().BindConfiguration(LettersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContext<LettersDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), LettersDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<LettersDbContext>(order: 30);
        services.AddSingleton<IDatabaseInitializer, ClassificationSeeder>();
        services.AddSingleton<IDatabaseInitializer, DemoLettersSeeder>();
        services.AddSingleton<IDatabaseInitializer, RetentionScheduleSeeder>();
        services.TryAddScoped<LetterRegistration>();
        services.TryAddScoped<IInternalLetterInbox, InternalLetterDelivery>();
        services.TryAddScoped<LetterDesk>();
        services.TryAddScoped<LetterNotices>();
        services.TryAddScoped<Viewers>();
        services.TryAddScoped<InboxQueries>();
        services.TryAddScoped<ClassificationQueries>();
        services.TryAddScoped<AgendaQueries>();
        services.TryAddScoped<ArchiveQueries>();
        services.TryAddScoped<ArchiveIndex>();
        services.TryAddScoped<RetentionDesk>();
        services.TryAddScoped<DispositionDeadlines>();
        services.AddRecurringJob<DispositionDeadlineJob>(DispositionDeadlineJob.Name, DispositionDeadlineJob.Interval);
        services.AddPortalModule<LettersPortalModule>();
        return services;
    }

}

/// <summary>The Letters module as the portal shell sees it.</summary>
public sealed class LettersPortalModule : IPortalModule
{
    /// <summary>Registry clerks (pencatat surat) and OPD admins register incoming letters for their OPD.</summary>
    public const string RegisterPolicy = "letters.register";

    /// <summary>The retention report and decisions: an OPD's registry clerks and admins for their OPD, system administrators for all.</summary>
    public const string RetentionPolicy = "letters.retention";

    public string Name => LettersDbContext.Schema;

    public Assembly PagesAssembly => typeof(LettersPortalModule).Assembly;

    public IReadOnlyList<NavigationItem> Navigation { get; } =
    [
        new("Surat Masuk", "Inbox", "/surat", Icons.Material.Filled.Mail, Policies.Employee, 100,
            "Surat dan disposisi untuk Anda", "Letters and dispositions for you"),
        new("Catat Surat Masuk", "Register a letter", "/surat/catat", Icons.Material.Filled.PostAdd, RegisterPolicy, 110,
            "Catat surat yang diterima OPD", "Register a letter your OPD received"),
        new("Agenda Surat", "Letter agenda", "/surat/agenda", Icons.Material.Filled.MenuBook, RegisterPolicy, 115,
            "Agenda surat masuk OPD", "Your OPD's incoming letter agenda"),
        new("Arsip Surat", "Letter archive", "/surat/arsip", Icons.Material.Filled.Inventory2, Policies.Employee, 105,
            "Surat yang sudah selesai, dengan alur disposisinya", "Closed letters with their disposition tree"),
        new("Retensi Arsip", "Records retention", "/surat/arsip/retensi", Icons.Material.Filled.Schedule, RetentionPolicy, 116,
            "Arsip yang jatuh tempo untuk dipindah, dimusnahkan atau diserahkan", "Archived letters due for transfer, destruction or hand-over"),
    ];

    public IReadOnlyList<Type> HomeWidgets { get; } = [typeof(Pages.Inbox.InboxSummary)];

    public void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(RegisterPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.RegistryClerk, Roles.AgencyAdministrator));
        options.AddPolicy(RetentionPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.RegistryClerk, Roles.AgencyAdministrator, Roles.Administrator));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        LetterFileEndpoints.Map(endpoints);
        AgendaExportEndpoint.Map(endpoints);
    }
}
