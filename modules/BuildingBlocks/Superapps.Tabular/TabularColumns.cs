namespace Superapps.Tabular;

/// <summary>A column an import expects; names compare without case, spaces or underscores.</summary>
public sealed record ColumnSpec(string Name, bool Required = true, params string[] Aliases);

/// <summary>Where each expected column sits in a file, from its header row.</summary>
public sealed class TabularColumns
{
    private readonly Dictionary<string, int> _indexes;

    private TabularColumns(Dictionary<string, int> indexes) => _indexes = indexes;

    /// <summary>Maps a header row; a missing required column, an unknown column or a repeated column rejects the file.</summary>
    public static TabularColumns Map(TabularRow header, IReadOnlyList<ColumnSpec> expected)
    {
        var byKey = new Dictionary<string, ColumnSpec>();
        foreach (var spec in expected)
        {
            foreach (var name in spec.Aliases.Prepend(spec.Name))
            {
                byKey[NameKey(name)] = spec;
            }
        }

        var indexes = new Dictionary<string, int>();
        var unknown = new List<string>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (!byKey.TryGetValue(NameKey(text), out var spec))
            {
                unknown.Add(text);
            }
            else if (!indexes.TryAdd(spec.Name, i))
            {
                throw new TabularFileException(TabularErrors.DuplicateColumn(text));
            }
        }

        var names = expected.Select(e => e.Required ? e.Name : e.Name + "?").ToList();
        var missing = expected.Where(e => e.Required && !indexes.ContainsKey(e.Name)).Select(e => e.Name).ToList();
        if (missing.Count > 0)
        {
            throw new TabularFileException(TabularErrors.MissingColumns(missing, names));
        }

        if (unknown.Count > 0)
        {
            throw new TabularFileException(TabularErrors.UnknownColumns(unknown, names));
        }

        return new TabularColumns(indexes);
    }

    public bool Has(string column) => _indexes.ContainsKey(column);

    /// <summary>The cell of a column in a row (empty when the column is absent or the row short).</summary>
    public TabularCell Cell(TabularRow row, string column) => _indexes.TryGetValue(column, out var i) ? row[i] : TabularCell.Empty;

    /// <summary>The trimmed text of a column in a row; null when empty.</summary>
    public string? Text(TabularRow row, string column)
    {
        var text = Cell(row, column).Text.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>How a header cell is compared with a column name: case, spaces, underscores, hyphens and dots do not matter.</summary>
    public static string NameKey(string name) =>
        new([.. (name ?? string.Empty).Trim().ToLowerInvariant().Where(c => c is not (' ' or '_' or '-' or '.'))]);
}
