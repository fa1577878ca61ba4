using Microsoft.Extensions.DependencyInjection;
using Superapps.Adapters.Features.Runs;
using Superapps.Adapters.LegacyLetters;
using Superapps.Letters;
using Superapps.Organization;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>
/// A copy of a legacy letters export in a folder of its own (a test may change its files), removed with the test: the adapter's
/// sample (<see cref="Sample"/>) or the development host's demo export of the demo city (<see cref="Demo"/>).
/// </summary>
internal sealed class LegacyExportFolder : IDisposable
{
    private LegacyExportFolder(string from)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "scan"));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetRelativePath(from, file)));
        }
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "superapps-legacy-export", Guid.NewGuid().ToString("N")[..12]);

    /// <summary>docs/samples/legacy-letters-export: the demo city's people by NIP, scans for some letters.</summary>
    public static LegacyExportFolder Demo() => new(Path.Combine(AppContext.BaseDirectory, "TestData", "LegacyLettersDemo"));

    /// <summary>The adapter's TestData/export, with its bad rows.</summary>
    public static LegacyExportFolder Sample() => new(Path.Combine(AppContext.BaseDirectory, "TestData", "LegacyLetters", "export"));

    /// <summary>A file of the export's <c>scan/</c> folder.</summary>
    public string Scan(string fileName) => Path.Combine(Folder, "scan", fileName);

    /// <summary>The organisation directory, the Letters module and the legacy letters adapter, switched on over this folder.</summary>
    public void AddAdapter(IServiceCollection services)
    {
        services.AddOrganizationDirectory().AddLettersModule();
        services.AddLegacyLettersAdapter();
        services.Configure<LegacyLettersOptions>(o =>
        {
            o.Enabled = true;
            o.ExportDirectory = Folder;
        });
    }

    /// <summary>Runs the adapter once, as its schedule would.</summary>
    public static async Task<AdapterRunOutcome> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdapterRunner>().RunAsync(LegacyLettersAdapter.AdapterKey, "test", cancellationToken);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
