using System.Text;

namespace Superapps.Tabular;

/// <summary>
/// Writes CSV for downloads, row by row to a stream: UTF-8 with a byte order mark (so Excel reads the characters right), comma
/// separated, CRLF line ends and RFC 4180 quoting. Every text cell goes through <see cref="SpreadsheetText"/>, so nothing written
/// opens as a formula; a cell the caller marks as a number (already in invariant form, e.g. <c>-12.5</c>) is written as it is.
/// </summary>
public sealed class CsvWriter : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly StreamWriter _writer;

    public CsvWriter(Stream output) =>
        _writer = new StreamWriter(output ?? throw new ArgumentNullException(nameof(output)), Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };

    /// <summary>Writes one row; <paramref name="isNumber"/> tells, per cell, that the value is an invariant number to keep as it is.</summary>
    public async Task WriteRowAsync(IReadOnlyList<string?> cells, IReadOnlyList<bool>? isNumber = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Field(cells[i], isNumber is not null && i < isNumber.Count && isNumber[i]));
        }

        await _writer.WriteLineAsync(line, cancellationToken);
    }

    /// <summary>One field as written: neutralised unless it is a number, and quoted when it holds a comma, a quote or a line break.</summary>
    public static string Field(string? value, bool isNumber = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = isNumber && IsInvariantNumber(value) ? value : SpreadsheetText.NeutraliseFormula(value);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    private static bool IsInvariantNumber(string value) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out _);
}
