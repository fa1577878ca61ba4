using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.Datasets.Domain;

/// <summary>The type of a dataset column, which every uploaded value must parse as.</summary>
public enum ColumnType
{
    /// <summary>Teks: any text up to the column's maximum length.</summary>
    Text,

    /// <summary>Bilangan bulat: a whole number (64-bit), no thousands separators.</summary>
    WholeNumber,

    /// <summary>Bilangan desimal: a number with a decimal point or comma, no thousands separators.</summary>
    Number,

    /// <summary>Tanggal: 2026-11-30, 30/11/2026 or 30-11-2026, or an Excel date.</summary>
    Date,

    /// <summary>Ya/tidak: ya, tidak, true, false, 1, 0.</summary>
    Boolean,
}

/// <summary>One column of a dataset: its name as in the file's header, type, whether a value is required, and whether it is part of the row key.</summary>
/// <param name="Key">Key columns identify a row across versions (for the difference between two versions); a key's values must be unique within a file.</param>
public sealed record DatasetColumn(string Name, ColumnType Type, bool Required = false, bool Key = false, int MaxLength = DatasetColumn.DefaultMaxLength)
{
    public const int DefaultMaxLength = 500;

    /// <summary>Longest column name.</summary>
    public const int MaxNameLength = 63;
}

/// <summary>The columns of a dataset, in order. Names compare without case, spaces or underscores, as file headers do.</summary>
public sealed class DatasetSchema
{
    public const int MaxColumns = 100;

    private DatasetSchema(IReadOnlyList<DatasetColumn> columns) => Columns = columns;

    public IReadOnlyList<DatasetColumn> Columns { get; }

    public IEnumerable<DatasetColumn> KeyColumns => Columns.Where(c => c.Key);

    /// <summary>Checks and builds a schema; throws <see cref="DomainRuleException"/> with every problem found.</summary>
    public static DatasetSchema Create(IEnumerable<DatasetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var list = columns.ToList();
        var errors = new List<UserError>();
        if (list.Count == 0)
        {
            errors.Add(DatasetErrors.NoColumns);
        }
        else if (list.Count > MaxColumns)
        {
            errors.Add(DatasetErrors.TooManyColumns(MaxColumns));
        }

        var seen = new HashSet<string>();
        foreach (var column in list)
        {
            var name = column.Name?.Trim() ?? string.Empty;
            if (name.Length == 0 || name.Length > DatasetColumn.MaxNameLength)
            {
                errors.Add(DatasetErrors.ColumnName(DatasetColumn.MaxNameLength));
            }
            else if (!seen.Add(NameKey(name)))
            {
                errors.Add(DatasetErrors.DuplicateColumn(name));
            }

            if (!Enum.IsDefined(column.Type))
            {
                errors.Add(DatasetErrors.ColumnType(name));
            }

            if (column.MaxLength is < 1 or > 10_000)
            {
                errors.Add(DatasetErrors.ColumnLength(name));
            }

            if (column.Key && !column.Required)
            {
                errors.Add(DatasetErrors.KeyNotRequired(name));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        return new DatasetSchema([.. list.Select(c => c with { Name = c.Name.Trim() })]);
    }

    /// <summary>How a header cell is compared with a column name: as every import compares them (<see cref="TabularColumns.NameKey"/>).</summary>
    public static string NameKey(string name) => TabularColumns.NameKey(name);
}
