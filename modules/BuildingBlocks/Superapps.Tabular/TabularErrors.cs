using Superapps.SharedKernel;

namespace Superapps.Tabular;

/// <summary>Errors about a file as a whole, before any of its rows is looked at.</summary>
public static class TabularErrors
{
    public static readonly UserError UnknownFormat = new("tabular.format",
        "Jenis berkas tidak didukung. Unggah berkas CSV (.csv) atau Excel (.xlsx).",
        "Unsupported file type. Upload a CSV (.csv) or Excel (.xlsx) file.", "file");

    public static readonly UserError NotUtf8 = new("tabular.encoding",
        "Berkas CSV harus berenkode UTF-8. Di Excel pilih \"Simpan Sebagai\" → \"CSV UTF-8\".",
        "A CSV file must be UTF-8 encoded. In Excel choose \"Save As\" → \"CSV UTF-8\".", "file");

    public static readonly UserError NotXlsx = new("tabular.xlsx",
        "Berkas Excel tidak dapat dibaca. Pastikan berkas berformat .xlsx dan tidak rusak atau terkunci kata sandi.",
        "The Excel file cannot be read. Make sure it is an .xlsx file that is not damaged or password-protected.", "file");

    public static readonly UserError Empty = new("tabular.empty",
        "Berkas kosong: baris pertama harus berisi nama kolom.",
        "The file is empty: the first row must hold the column names.", "file");

    public static readonly UserError UnclosedQuote = new("tabular.quote",
        "Tanda kutip tidak ditutup pada berkas CSV.", "A quoted value is not closed in the CSV file.", "file");

    public static UserError SheetNotFound(string sheet) => new("tabular.sheet",
        $"Lembar kerja \"{sheet}\" tidak ada di berkas Excel.", $"The Excel file has no worksheet \"{sheet}\".", "file");

    public static UserError TooLarge(long maximumBytes) => new("tabular.too-large",
        $"Berkas terlalu besar: paling besar {maximumBytes / 1024 / 1024} MB.",
        $"The file is too large: at most {maximumBytes / 1024 / 1024} MB.", "file");

    public static UserError TooManyRows(int maximumRows) => new("tabular.too-many-rows",
        $"Berkas berisi terlalu banyak baris: paling banyak {maximumRows:N0}.",
        $"The file has too many rows: at most {maximumRows:N0}.", "file");

    public static UserError MissingColumns(IEnumerable<string> missing, IEnumerable<string> expected) => new("tabular.missing-columns",
        $"Kolom wajib tidak ada: {string.Join(", ", missing)}. Kolom yang diharapkan: {string.Join(", ", expected)}.",
        $"Required columns are missing: {string.Join(", ", missing)}. Expected columns: {string.Join(", ", expected)}.", "file");

    public static UserError UnknownColumns(IEnumerable<string> unknown, IEnumerable<string> expected) => new("tabular.unknown-columns",
        $"Kolom tidak dikenal: {string.Join(", ", unknown)}. Kolom yang diharapkan: {string.Join(", ", expected)}.",
        $"Unknown columns: {string.Join(", ", unknown)}. Expected columns: {string.Join(", ", expected)}.", "file");

    public static UserError DuplicateColumn(string column) => new("tabular.duplicate-column",
        $"Kolom \"{column}\" muncul lebih dari sekali.", $"The column \"{column}\" appears more than once.", "file");

    /// <summary>An empty required cell, for an import that has no error of its own for it.</summary>
    public static UserError Required(string column) => new("tabular.required",
        $"Kolom {column} wajib diisi.", $"The column {column} is required.", column);

    public static readonly UserError Formula = new("tabular.formula",
        "Sel berisi rumus; impor hanya menerima nilai. Salin lalu tempel sebagai nilai.",
        "The cell holds a formula; imports take values only. Copy and paste it as values.");

    public static readonly UserError NumberForText = new("tabular.number-for-text",
        "Nilai ini tersimpan sebagai angka sehingga digit dapat hilang. Format kolomnya sebagai Teks lalu ketik ulang.",
        "This value is stored as a number, so digits may be lost. Format the column as Text and type it again.");
}

/// <summary>A file-level problem: the file cannot be read as a table at all.</summary>
public sealed class TabularFileException(UserError error) : Exception(error.ToString())
{
    public UserError Error { get; } = error;
}

/// <summary>An error in one cell (or one row, when <see cref="Column"/> is null) of an imported file.</summary>
/// <param name="Row">The row number as a spreadsheet shows it (the header is row 1).</param>
public sealed record RowError(int Row, string? Column, UserError Error);
