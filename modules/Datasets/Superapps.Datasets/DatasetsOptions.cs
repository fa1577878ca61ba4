using System.ComponentModel.DataAnnotations;

namespace Superapps.Datasets;

/// <summary>Settings of the Datasets module (section <c>Superapps:Datasets</c>), checked at start.</summary>
public sealed class DatasetsOptions
{
    public const string Section = "Superapps:Datasets";

    /// <summary>
    /// The largest upload accepted, in bytes (default 100 MB; at most 2 GB). A bigger file is refused by its declared size before any
    /// of it is read; a smaller one streams through the validator and is never held whole in memory.
    /// </summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// With the demo data, also the demo city's data list with approved versions (the development host turns this on; tests do not, so
    /// their data lists start empty).
    /// </summary>
    public bool SeedDemoDatasets { get; set; }
}
