using Superapps.Datasets.Domain;

namespace Superapps.Datasets.Features.History;

/// <summary>A column both versions have: its name in the newer version and its position (1-based, as in PostgreSQL arrays) in each.</summary>
public sealed record ColumnPair(string Name, int Newer, int Older, bool Key);

/// <summary>
/// How two versions' rows are compared, whatever columns each was uploaded with. Columns are matched by name as file headers are
/// (<see cref="DatasetSchema.NameKey"/>), so a column moved or written differently is the same column. Rows are matched by the
/// newer version's key columns when it has some and the older version has them all; otherwise by the whole row (the columns both
/// have), so a row is then only added or removed, never changed.
/// </summary>
public sealed class DiffPlan
{
    private DiffPlan(IReadOnlyList<ColumnPair> pairs, IReadOnlyList<string> added, IReadOnlyList<string> removed, bool byKey) =>
        (Pairs, ColumnsAdded, ColumnsRemoved, ByKey) = (pairs, added, removed, byKey);

    /// <summary>The columns both versions have, in the newer version's order.</summary>
    public IReadOnlyList<ColumnPair> Pairs { get; }

    /// <summary>Columns only the newer version has.</summary>
    public IReadOnlyList<string> ColumnsAdded { get; }

    /// <summary>Columns only the older version had.</summary>
    public IReadOnlyList<string> ColumnsRemoved { get; }

    /// <summary>True when rows are matched by key columns; false when by the whole row.</summary>
    public bool ByKey { get; }

    public IEnumerable<ColumnPair> Keys => Pairs.Where(p => p.Key);

    /// <summary>The columns whose values are compared for a changed row (those outside the key).</summary>
    public IEnumerable<ColumnPair> Compared => ByKey ? Pairs.Where(p => !p.Key) : [];

    public static DiffPlan Create(IReadOnlyList<DatasetColumn> newer, IReadOnlyList<DatasetColumn> older)
    {
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(older);
        var olderPositions = older.Select((c, i) => (Key: DatasetSchema.NameKey(c.Name), Position: i + 1))
            .GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.First().Position);
        var pairs = new List<ColumnPair>();
        var added = new List<string>();
        for (var i = 0; i < newer.Count; i++)
        {
            if (olderPositions.TryGetValue(DatasetSchema.NameKey(newer[i].Name), out var position))
            {
                pairs.Add(new ColumnPair(newer[i].Name, i + 1, position, newer[i].Key));
            }
            else
            {
                added.Add(newer[i].Name);
            }
        }

        var newerKeys = newer.Select(c => DatasetSchema.NameKey(c.Name)).ToHashSet();
        var removed = older.Where(c => !newerKeys.Contains(DatasetSchema.NameKey(c.Name))).Select(c => c.Name).ToList();
        var keyCount = newer.Count(c => c.Key);
        var byKey = keyCount > 0 && pairs.Count(p => p.Key) == keyCount;
        return new DiffPlan(byKey ? pairs : [.. pairs.Select(p => p with { Key = false })], added, removed, byKey);
    }
}
