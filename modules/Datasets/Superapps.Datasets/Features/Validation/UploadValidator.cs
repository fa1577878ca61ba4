using Superapps.Datasets.Domain;
using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.Datasets.Features.Validation;

/// <summary>How much an upload may hold and how many errors are listed (all are counted).</summary>
public sealed record ValidationLimits(int MaxRows = 1_000_000, int MaxListedErrors = 500);

/// <summary>Receives each valid row's values (in schema order, invariant text, null for empty) while the file streams.</summary>
public interface IValidRowSink
{
    ValueTask AddAsync(int row, IReadOnlyList<string?> values, CancellationToken cancellationToken);
}

/// <summary>What the validation of one file found.</summary>
/// <param name="Rows">Data rows read (blank rows are skipped).</param>
/// <param name="FileErrors">Problems with the file as a whole: it cannot be read, its header does not match, it holds no rows.</param>
/// <param name="Errors">The first <see cref="ValidationLimits.MaxListedErrors"/> refused values, in file order.</param>
/// <param name="ErrorCount">Every refused value, listed or not.</param>
public sealed record ValidationReport(int Rows, IReadOnlyList<UserError> FileErrors, IReadOnlyList<RowError> Errors, int ErrorCount)
{
    public bool IsValid => FileErrors.Count == 0 && ErrorCount == 0;

    /// <summary>The value each listed error refused, as the file held it (shortened to <see cref="MaxShownValue"/> characters), by the index in <see cref="Errors"/>.</summary>
    public IReadOnlyList<string?> ErrorValues { get; init; } = [];

    public const int MaxShownValue = 100;

    /// <summary>The value the <paramref name="index"/>th listed error refused, when known.</summary>
    public string? ValueOf(int index) => index < ErrorValues.Count ? ErrorValues[index] : null;
}

/// <summary>
/// Checks an uploaded CSV or XLSX file against a dataset's schema while it streams: the header must name every column and no other,
/// each value must parse as its column's type, key values must be unique. Rows are never held in memory beyond the one being read
/// (key values excepted, to find duplicates); valid rows go to an <see cref="IValidRowSink"/> as they are read.
/// </summary>
public static class UploadValidator
{
    public static async Task<ValidationReport> ValidateAsync(Stream stream, TabularFormat format, DatasetSchema schema, IValidRowSink? sink = null,
        ValidationLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(schema);
        limits ??= new ValidationLimits();
        var errors = new List<RowError>();
        var errorValues = new List<string?>();
        var errorCount = 0;
        var rows = 0;
        int[]? positions = null;
        var width = 0;
        var keys = schema.Columns.Select((c, i) => (c, i)).Where(x => x.c.Key).Select(x => x.i).ToArray();
        var seenKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new string?[schema.Columns.Count];

        void Refuse(int row, string? column, UserError error, string? value)
        {
            errorCount++;
            if (errors.Count < limits.MaxListedErrors)
            {
                errors.Add(new RowError(row, column, error));
                errorValues.Add(value is { Length: > ValidationReport.MaxShownValue } ? value[..ValidationReport.MaxShownValue] + "…" : value);
            }
        }

        try
        {
            await foreach (var row in TabularReader.ReadAsync(stream, format, cancellationToken))
            {
                if (positions is null)
                {
                    var (map, headerErrors) = MapHeader(row, schema);
                    if (headerErrors.Count > 0)
                    {
                        return new ValidationReport(0, headerErrors, [], 0);
                    }

                    (positions, width) = (map, row.Cells.Count);
                    continue;
                }

                if (++rows > limits.MaxRows)
                {
                    return new ValidationReport(rows - 1, [TabularErrors.TooManyRows(limits.MaxRows)], errors, errorCount) { ErrorValues = errorValues };
                }

                var valid = true;
                for (var i = width; i < row.Cells.Count; i++)
                {
                    if (!string.IsNullOrWhiteSpace(row.Cells[i].Text))
                    {
                        Refuse(row.Number, null, DatasetErrors.ExtraCells, row.Cells[i].Text);
                        valid = false;
                        break;
                    }
                }

                for (var c = 0; c < schema.Columns.Count; c++)
                {
                    var column = schema.Columns[c];
                    var (value, error) = ValueParser.Parse(column, row[positions[c]]);
                    if (error is not null)
                    {
                        Refuse(row.Number, column.Name, error, row[positions[c]].Text);
                        valid = false;
                    }

                    values[c] = value;
                }

                if (keys.Length > 0 && keys.All(k => values[k] is not null))
                {
                    var key = string.Join('\u001f', keys.Select(k => values[k]));
                    if (seenKeys.TryGetValue(key, out var first))
                    {
                        var shown = string.Join(" / ", keys.Select(k => values[k]));
                        Refuse(row.Number, schema.Columns[keys[0]].Name, DatasetErrors.DuplicateKey(shown, first), shown);
                        valid = false;
                    }
                    else
                    {
                        seenKeys.Add(key, row.Number);
                    }
                }

                if (valid && sink is not null)
                {
                    await sink.AddAsync(row.Number, values, cancellationToken);
                }
            }
        }
        catch (TabularFileException ex)
        {
            return new ValidationReport(rows, [ex.Error], errors, errorCount) { ErrorValues = errorValues };
        }

        if (positions is null)
        {
            return new ValidationReport(0, [TabularErrors.Empty], [], 0);
        }

        return rows == 0 ? new ValidationReport(0, [DatasetErrors.NoRows], [], 0) : new ValidationReport(rows, [], errors, errorCount) { ErrorValues = errorValues };
    }

    /// <summary>Where each schema column sits in the file; every column must be there once, and nothing else.</summary>
    private static (int[] Positions, IReadOnlyList<UserError> Errors) MapHeader(TabularRow header, DatasetSchema schema)
    {
        var names = schema.Columns.Select(c => c.Name).ToList();
        var nonEmpty = header.Cells.Select(c => c.Text.Trim()).Where(t => t.Length > 0).ToList();
        if (schema.Columns.Count > 1 && nonEmpty.Count == 1 && nonEmpty[0].IndexOfAny([';', ',', '\t', '|']) is var at and >= 0)
        {
            return ([], [DatasetErrors.OneColumnHeader(nonEmpty[0][at])]);
        }

        var byKey = schema.Columns.Select((c, i) => (Key: DatasetSchema.NameKey(c.Name), i)).ToDictionary(x => x.Key, x => x.i);
        var positions = Enumerable.Repeat(-1, schema.Columns.Count).ToArray();
        var unknown = new List<string>();
        var errors = new List<UserError>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (!byKey.TryGetValue(DatasetSchema.NameKey(text), out var c))
            {
                unknown.Add(text);
            }
            else if (positions[c] >= 0)
            {
                errors.Add(TabularErrors.DuplicateColumn(text));
            }
            else
            {
                positions[c] = i;
            }
        }

        var missing = schema.Columns.Where((_, c) => positions[c] < 0).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            errors.Add(TabularErrors.MissingColumns(missing, names));
        }

        if (unknown.Count > 0)
        {
            errors.Add(TabularErrors.UnknownColumns(unknown, names));
        }

        return (positions, errors);
    }
}
