using System.Globalization;
using Superapps.Datasets.Domain;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.DataList;

/// <summary>
/// How the data list's import writes frequencies and columns as text. Columns: <c>name:type[:wajib][:kunci][:maks=N]</c>, separated
/// by semicolons, e.g. <c>kecamatan:teks:wajib:kunci; jumlah_penduduk:bilangan-bulat:wajib</c>. Types: teks, bilangan-bulat, angka,
/// tanggal, ya-tidak (or the English text, whole-number, number, date, boolean).
/// </summary>
public static class DataListText
{
    /// <summary>bulanan, triwulanan, semesteran, tahunan (or monthly, quarterly, half-yearly, yearly); null when none of them.</summary>
    public static UpdateFrequency? ParseFrequency(string? text) => Simplify(text) switch
    {
        "bulanan" or "monthly" => UpdateFrequency.Monthly,
        "triwulanan" or "quarterly" => UpdateFrequency.Quarterly,
        "semesteran" or "halfyearly" => UpdateFrequency.HalfYearly,
        "tahunan" or "yearly" or "annual" => UpdateFrequency.Yearly,
        _ => null,
    };

    public static string FormatFrequency(UpdateFrequency frequency) => frequency switch
    {
        UpdateFrequency.Monthly => "bulanan",
        UpdateFrequency.Quarterly => "triwulanan",
        UpdateFrequency.HalfYearly => "semesteran",
        _ => "tahunan",
    };

    public static ColumnType? ParseType(string? text) => Simplify(text) switch
    {
        "teks" or "text" => ColumnType.Text,
        "bilanganbulat" or "bulat" or "wholenumber" or "integer" => ColumnType.WholeNumber,
        "angka" or "desimal" or "bilangandesimal" or "number" or "decimal" => ColumnType.Number,
        "tanggal" or "date" => ColumnType.Date,
        "yatidak" or "boolean" or "yesno" => ColumnType.Boolean,
        _ => null,
    };

    public static string FormatType(ColumnType type) => type switch
    {
        ColumnType.Text => "teks",
        ColumnType.WholeNumber => "bilangan-bulat",
        ColumnType.Number => "angka",
        ColumnType.Date => "tanggal",
        _ => "ya-tidak",
    };

    /// <summary>Reads a column list; the errors (field <c>columns</c>) name each part that cannot be read. The schema's own rules are not checked here.</summary>
    public static (IReadOnlyList<DatasetColumn> Columns, IReadOnlyList<UserError> Errors) ParseColumns(string? text)
    {
        var columns = new List<DatasetColumn>();
        var errors = new List<UserError>();
        foreach (var part in (text ?? string.Empty).Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            if (pieces.Length < 2 || pieces[0].Length == 0)
            {
                errors.Add(DataListErrors.ColumnSpec(part));
                continue;
            }

            if (ParseType(pieces[1]) is not { } type)
            {
                errors.Add(DataListErrors.ColumnTypeName(pieces[1]));
                continue;
            }

            var column = new DatasetColumn(pieces[0], type);
            var readable = true;
            foreach (var flag in pieces.Skip(2))
            {
                var simple = Simplify(flag);
                if (simple is "wajib" or "required")
                {
                    column = column with { Required = true };
                }
                else if (simple is "kunci" or "key")
                {
                    column = column with { Key = true };
                }
                else if (flag.Split('=', 2, StringSplitOptions.TrimEntries) is [var name, var value] && Simplify(name) is "maks" or "max" or "maxlength"
                    && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    column = column with { MaxLength = length };
                }
                else
                {
                    readable = false;
                }
            }

            if (readable)
            {
                columns.Add(column);
            }
            else
            {
                errors.Add(DataListErrors.ColumnSpec(part));
            }
        }

        return (columns, errors);
    }

    /// <summary>The column list as the import reads it back.</summary>
    public static string FormatColumns(IEnumerable<DatasetColumn> columns) => string.Join("; ", columns.Select(c =>
        string.Concat(c.Name, ":", FormatType(c.Type), c.Required ? ":wajib" : string.Empty, c.Key ? ":kunci" : string.Empty,
            c.MaxLength != DatasetColumn.DefaultMaxLength ? FormattableString.Invariant($":maks={c.MaxLength}") : string.Empty)));

    /// <summary>Keywords separated by commas or semicolons.</summary>
    public static IReadOnlyList<string> ParseKeywords(string? text) =>
        [.. (text ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Simplify(string? text) => new([.. (text ?? string.Empty).Trim().ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
