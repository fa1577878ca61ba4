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
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Files;
using Superapps.Letters.Features.Inbox;
using Superapps.Letters.Features.InternalDelivery;
using Superapps.Letters.Features.Notices;
using Superapps.Letters.Features.Numbering;
using Superapps.Letters.Features.Registration;
using Superapps.Letters.Features.Retention;
using Superapps.Letters.Features.Sending;
using Superapps.Letters.Features.Signing;
using MudBlazor;
using Superapps.Modularity;
using Superapps.Scheduling;
using Superapps.SharedKernel;

namespace Superapps.Letters;

/// <summary>Registers the Letters module in a host.</summary>
public static class LettersModule
{
    /// <summary>Adds letters, dispositions, outgoing letters and their data. Needs an <see cref="NpgsqlDataSource"/>, the organisation directory, an
    /// <c>INotifier</c> (the Notifications module), and for drafting and signing an <c>IDocumentSigner</c> (the Signing module), an
    /// <c>ILetterPdfRenderer</c> and an <c>IRichTextSanitizer</c> (Features/Documents). External addressees are mailed through the Notifications module's <c>IDocumentMailer</c>
    /// (<see cref="IExternalLetterMailer"/>, replaceable).</summary>
    public static IServiceCollection AddLettersModule(this IServiceCollection services)
    {
        services.AddOptions<LettersOptions>().BindConfiguration(LettersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<LettersDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), LettersDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<LettersDbContext>(order: 30);
        services.AddSingleton<IDatabaseInitializer, ClassificationSeeder>();
        services.AddSingleton<IDatabaseInitializer, DemoLettersSeeder>();
        services.AddSingleton<IDatabaseInitializer, RetentionScheduleSeeder>();
        services.TryAddScoped<LetterRegistration>();
        services.TryAddScoped<IInternalLetterInbox, InternalLetterDelivery>();
        services.TryAddScoped<ILegacyLetterImport, Features.LegacyImport.LegacyLetterImport>();
        services.TryAddScoped<LetterDesk>();
        services.TryAddScoped<LetterNotices>();
        services.TryAddScoped<Viewers>();
        services.TryAddScoped<InboxQueries>();
        services.TryAddScoped<ClassificationQueries>();
        services.TryAddScoped<AgendaQueries>();
        services.TryAddScoped<ArchiveQueries>();
        services.TryAddScoped<ArchiveIndex>();
        services.TryAddScoped<Features.LegacyImport.ImportedLetterQueries>();
        services.TryAddScoped<RetentionDesk>();
        services.TryAddScoped<DispositionDeadlines>();
        services.TryAddSingleton<Features.Documents.ILetterPdfRenderer, Features.Documents.LetterPdfRenderer>();
        services.TryAddSingleton<Features.Documents.IRichTextSanitizer, Features.Documents.RichTextSanitizer>();
        services.TryAddScoped<DraftingDesk>();
        services.TryAddScoped<DraftQueries>();
        services.TryAddScoped<DraftDefaults>();
        services.TryAddScoped<DraftDocuments>();
        services.TryAddScoped<DraftingNotices>();
        services.TryAddScoped<OutgoingLetterSigning>();
        services.TryAddScoped<OutgoingLetterSending>();
        services.TryAddScoped<IExternalLetterMailer, ExternalLetterEmailer>();
        services.TryAddScoped<NumberingSettings>();
        // One eraser: a host replaces the module's own by registering its IArchivedOutgoingEraser before or after this call.
        services.TryAddScoped<IArchivedOutgoingEraser, OutgoingLetterEraser>();
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

    /// <summary>An OPD's administrator sets its outgoing letter number format and letterhead lines.</summary>
    public const string NumberingPolicy = "letters.numbering";

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
        new("Konsep Surat", "Drafts", "/surat/konsep", Icons.Material.Filled.EditNote, Policies.Employee, 102,
            "Konsep surat keluar: menulis, memeriksa, menandatangani", "Outgoing letter drafts: write, review, sign"),
        new("Format Nomor Surat", "Letter number format", "/surat/penomoran", Icons.Material.Filled.Numbers, NumberingPolicy, 118,
            "Format nomor surat keluar dan kop surat OPD", "Your OPD's outgoing letter numbers and letterhead"),
        new("Arsip Surat", "Letter archive", "/surat/arsip", Icons.Material.Filled.Inventory2, Policies.Employee, 105,
            "Surat yang sudah selesai, dengan alur disposisinya", "Closed letters with their disposition tree"),
        new("Retensi Arsip", "Records retention", "/surat/arsip/retensi", Icons.Material.Filled.Schedule, RetentionPolicy, 116,
            "Arsip yang jatuh tempo untuk dipindah, dimusnahkan atau diserahkan", "Archived letters due for transfer, destruction or hand-over"),
    ];

    public IReadOnlyList<Type> HomeWidgets { get; } = [typeof(Pages.Inbox.InboxSummary)];

    public void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(RegisterPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.RegistryClerk, Roles.AgencyAdministrator));
        options.AddPolicy(NumberingPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.AgencyAdministrator));
        options.AddPolicy(RetentionPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.RegistryClerk, Roles.AgencyAdministrator, Roles.Administrator));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        LetterFileEndpoints.Map(endpoints);
        AgendaExportEndpoint.Map(endpoints);
        DraftEndpoints.Map(endpoints);
    }
}
