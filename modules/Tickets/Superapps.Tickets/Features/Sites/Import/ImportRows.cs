using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.Tickets.Features.Sites.Import;

/// <summary>The rows of an import file with their columns, and the errors found in them by row and column.</summary>
internal sealed class ImportRows
{
    private readonly TabularColumns _columns;
    private readonly List<RowError> _errors = [];

    private ImportRows(TabularColumns columns, List<TabularRow> rows)
    {
        _columns = columns;
        Rows = rows;
    }

    public List<TabularRow> Rows { get; }

    public IReadOnlyList<RowError> Errors => _errors;

    public static async Task<ImportRows> ReadAsync(Stream stream, TabularFormat format, CancellationToken cancellationToken)
    {
        TabularColumns? columns = null;
        var rows = new List<TabularRow>();
        await foreach (var row in TabularReader.ReadAsync(stream, format, cancellationToken))
        {
            if (columns is null)
            {
                columns = TabularColumns.Map(row, SiteImport.Columns);
                continue;
            }

            if (rows.Count == SiteImport.MaximumRows)
            {
                throw new TabularFileException(TabularErrors.TooManyRows(SiteImport.MaximumRows));
            }

            rows.Add(row);
        }

        return new ImportRows(columns ?? throw new TabularFileException(TabularErrors.Empty), rows);
    }

    /// <summary>True when the cell holds anything at all (a formula or a number included): how a row's kind is told.</summary>
    public bool Has(TabularRow row, string column) => _columns.Cell(row, column) is var cell && (cell.IsFormula || cell.Text.Trim().Length > 0);

    /// <summary>The trimmed value, or null when empty or refused (a formula; a number where text is expected).</summary>
    public string? Optional(TabularRow row, string column, bool numberAllowed = false)
    {
        var cell = _columns.Cell(row, column);
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

    public string? Required(TabularRow row, string column)
    {
        var text = Optional(row, column);
        if (text is null && !_errors.Any(e => e.Row == row.Number && e.Column == column))
        {
            Error(row, column, SiteImportErrors.Required(column));
        }

        return text;
    }

    public void Error(TabularRow row, string column, UserError error) => Error(row.Number, column, error);

    /// <summary>Records an error once: the same problem of the same cell is not repeated.</summary>
    public void Error(int row, string? column, UserError error)
    {
        if (!_errors.Any(e => e.Row == row && e.Column == column && e.Error.Code == error.Code))
        {
            _errors.Add(new RowError(row, column, error));
        }
    }

    /// <summary>Runs a domain check; its rule violations become errors of this row, in the column each names.</summary>
    public void Check(TabularRow row, Action action, Func<string?, string?>? columnOf = null)
    {
        try
        {
            action();
        }
        catch (DomainRuleException ex)
        {
            foreach (var error in ex.Errors)
            {
                Error(row.Number, (columnOf ?? ColumnOf)(error.Field), error);
            }
        }
    }

    private static string? ColumnOf(string? field) => field switch
    {
        "code" => "kode",
        "name" => "nama",
        "kind" => "jenis",
        "agency" => "kode_opd",
        "address" => "alamat",
        "latitude" => "lintang",
        "longitude" => "bujur",
        "node" or "parent" => "kode_simpul",
        _ => field,
    };
}
