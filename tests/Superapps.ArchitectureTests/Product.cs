using System.Reflection;
using Superapps.Audit;
using Superapps.Identity;
using Superapps.Modularity;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Pdf;
using Superapps.Portal;
using Superapps.Scheduling;
using Superapps.ServiceDefaults;
using Superapps.SharedKernel;
using Superapps.Tabular;
using Superapps.UI.Components;

namespace Superapps.ArchitectureTests;

/// <summary>
/// The product's assemblies, each loaded through a type that lives in it. An anchor taken from the wrong
/// assembly would make a rule check something else (kgrzybek's ModuleTests once did); the catalogue
/// tests hold every anchor to the project its name and folder say it belongs to.
/// </summary>
public static class Product
{
    public const string SharedKernel = "Superapps.SharedKernel";

    public static IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(UserError).Assembly,
        typeof(IPortalModule).Assembly,
        typeof(ServiceDefaultsExtensions).Assembly,
        typeof(UserErrorList).Assembly,
        typeof(TabularReader).Assembly,
        typeof(PdfFontResolver).Assembly,
        typeof(SchedulingExtensions).Assembly,
        typeof(IOrganizationDirectory).Assembly,
        typeof(OrganizationModule).Assembly,
        typeof(AuditModule).Assembly,
        typeof(Superapps.Letters.Contracts.IInternalLetterInbox).Assembly,
        typeof(Superapps.Letters.LettersModule).Assembly,
        typeof(Superapps.Notifications.Contracts.INotifier).Assembly,
        typeof(Superapps.Notifications.NotificationsModule).Assembly,
        typeof(Superapps.Signing.Contracts.IDocumentSigner).Assembly,
        typeof(Superapps.Signing.SigningModule).Assembly,
        typeof(Superapps.Tickets.Contracts.INetworkSites).Assembly,
        typeof(Superapps.Tickets.TicketsModule).Assembly,
        typeof(Superapps.Datasets.Domain.DatasetSchema).Assembly,
        typeof(Superapps.AppCatalog.Contracts.IAppDirectory).Assembly,
        typeof(Superapps.AppCatalog.AppCatalogModule).Assembly,
        typeof(Superapps.Adapters.Proxy.ProxyModule).Assembly,
        typeof(Superapps.Adapters.AdaptersModule).Assembly,
        typeof(Superapps.Adapters.LegacyLetters.LegacyLettersModule).Assembly,
        typeof(Superapps.Adapters.NetworkMonitor.NetworkMonitorModule).Assembly,
        typeof(IdentityServerModule).Assembly,
        typeof(PortalModuleExtensions).Assembly,
    ];

    public static Assembly Get(string name) =>
        Assemblies.SingleOrDefault(a => a.GetName().Name == name)
        ?? throw new InvalidOperationException($"{name} is not loaded by the architecture tests; add a type anchor for it in {nameof(Product)}.{nameof(Assemblies)}.");

    public static string NameOf(Assembly assembly) => assembly.GetName().Name!;

    public static Layer LayerOf(Assembly assembly) => Repository.Get(NameOf(assembly)).Layer;

    /// <summary>The loaded assemblies of some layers, for theory data.</summary>
    public static TheoryData<string> Names(params Layer[] layers) =>
        [.. Assemblies.Where(a => layers.Contains(LayerOf(a))).Select(NameOf)];
}
