using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Adapters.Data;
using Superapps.Adapters.Domain;

namespace Superapps.Adapters.Features.Runs;

/// <summary>An adapter as the administrators' page lists it.</summary>
public sealed record AdapterRow(string Key, AdapterDescription Description, bool Enabled, string Cron, string Section, AdapterRunRow? LastRun);

/// <summary>One run as the page lists it.</summary>
public sealed record AdapterRunRow(
    Guid Id, string AdapterKey, string TriggeredBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, AdapterRunStatus Status,
    AdapterRunCounts Counts, string? CheckpointBefore, string? CheckpointAfter, string? Message);

/// <summary>A record a run refused.</summary>
public sealed record AdapterRunErrorRow(string Reference, string Code, string Indonesian, string English, DateTimeOffset RecordedAt);

/// <summary>Reads the adapters, their runs and the errors of a run.</summary>
public sealed class AdapterRunQueries(IServiceProvider services, AdaptersDbContext db)
{
    public async Task<IReadOnlyList<AdapterRow>> AdaptersAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<AdapterRow>();
        foreach (var registration in services.GetServices<AdapterRegistration>().OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var options = registration.Options(services);
            var recent = (await RunsAsync(registration.Key, 0, 1, cancellationToken)).Items;
            var last = recent.Count > 0 ? recent[0] : null;
            rows.Add(new AdapterRow(registration.Key, Describe(registration), options.Enabled, options.Cron, registration.Section, last));
        }

        return rows;
    }

    /// <summary>
    /// The adapter's own description; when the adapter cannot be built here (e.g. switched off in a host without its target module), a
    /// plain one from its registration, so the page still lists it (switched off, "Nonaktif") instead of failing.
    /// </summary>
    private AdapterDescription Describe(AdapterRegistration registration)
    {
        try
        {
            return ((ILegacyAdapter)services.GetRequiredService(registration.AdapterType)).Describe();
        }
        catch (InvalidOperationException ex)
        {
            return new AdapterDescription(registration.Key, registration.Key, registration.Section,
                "Tidak dapat dimuat / cannot be loaded",
                $"Adaptor ini tidak dapat dimuat di portal ini: {ex.Message}",
                $"This adapter cannot be loaded in this portal: {ex.Message}");
        }
    }

    /// <summary>An adapter's runs, newest first, a page at a time.</summary>
    public async Task<(IReadOnlyList<AdapterRunRow> Items, int Total)> RunsAsync(string adapterKey, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Runs.AsNoTracking().Where(r => r.AdapterKey == adapterKey);
        var total = await query.CountAsync(cancellationToken);
        var runs = await query.OrderByDescending(r => r.StartedAt).Skip(skip).Take(Math.Clamp(take, 1, 100)).ToListAsync(cancellationToken);
        return ([.. runs.Select(ToRow)], total);
    }

    /// <summary>The errors of one run, in the order they were found, a page at a time.</summary>
    public async Task<(IReadOnlyList<AdapterRunErrorRow> Items, int Total)> ErrorsAsync(Guid runId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.RunErrors.AsNoTracking().Where(e => e.RunId == runId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(e => e.Id).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(e => new AdapterRunErrorRow(e.Reference, e.Code, e.MessageIndonesian, e.MessageEnglish, e.RecordedAt))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    private static AdapterRunRow ToRow(AdapterRun r) =>
        new(r.Id, r.AdapterKey, r.TriggeredBy, r.StartedAt, r.FinishedAt, r.Status, r.Counts, r.CheckpointBefore, r.CheckpointAfter, r.Message);
}
