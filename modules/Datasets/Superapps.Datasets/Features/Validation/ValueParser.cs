using System.Globalization;
using Superapps.Datasets.Domain;
using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.Datasets.Features.Validation;

/// <summary>Turns one uploaded cell into the value stored for its column's type, in an invariant form (<c>12500.75</c>, <c>2026-11-30</c>, <c>true</c>).</summary>
public static class ValueParser
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy"];

    /// <summary>The stored text of a value (null for an empty optional cell), or the error that refuses it.</summary>
    public static (string? Value, UserError? Error) Parse(DatasetColumn column, TabularCell cell)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (cell.IsFormula)
        {
            return (null, TabularErrors.Formula);
        }

        var text = cell.Text.Trim();
        if (text.Length == 0)
        {
            return column.Required ? (null, DatasetErrors.Required) : (null, null);
        }

        return column.Type switch
        {
            ColumnType.WholeNumber => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? (whole.ToString(CultureInfo.InvariantCulture), null)
                : IntegralDecimal(text, cell.IsNumber) is { } number ? (number, null) : (null, DatasetErrors.NotInteger),
            ColumnType.Number => Decimal(text) is { } value ? (value.ToString(CultureInfo.InvariantCulture), null) : (null, DatasetErrors.NotDecimal),
            ColumnType.Date => Date(text, cell.IsNumber) is { } day ? (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null) : (null, DatasetErrors.NotDate),
            ColumnType.Boolean => Boolean(text) is { } flag ? (flag ? "true" : "false", null) : (null, DatasetErrors.NotBoolean),
            _ => text.Length > column.MaxLength ? (null, DatasetErrors.TooLong(column.MaxLength)) : (text, null),
        };
    }

    /// <summary>A spreadsheet stores whole numbers as 12500 or 1.25E4: accepted when the number is whole.</summary>
    private static string? IntegralDecimal(string text, bool isNumber) =>
        isNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 9e15 && d == Math.Floor(d)
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>One decimal separator, a point or a comma; no grouping; an optional leading sign.</summary>
    private static decimal? Decimal(string text)
    {
        if (text.Count(c => c is '.' or ',') > 1)
        {
            return null;
        }

        var normalised = text.Replace(',', '.');
        if (decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // A spreadsheet's own number: 1.25E-3.
        return double.TryParse(normalised, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && Math.Abs(d) < 7.9e27
            ? (decimal)d
            : null;
    }

    private static DateOnly? Date(string text, bool isNumber)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        // Excel keeps a date as the number of days since 1899-12-30.
        if (isNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        return null;
    }

    private static bool? Boolean(string text) => text.ToUpperInvariant() switch
    {
        "YA" or "Y" or "TRUE" or "1" or "YES" => true,
        "TIDAK" or "T" or "FALSE" or "0" or "NO" => false,
        _ => null,
    };
}
