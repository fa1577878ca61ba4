using Superapps.SharedKernel;

namespace Superapps.Adapters;

/// <summary>
/// An anti-corruption layer for one legacy system: it reads the legacy data and writes it into a module through that module's
/// <c>.Contracts</c>, never into its tables. The seam (<see cref="Features.Runs.AdapterRunner"/>) runs it one run at a time,
/// keeps its run log, its checkpoint and its map of imported records (adapters/README.md).
/// </summary>
public interface ILegacyAdapter
{
    /// <summary>A stable key, lower case with dashes, e.g. <c>legacy-letters</c>: the options section, the job name and the run log use it.</summary>
    string Key { get; }

    /// <summary>What the adapter does, for the administrators' page (Indonesian and English).</summary>
    AdapterDescription Describe();

    /// <summary>
    /// Does one run. Starts from <see cref="AdapterRunContext.Checkpoint"/> when there is one and saves a new checkpoint as it goes,
    /// so that a run stopped midway (a crash, a restart) resumes where it was; records each imported record
    /// (<see cref="AdapterRunContext.RecordImportedAsync"/>) and looks it up before importing (<see cref="AdapterRunContext.TryGetImportedAsync"/>),
    /// so that a re-run imports nothing twice; reports a bad record with <see cref="AdapterRunContext.RecordErrorAsync"/> and goes on.
    /// An exception fails the whole run, its message kept in the run log.
    /// </summary>
    Task RunAsync(AdapterRunContext context, CancellationToken cancellationToken);
}

/// <summary>The adapter as the administrators' page describes it.</summary>
/// <param name="Name">Its name in Indonesian.</param>
/// <param name="NameEnglish">Its name in English.</param>
/// <param name="Source">Where its data comes from (a folder, a URL), as configured.</param>
/// <param name="Target">The module its data goes into, e.g. <c>Surat (letters)</c>.</param>
/// <param name="Summary">One line in Indonesian.</param>
/// <param name="SummaryEnglish">The same in English.</param>
public sealed record AdapterDescription(string Name, string NameEnglish, string Source, string Target, string Summary, string SummaryEnglish)
{
    public string Title => Bilingual.T(Name, NameEnglish);

    public string Text => Bilingual.T(Summary, SummaryEnglish);
}

/// <summary>What a run did: records read, created, updated, skipped (already imported, nothing to change) and failed.</summary>
public sealed record AdapterRunCounts(int Read, int Created, int Updated, int Skipped, int Failed)
{
    public static readonly AdapterRunCounts None = new(0, 0, 0, 0, 0);
}
