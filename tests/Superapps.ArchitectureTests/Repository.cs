using System.Xml.Linq;

namespace Superapps.ArchitectureTests;

/// <summary>Where a project sits in the architecture, read from its folder (docs/architecture.md, house style "Shape").</summary>
public enum Layer
{
    /// <summary><c>modules/BuildingBlocks/*</c>: shared by every module, knows none.</summary>
    BuildingBlock,

    /// <summary><c>modules/&lt;Module&gt;/Superapps.&lt;Module&gt;.Contracts</c>: a module's public surface.</summary>
    Contracts,

    /// <summary><c>modules/&lt;Module&gt;/Superapps.&lt;Module&gt;</c>: a module's implementation.</summary>
    Module,

    /// <summary><c>identity/*</c> and <c>portal/*</c>: the two processes.</summary>
    Host,

    /// <summary><c>tools/*</c>: development host and local infrastructure.</summary>
    Tool,

    /// <summary><c>adapters/*</c>: legacy applications behind the portal.</summary>
    Adapter,

    /// <summary><c>tests/*</c>.</summary>
    Test,

    /// <summary><c>samples/*</c>: stand-ins for the city's legacy apps (the demo legacy app), started beside the portal in development and tests.</summary>
    Sample,
}

/// <summary>A project of the repository and the projects it references in its project file.</summary>
public sealed record Project(string Name, Layer Layer, string? Module, string Path)
{
    public IReadOnlyList<string> ProjectReferences { get; } =
        [.. XDocument.Load(Path).Descendants("ProjectReference")
            .Select(e => System.IO.Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))];

    public override string ToString() => Name;
}

/// <summary>The repository the tests run from: every project file, classified by its folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every project, so that a new module or tool is covered by the rules the moment it exists.</summary>
    public static IReadOnlyList<Project> Projects { get; } =
        [.. Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsIgnored(p))
            .Select(Classify)
            .OrderBy(p => p.Layer).ThenBy(p => p.Name, StringComparer.Ordinal)];

    public static Project Get(string name) =>
        Projects.SingleOrDefault(p => p.Name == name) ?? throw new InvalidOperationException($"No project named {name} under {Root}.");

    public static Project? Find(string name) => Projects.SingleOrDefault(p => p.Name == name);

    /// <summary>Project, props and targets files: where package references are declared.</summary>
    public static IEnumerable<string> BuildFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(p => !IsIgnored(p) && System.IO.Path.GetExtension(p) is ".csproj" or ".props" or ".targets");

    public static string Relative(string path) => System.IO.Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static Project Classify(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        return Relative(path).Split('/') switch
        {
            ["modules", "BuildingBlocks", ..] => new(name, Layer.BuildingBlock, null, path),
            ["modules", var module, ..] when name.EndsWith(".Contracts", StringComparison.Ordinal) => new(name, Layer.Contracts, module, path),
            ["modules", var module, ..] => new(name, Layer.Module, module, path),
            ["identity" or "portal", ..] => new(name, Layer.Host, null, path),
            ["tools", ..] => new(name, Layer.Tool, null, path),
            ["adapters", ..] => new(name, Layer.Adapter, null, path),
            ["tests", ..] => new(name, Layer.Test, null, path),
            ["samples", ..] => new(name, Layer.Sample, null, path),
            _ => throw new InvalidOperationException(
                $"{Relative(path)} is in no folder the architecture knows; place it by docs/architecture.md or classify it in {nameof(Repository)}.{nameof(Classify)}."),
        };
    }

    private static bool IsIgnored(string path)
    {
        var parts = Relative(path).Split('/');
        return parts.Any(p => p is "bin" or "obj" or "node_modules" or "artifacts" || p.StartsWith('.'));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Superapps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Superapps.sln not found above {AppContext.BaseDirectory}.");
    }
}
