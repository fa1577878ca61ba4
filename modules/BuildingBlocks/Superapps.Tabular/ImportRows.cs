using Superapps.SharedKernel;

namespace Superapps.Tabular;

/// <summary>
/// How one import reads its rows: the columns it expects, how many rows it takes at most, its own error for an empty required
/// cell (defaults to <see cref="TabularErrors.Required"/>), and the column each field of its domain errors belongs to (a field
/// not listed is taken as the column's own name).
/// </summary>
public sealed record ImportRowRules(
    IReadOnlyList<ColumnSpec> Columns,
    int MaximumRows,
    Func<string, UserError>? Required = null,
    IReadOnlyDictionary<string, string>? FieldColumns = null);

/// <summary>
/// The rows of an import file under its header, and the errors found in them by row and column, in both languages. Cells are read
/// by column name: a formula is refused (<see cref="TabularErrors.Formula"/>), a number where text is expected too
/// (<see cref="TabularErrors.NumberForText"/>: long codes lose digits), an empty required cell gets the import's own error. The
/// same error of the same cell is recorded once. Domain checks run through <see cref="Check(TabularRow, Action, string?)"/>
/// turn their field-tagged errors into errors of the row's columns.
/// </summary>
public sealed class ImportRows
{
    private readonly ImportRowRules _rules;
    private readonly List<TabularRow> _rows;
    private readonly List<RowError> _errors = [];

    private ImportRows(ImportRowRules rules, TabularColumns columns, List<TabularRow> rows)
    {
        _rules = rules;
        Columns = columns;
        _rows = rows;
    }

    public TabularColumns Columns { get; }

    /// <summary>The rows after the header, blank rows left out.</summary>
    public IReadOnlyList<TabularRow> Rows => _rows;

    /// <summary>The errors found so far, in the order found.</summary>
    public IReadOnlyList<RowError> Errors => _errors;

    /// <summary>
    /// Reads the header and every row. Throws <see cref="TabularFileException"/> when the file cannot be read, has no header,
    /// misses a required column or names an unknown one, or has more than <see cref="ImportRowRules.MaximumRows"/> rows.
    /// </summary>
    public static async Task<ImportRows> ReadAsync(Stream stream, TabularFormat format, ImportRowRules rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        TabularColumns? columns = null;
        var rows = new List<TabularRow>();
        await foreach (var row in TabularReader.ReadAsync(stream, format, cancellationToken))
        {
            if (columns is null)
            {
                columns = TabularColumns.Map(row, rules.Columns);
                continue;
            }

            if (rows.Count == rules.MaximumRows)
            {
                throw new TabularFileException(TabularErrors.TooManyRows(rules.MaximumRows));
            }

            rows.Add(row);
        }

        return new ImportRows(rules, columns ?? throw new TabularFileException(TabularErrors.Empty), rows);
    }

    /// <summary>True when the cell holds anything at all (a formula or a number included): how an import tells one kind of row from another.</summary>
    public bool Has(TabularRow row, string column) => Columns.Cell(row, column) is var cell && (cell.IsFormula || cell.Text.Trim().Length > 0);

    /// <summary>The trimmed value, or null when empty or refused (a formula; a number where text is expected, unless <paramref name="numberAllowed"/>).</summary>
    public string? Optional(TabularRow row, string column, bool numberAllowed = false)
    {
        ArgumentNullException.ThrowIfNull(row);
        var cell = Columns.Cell(row, column);
        if (cell.IsFormula)
        {
            Error(row, column, TabularErrors.Formula);
            return null;
        }

        var text = cell.Text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (cell.IsNumber && !numberAllowed)
        {
            Error(row, column, TabularErrors.NumberForText);
            return null;
        }

        return text;
    }

    /// <summary>Like <see cref="Optional"/>; an empty cell is an error of its own (unless the cell already has one).</summary>
    public string? Required(TabularRow row, string column, bool numberAllowed = false)
    {
        var text = Optional(row, column, numberAllowed);
        if (text is null && !HasError(row, column))
        {
            Error(row, column, (_rules.Required ?? TabularErrors.Required)(column));
        }

        return text;
    }

    /// <summary>True when the cell already has an error.</summary>
    public bool HasError(TabularRow row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _errors.Any(e => e.Row == row.Number && e.Column == column);
    }

    public void Error(TabularRow row, string? column, UserError error)
    {
        ArgumentNullException.ThrowIfNull(row);
        Error(row.Number, column, error);
    }

    /// <summary>Records an error of a cell (or of the whole row when <paramref name="column"/> is null) once.</summary>
    public void Error(int row, string? column, UserError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!_errors.Any(e => e.Row == row && e.Column == column && e.Error.Code == error.Code))
        {
            _errors.Add(new RowError(row, column, error));
        }
    }

    /// <summary>
    /// Runs a domain check; its rule violations become errors of this row: all in <paramref name="column"/> when given, otherwise
    /// each in the column of its field (<see cref="ColumnOf"/>).
    /// </summary>
    public void Check(TabularRow row, Action action, string? column = null) => Check(row, action, field => column ?? ColumnOf(field));

    /// <summary>Runs a domain check; each rule violation becomes an error in the column <paramref name="columnOf"/> gives for its field.</summary>
    public void Check(TabularRow row, Action action, Func<string?, string?> columnOf)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(columnOf);
        try
        {
            action();
        }
        catch (DomainRuleException ex)
        {
            foreach (var error in ex.Errors)
            {
                Error(row, columnOf(error.Field), error);
            }
        }
    }

    /// <summary>The column a domain field's error belongs to (<see cref="ImportRowRules.FieldColumns"/>; the field itself when not listed).</summary>
    public string? ColumnOf(string? field) =>
        field is not null && _rules.FieldColumns is { } map && map.TryGetValue(field, out var column) ? column : field;
}
