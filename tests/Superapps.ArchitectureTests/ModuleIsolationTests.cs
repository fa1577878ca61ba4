using System.Reflection;

namespace Superapps.ArchitectureTests;

/// <summary>
/// Module isolation, tested not hoped for: each assembly against the neighbours it must not reference,
/// both as compiled (its assembly references) and as declared (its project file's project references).
/// </summary>
public sealed class ModuleIsolationTests
{
    /// <summary>
    /// The rule table: why <paramref name="subject"/> must not reference <paramref name="neighbour"/>, or null when it may.
    /// Layers come from folders, so a new module, tool or adapter falls under these rows as soon as it exists.
    /// </summary>
    public static string? Forbidden(Project subject, Project neighbour) => (subject.Layer, neighbour.Layer) switch
    {
        _ when subject.Name == neighbour.Name => null,
        (not Layer.Test, Layer.Test) => "product code never depends on tests",
        (Layer.BuildingBlock, Layer.Contracts or Layer.Module) => "building blocks serve every module and know none of them",
        (Layer.BuildingBlock, Layer.Host or Layer.Tool or Layer.Adapter) => "building blocks know no host, tool or adapter",
        (Layer.Contracts, _) when neighbour.Name != Product.SharedKernel => "a module's contracts depend on the shared kernel only",
        (Layer.Module, Layer.Module) => "a module uses another module only through its .Contracts",
        (Layer.Module, Layer.Host or Layer.Tool or Layer.Adapter) => "a module is hosted; it knows no host, tool or adapter",
        (Layer.Adapter, Layer.Module) => "an adapter writes into a module only through its .Contracts",
        (Layer.Adapter, Layer.Host or Layer.Tool) => "an adapter is hosted; it knows no host or tool",
        (Layer.Host, Layer.Host) => "identity and portal are separate processes",
        (Layer.Host, Layer.Tool) => "hosts run in production without the development tools",
        _ => null,
    };

    /// <summary>Each loaded assembly with the projects it must not reference: "module → forbidden neighbours".</summary>
    public static TheoryData<string, string[]> ForbiddenNeighbours()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var assembly in Product.Assemblies)
        {
            var subject = Repository.Get(Product.NameOf(assembly));
            data.Add(subject.Name, [.. Repository.Projects.Where(p => Forbidden(subject, p) is not null).Select(p => p.Name)]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenNeighbours))]
    public void An_assembly_references_none_of_its_forbidden_neighbours(string assembly, string[] forbidden)
    {
        var subject = Repository.Get(assembly);
        var offences = Product.Get(assembly).GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(forbidden.Contains)
            .Select(n => $"{assembly} references {n}: {Forbidden(subject, Repository.Get(n))}")
            .ToList();

        offences.ShouldBeEmpty();
    }

    public static TheoryData<string> AllProjects() => [.. Repository.Projects.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(AllProjects))]
    public void A_project_file_declares_no_reference_to_a_forbidden_neighbour(string project)
    {
        var subject = Repository.Get(project);
        var offences = subject.ProjectReferences
            .Select(n => Repository.Find(n) is { } neighbour ? (n, Why: Forbidden(subject, neighbour)) : (n, Why: "no such project in the repository"))
            .Where(x => x.Why is not null)
            .Select(x => $"{Repository.Relative(subject.Path)} references {x.n}: {x.Why}")
            .ToList();

        offences.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ContractsAssemblies))]
    public void Contracts_reference_only_the_shared_kernel_and_the_base_class_library(string contracts)
    {
        var offences = Product.Get(contracts).GetReferencedAssemblies()
            .Where(r => r.Name != Product.SharedKernel && !IsBaseClassLibrary(r))
            .Select(r => $"{contracts} references {r.Name}: a module's contracts are DTOs, facades and events over the shared kernel and the BCL " +
                "(no implementation, no EF Core, no ASP.NET Core)")
            .ToList();

        offences.ShouldBeEmpty();
    }

    public static TheoryData<string> ContractsAssemblies() => Product.Names(Layer.Contracts);

    /// <summary>
    /// What each host may use from a module's implementation assembly: its registration, and nothing else.
    /// Everything else a host needs from a module comes from the module's .Contracts.
    /// </summary>
    /// <remarks>
    /// Ideally a host would reference only .Contracts. The identity server, however, reads the organisation
    /// directory in-process (NIP, OPD and Plt/Plh positions go into its tokens), so the directory's implementation
    /// has to be registered in that process: Superapps.Identity references Superapps.Organization for the single
    /// call <c>AddOrganizationDirectory</c> (the directory without the admin pages), and uses
    /// <c>IOrganizationDirectory</c>, <c>EmployeeProfile</c> and <c>HeldPosition</c> from Superapps.Organization.Contracts.
    /// The audit trail has no contracts of its own: its interface is <c>IAuditTrail</c> in the shared kernel.
    /// </remarks>
    public static TheoryData<string, string, string[]> HostEntryPoints() => new()
    {
        { "Superapps.Identity", "Superapps.Organization", ["Superapps.Organization.OrganizationModule", "Superapps.Organization.OrganizationModule.AddOrganizationDirectory"] },
        { "Superapps.Identity", "Superapps.Audit", ["Superapps.Audit.AuditModule", "Superapps.Audit.AuditModule.AddAuditModule"] },
        { "Superapps.Portal", "Superapps.Organization", ["Superapps.Organization.OrganizationModule", "Superapps.Organization.OrganizationModule.AddOrganizationModule"] },
        { "Superapps.Portal", "Superapps.Audit", ["Superapps.Audit.AuditModule", "Superapps.Audit.AuditModule.AddAuditModule"] },
        { "Superapps.Portal", "Superapps.Letters", ["Superapps.Letters.LettersModule", "Superapps.Letters.LettersModule.AddLettersModule"] },
        { "Superapps.Portal", "Superapps.Notifications", ["Superapps.Notifications.NotificationsModule", "Superapps.Notifications.NotificationsModule.AddNotificationsModule"] },
        { "Superapps.Portal", "Superapps.Signing", ["Superapps.Signing.SigningModule", "Superapps.Signing.SigningModule.AddSigningModule"] },
        { "Superapps.Portal", "Superapps.Tickets", ["Superapps.Tickets.TicketsModule", "Superapps.Tickets.TicketsModule.AddTicketsModule"] },
        { "Superapps.Portal", "Superapps.Datasets", ["Superapps.Datasets.DatasetsModule", "Superapps.Datasets.DatasetsModule.AddDatasetsModule"] },
    };

    [Theory]
    [MemberData(nameof(HostEntryPoints))]
    public void A_host_uses_a_module_implementation_only_through_its_registration(string host, string module, string[] allowed)
    {
        var used = Metadata.UsedFrom(Product.Get(host), module);

        used.ShouldNotBeEmpty($"{host} should at least register {module}; if it no longer does, remove its row from {nameof(HostEntryPoints)}.");
        used.Except(allowed).Select(u => $"{host} uses {u} from {module}: use {module}.Contracts, or register the module through {string.Join(" / ", allowed.Skip(1))}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_module_implementation_a_host_references_has_its_entry_points_listed()
    {
        var listed = HostEntryPoints().Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();
        var unlisted = Product.Assemblies.Where(a => Product.LayerOf(a) == Layer.Host)
            .SelectMany(host => host.GetReferencedAssemblies()
                .Where(r => Repository.Find(r.Name!)?.Layer == Layer.Module)
                .Select(r => (Product.NameOf(host), r.Name!)))
            .Where(pair => !listed.Contains(pair))
            .Select(pair => $"{pair.Item1} references {pair.Item2}: list what it may use in {nameof(HostEntryPoints)}")
            .ToList();

        unlisted.ShouldBeEmpty();
    }

    [Fact]
    public void The_identity_server_reads_the_organisation_through_its_contracts()
    {
        // The other half of the identity rule: what it does use of the organisation comes from the contracts.
        var used = Metadata.UsedFrom(Product.Get("Superapps.Identity"), "Superapps.Organization.Contracts");

        used.ShouldContain("Superapps.Organization.Contracts.IOrganizationDirectory");
        used.ShouldAllBe(u => u.StartsWith("Superapps.Organization.Contracts.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_checks_see_the_references_that_are_allowed()
    {
        // Guards against a rule that passes because it looks at the wrong assembly or sees nothing at all.
        Product.Get("Superapps.Organization").GetReferencedAssemblies().Select(r => r.Name)
            .ShouldContain("Superapps.Organization.Contracts");
        Product.Get("Superapps.Identity").GetReferencedAssemblies().Select(r => r.Name)
            .ShouldContain("Superapps.Organization");
        Metadata.UsedFrom(Product.Get("Superapps.Organization"), Product.SharedKernel)
            .ShouldContain("Superapps.SharedKernel.IAuditTrail.RecordAsync");
    }

    [Fact]
    public void Every_product_project_is_loaded_by_the_architecture_tests()
    {
        var loaded = Product.Assemblies.Select(Product.NameOf).ToHashSet();

        Repository.Projects.Where(p => p.Layer is Layer.BuildingBlock or Layer.Contracts or Layer.Module or Layer.Host)
            .Where(p => !loaded.Contains(p.Name))
            .Select(p => $"{p.Name} ({p.Layer}) has no type anchor in {nameof(Product)}.{nameof(Product.Assemblies)}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_anchor_loads_the_project_its_name_says()
    {
        foreach (var assembly in Product.Assemblies)
        {
            var project = Repository.Find(Product.NameOf(assembly));
            project.ShouldNotBeNull($"{assembly.FullName} is not built from a project of this repository");
            Path.GetFileName(assembly.Location).ShouldBe(project.Name + ".dll");
        }

        Product.Assemblies.Select(Product.NameOf).ShouldBeUnique();
    }

    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    private static bool IsBaseClassLibrary(AssemblyName reference)
    {
        try
        {
            return Path.GetDirectoryName(Assembly.Load(reference).Location) == RuntimeDirectory;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}
