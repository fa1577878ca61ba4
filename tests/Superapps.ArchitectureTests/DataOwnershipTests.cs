using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Superapps.Identity;

namespace Superapps.ArchitectureTests;

/// <summary>
/// A module owns its data: one DbContext, one schema, and its migrations history table in that schema
/// (without it, several contexts in one database share <c>public.__EFMigrationsHistory</c> and collide).
/// Models are built without a database: nothing here opens a connection.
/// </summary>
public sealed class DataOwnershipTests(HostRegistrations hosts) : IClassFixture<HostRegistrations>
{
    /// <summary>Packages that stand in for PostgreSQL; tests of database behaviour run against the real thing.</summary>
    private static readonly string[] StandInPackages =
        ["Microsoft.EntityFrameworkCore.InMemory", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "System.Data.SQLite"];

    public static TheoryData<string> DbContexts() =>
        [.. Product.Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(DbContext)) && !t.IsAbstract)
            .Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(DbContexts))]
    public void A_context_as_the_host_registers_it_keeps_its_history_table_in_its_own_schema(string contextType)
    {
        using var scope = hosts.Services.CreateScope();
        var type = TypeOf(contextType);
        var context = scope.ServiceProvider.GetService(type) as DbContext;
        context.ShouldNotBeNull($"{contextType} is not registered by any module registration in {nameof(HostRegistrations)}");

        ShouldOwnItsSchema(context, "as registered by its host");
    }

    [Theory]
    [MemberData(nameof(DbContexts))]
    public void A_context_as_dotnet_ef_builds_it_keeps_its_history_table_in_its_own_schema(string contextType)
    {
        // Production applies scripts made by `dotnet ef migrations script`, which builds the context through this factory.
        var type = TypeOf(contextType);
        var factoryType = type.Assembly.GetTypes()
            .SingleOrDefault(t => !t.IsAbstract && t.GetInterfaces().Contains(typeof(IDesignTimeDbContextFactory<>).MakeGenericType(type)));
        factoryType.ShouldNotBeNull($"{contextType} has no IDesignTimeDbContextFactory in {type.Assembly.GetName().Name}");

        var factory = Activator.CreateInstance(factoryType, nonPublic: true)!;
        using var context = (DbContext)factoryType.GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!.Invoke(factory, [Array.Empty<string>()])!;

        ShouldOwnItsSchema(context, "as built by its design-time factory");
    }

    [Fact]
    public void No_two_contexts_share_a_schema()
    {
        using var scope = hosts.Services.CreateScope();
        var schemas = DbContexts()
            .Select(row => row.Data)
            .Select(name => (Context: name, Schema: DefaultSchema((DbContext)scope.ServiceProvider.GetRequiredService(TypeOf(name)))))
            .ToList();

        schemas.Count.ShouldBeGreaterThan(1);
        schemas.GroupBy(s => s.Schema).Where(g => g.Count() > 1)
            .Select(g => $"schema {g.Key} is used by {string.Join(" and ", g.Select(s => s.Context))}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void No_project_references_an_in_memory_or_sqlite_stand_in()
    {
        var offences = Repository.BuildFiles()
            .SelectMany(file => XDocument.Load(file).Descendants()
                .Where(e => e.Name.LocalName is "PackageReference" or "PackageVersion" or "GlobalPackageReference")
                .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? string.Empty)
                .Where(IsStandIn)
                .Select(package => $"{Repository.Relative(file)} references {package}"))
            .ToList();

        offences.ShouldBeEmpty();
    }

    [Fact]
    public void No_product_assembly_brings_an_in_memory_or_sqlite_stand_in_with_it()
    {
        // The dependency graph of every product assembly, transitive packages included, as the build resolved it.
        var depsFile = Path.Combine(AppContext.BaseDirectory, typeof(DataOwnershipTests).Assembly.GetName().Name + ".deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/')[0]).ToList();

        libraries.ShouldContain("Npgsql.EntityFrameworkCore.PostgreSQL");
        libraries.Where(IsStandIn).ShouldBeEmpty();
        Product.Assemblies.SelectMany(a => a.GetReferencedAssemblies()).Select(r => r.Name!).Where(IsStandIn).ShouldBeEmpty();
    }

    private static bool IsStandIn(string package) =>
        StandInPackages.Any(p => package.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static Type TypeOf(string fullName) =>
        Product.Assemblies.Select(a => a.GetType(fullName)).SingleOrDefault(t => t is not null)
        ?? throw new InvalidOperationException($"{fullName} is in no product assembly.");

    private static string? DefaultSchema(DbContext context) => context.GetService<IDesignTimeModel>().Model.GetDefaultSchema();

    private static void ShouldOwnItsSchema(DbContext context, string how)
    {
        var name = context.GetType().Name;
        var schema = DefaultSchema(context);
        schema.ShouldNotBeNullOrWhiteSpace($"{name} ({how}) sets no default schema: call modelBuilder.HasDefaultSchema(\"<schema>\")");

        var relational = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        relational.MigrationsHistoryTableSchema.ShouldBe(schema,
            $"{name} ({how}) keeps its migrations history outside its schema {schema}: use MigrationsHistoryTable(\"__EFMigrationsHistory\", \"{schema}\")");
    }
}

/// <summary>
/// The services the hosts register for the modules and the identity server, built as the hosts build them
/// but over a data source that is never opened.
/// </summary>
public sealed class HostRegistrations : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "superapps-architecture", Guid.NewGuid().ToString("N")[..12]);
    private WebApplication? _identity;

    public IServiceProvider Services => _identity?.Services ?? throw new InvalidOperationException("Not built yet.");

    public ValueTask InitializeAsync()
    {
        // An empty content root of its own: no appsettings to pick up, no large folder to watch.
        Directory.CreateDirectory(_dataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _dataDirectory, EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Superapps:DataDirectory"] = _dataDirectory,
            ["Superapps:Identity:Issuer"] = "http://127.0.0.1/",
        });
        builder.Services.AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=never_opened"));

        // The identity server registers the audit trail, the organisation directory (the same context the
        // portal's AddOrganizationModule registers) and its own context. A module the identity server does
        // not host is added here as the portal's Program.cs adds it.
        builder.AddIdentityServer();
        Superapps.Letters.LettersModule.AddLettersModule(builder.Services);
        Superapps.Notifications.NotificationsModule.AddNotificationsModule(builder.Services);
        Superapps.Signing.SigningModule.AddSigningModule(builder.Services);
        Superapps.Tickets.TicketsModule.AddTicketsModule(builder.Services);
        Superapps.Datasets.DatasetsModule.AddDatasetsModule(builder.Services);
        Superapps.AppCatalog.AppCatalogModule.AddAppCatalogModule(builder.Services);
        Superapps.Adapters.LegacyLetters.LegacyLettersModule.AddLegacyLettersAdapter(builder.Services);
        Superapps.Adapters.NetworkMonitor.NetworkMonitorModule.AddNetworkMonitorAdapter(builder.Services);

        _identity = builder.Build();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
