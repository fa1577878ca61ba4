using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Access;
using Superapps.Datasets.Features.Review;
using Superapps.Datasets.Features.Versions;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.History;

public enum RowChangeKind
{
    /// <summary>Diubah: the same key with other values.</summary>
    Changed,

    /// <summary>Ditambah: only in the newer version.</summary>
    Added,

    /// <summary>Dihapus: only in the older version.</summary>
    Removed,
}

/// <summary>One value that changed: the column (as the newer version names it), the older and the newer value.</summary>
public sealed record CellChange(string Column, string? Old, string? New);

/// <summary>A row added, removed or changed. <see cref="Label"/> is its key (or its values when matched by the whole row).</summary>
public sealed record RowChange(RowChangeKind Kind, int? NewerRow, int? OlderRow, string Label, IReadOnlyList<CellChange> Cells);

/// <summary>The difference between two versions: the counts, and one page of the changes (the newer file's rows in order, then the removed ones).</summary>
public sealed record VersionDifference(int NewerNumber, int OlderNumber, bool ByKey, IReadOnlyList<string> KeyColumns, IReadOnlyList<string> ColumnsAdded,
    IReadOnlyList<string> ColumnsRemoved, int Added, int Removed, int Changed, IReadOnlyList<RowChange> Changes)
{
    public int Total => Added + Removed + Changed;
}

/// <summary>
/// The difference between two versions of a dataset, computed in PostgreSQL: the two versions' rows are joined on their key
/// values (a full join, by column position in each version's own columns, <see cref="DiffPlan"/>), counted, and only the page asked
/// for is read. A version of 100,000 rows is never held in memory.
/// </summary>
public sealed class VersionDiff(IDbContextFactory<DatasetsDbContext> contexts)
{
    public const int MaxPageSize = 100;

    private const int LabelLength = 120;

    /// <summary>
    /// What changed from <paramref name="olderId"/> to <paramref name="newerId"/> (two versions of one dataset the viewer may read;
    /// given the other way round, they are compared in upload order); throws <see cref="ReviewErrors.VersionNotFound"/> otherwise.
    /// </summary>
    public async Task<VersionDifference> CompareAsync(DataUser viewer, Guid newerId, Guid olderId, int page = 0, int pageSize = 20,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await db.Versions.AsNoTracking().Where(v => v.Id == newerId || v.Id == olderId).ToListAsync(cancellationToken);
        var newer = versions.FirstOrDefault(v => v.Id == newerId);
        var older = versions.FirstOrDefault(v => v.Id == olderId);
        if (newer is null || older is null || newer.DatasetId != older.DatasetId || newerId == olderId)
        {
            throw new DomainRuleException(ReviewErrors.VersionNotFound);
        }

        if (newer.Number < older.Number)
        {
            // Compared as they follow each other, whichever of the two the viewer stands on.
            (newer, older, newerId, olderId) = (older, newer, olderId, newerId);
        }

        var producer = await db.Datasets.Where(d => d.Id == newer.DatasetId).Select(d => d.ProducerAgencyId).SingleAsync(cancellationToken);
        if (!VersionViews.MayRead(viewer, producer))
        {
            throw new DomainRuleException(ReviewErrors.VersionNotFound);
        }

        var plan = DiffPlan.Create(newer.Columns, older.Columns);
        var compared = Sql(plan);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        int added, removed, changed;
        await using (var count = new NpgsqlCommand(
            $"{compared} SELECT count(*) FILTER (WHERE kind = 1), count(*) FILTER (WHERE kind = 2), count(*) FILTER (WHERE kind = 0) FROM d", connection))
        {
            count.Parameters.Add(new NpgsqlParameter("newer", newerId));
            count.Parameters.Add(new NpgsqlParameter("older", olderId));
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (added, removed, changed) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
        }

        var changes = new List<RowChange>();
        await using (var list = new NpgsqlCommand(
            $"{compared} SELECT kind, new_rn, old_rn, nv, ov FROM d WHERE kind >= 0 ORDER BY new_rn IS NULL, COALESCE(new_rn, old_rn) LIMIT @take OFFSET @skip",
            connection))
        {
            list.Parameters.Add(new NpgsqlParameter("newer", newerId));
            list.Parameters.Add(new NpgsqlParameter("older", olderId));
            list.Parameters.Add(new NpgsqlParameter("take", pageSize));
            list.Parameters.Add(new NpgsqlParameter("skip", Math.Max(page, 0) * pageSize));
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var kind = reader.GetInt32(0) switch { 0 => RowChangeKind.Changed, 1 => RowChangeKind.Added, _ => RowChangeKind.Removed };
                int? newRow = reader.IsDBNull(1) ? null : reader.GetInt32(1);
                int? oldRow = reader.IsDBNull(2) ? null : reader.GetInt32(2);
                var nv = reader.IsDBNull(3) ? null : reader.GetFieldValue<string?[]>(3);
                var ov = reader.IsDBNull(4) ? null : reader.GetFieldValue<string?[]>(4);
                changes.Add(Change(plan, kind, newRow, oldRow, nv, ov));
            }
        }

        return new VersionDifference(newer.Number, older.Number, plan.ByKey, [.. plan.Keys.Select(k => k.Name)], plan.ColumnsAdded, plan.ColumnsRemoved,
            added, removed, changed, changes);
    }

    private static RowChange Change(DiffPlan plan, RowChangeKind kind, int? newRow, int? oldRow, string?[]? nv, string?[]? ov)
    {
        // Values by the newer version's positions for rows it has, by the older one's for removed rows.
        string? Value(ColumnPair pair) => nv is not null ? At(nv, pair.Newer) : At(ov!, pair.Older);
        var labelColumns = plan.ByKey ? plan.Keys : plan.Pairs;
        var label = string.Join(" · ", labelColumns.Select(p => Value(p) ?? "-"));
        if (!plan.ByKey && plan.Pairs.Count == 0)
        {
            label = string.Join(" · ", (nv ?? ov ?? []).Select(v => v ?? "-"));
        }

        if (label.Length > LabelLength)
        {
            label = string.Concat(label.AsSpan(0, LabelLength - 1), "…");
        }

        IReadOnlyList<CellChange> cells = kind == RowChangeKind.Changed
            ? [.. plan.Compared.Where(p => !string.Equals(At(nv!, p.Newer), At(ov!, p.Older), StringComparison.Ordinal))
                .Select(p => new CellChange(p.Name, At(ov!, p.Older), At(nv!, p.Newer)))]
            : [];
        return new RowChange(kind, newRow, oldRow, label, cells);
    }

    private static string? At(string?[] values, int position) => position <= values.Length ? values[position - 1] : null;

    /// <summary>
    /// The common part of both queries: <c>d</c> holds each joined pair of rows with its kind (-1 unchanged, 0 changed, 1 added,
    /// 2 removed). Only column positions computed from the versions' own columns are written into the text; the ids are parameters.
    /// </summary>
    private static string Sql(DiffPlan plan)
    {
        static string Array(IEnumerable<int> positions) =>
            $"ARRAY[{string.Join(", ", positions.Select(p => string.Create(CultureInfo.InvariantCulture, $"\"values\"[{p}]")))}]::text[]";

        string newerKey, olderKey, newerOccurrence, olderOccurrence;
        if (plan.ByKey)
        {
            (newerKey, olderKey) = (Array(plan.Keys.Select(k => k.Newer)), Array(plan.Keys.Select(k => k.Older)));
            (newerOccurrence, olderOccurrence) = ("1", "1");
        }
        else if (plan.Pairs.Count > 0)
        {
            // By the whole row: equal rows pair off one by one, so a row repeated in one version and not the other is told apart.
            (newerKey, olderKey) = (Array(plan.Pairs.Select(p => p.Newer)), Array(plan.Pairs.Select(p => p.Older)));
            newerOccurrence = $"row_number() OVER (PARTITION BY {newerKey} ORDER BY \"row_number\")";
            olderOccurrence = $"row_number() OVER (PARTITION BY {olderKey} ORDER BY \"row_number\")";
        }
        else
        {
            // Nothing in common: every row of each side stands alone.
            (newerKey, olderKey) = ("ARRAY['n', \"row_number\"::text]", "ARRAY['o', \"row_number\"::text]");
            (newerOccurrence, olderOccurrence) = ("1", "1");
        }

        var differs = plan.Compared.Select(p => string.Create(CultureInfo.InvariantCulture, $"nv[{p.Newer}] IS DISTINCT FROM ov[{p.Older}]")).ToList();
        var changed = differs.Count == 0 ? "false" : string.Join(" OR ", differs);
        return $"""
            WITH n AS (SELECT "row_number" AS rn, "values" AS v, {newerKey} AS k, {newerOccurrence} AS occ FROM datasets.rows WHERE version_id = @newer),
            o AS (SELECT "row_number" AS rn, "values" AS v, {olderKey} AS k, {olderOccurrence} AS occ FROM datasets.rows WHERE version_id = @older),
            j AS (SELECT n.rn AS new_rn, o.rn AS old_rn, n.v AS nv, o.v AS ov FROM n FULL JOIN o ON n.k = o.k AND n.occ = o.occ),
            d AS (SELECT new_rn, old_rn, nv, ov,
                CASE WHEN old_rn IS NULL THEN 1 WHEN new_rn IS NULL THEN 2 WHEN {changed} THEN 0 ELSE -1 END AS kind FROM j)
            """;
    }
}
