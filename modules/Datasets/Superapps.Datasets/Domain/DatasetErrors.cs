using Superapps.SharedKernel;

namespace Superapps.Datasets.Domain;

/// <summary>The bilingual errors of the data list's schemas and of uploaded values.</summary>
public static class DatasetErrors
{
    public static readonly UserError NoColumns = new("datasets.schema.empty",
        "Dataset harus memiliki paling sedikit satu kolom.", "A dataset needs at least one column.", "columns");

    public static UserError TooManyColumns(int maximum) => new("datasets.schema.too-many",
        $"Dataset paling banyak memiliki {maximum} kolom.", $"A dataset has at most {maximum} columns.", "columns");

    public static UserError ColumnName(int maximum) => new("datasets.schema.name",
        $"Setiap kolom harus bernama (paling panjang {maximum} karakter).", $"Every column needs a name (at most {maximum} characters).", "columns");

    public static UserError DuplicateColumn(string name) => new("datasets.schema.duplicate",
        $"Nama kolom \"{name}\" dipakai lebih dari sekali.", $"The column name \"{name}\" is used more than once.", "columns");

    public static UserError ColumnType(string name) => new("datasets.schema.type",
        $"Jenis kolom \"{name}\" tidak dikenal.", $"The type of the column \"{name}\" is unknown.", "columns");

    public static UserError ColumnLength(string name) => new("datasets.schema.length",
        $"Panjang maksimum kolom \"{name}\" harus 1-10.000.", $"The maximum length of the column \"{name}\" must be 1-10,000.", "columns");

    public static UserError KeyNotRequired(string name) => new("datasets.schema.key",
        $"Kolom kunci \"{name}\" harus wajib diisi.", $"The key column \"{name}\" must be required.", "columns");

    public static readonly UserError Required = new("datasets.value.required",
        "Nilai wajib diisi.", "A value is required.");

    public static UserError TooLong(int maximum) => new("datasets.value.too-long",
        $"Teks terlalu panjang: paling banyak {maximum} karakter.", $"The text is too long: at most {maximum} characters.");

    public static readonly UserError NotInteger = new("datasets.value.integer",
        "Bukan bilangan bulat. Tulis angka tanpa pemisah ribuan, misalnya 12500.",
        "Not a whole number. Write digits without thousands separators, for example 12500.");

    public static readonly UserError NotDecimal = new("datasets.value.decimal",
        "Bukan angka. Tulis angka tanpa pemisah ribuan, dengan koma atau titik desimal, misalnya 12500,75.",
        "Not a number. Write digits without thousands separators, with a decimal comma or point, for example 12500.75.");

    public static readonly UserError NotDate = new("datasets.value.date",
        "Bukan tanggal. Gunakan 2026-11-30, 30/11/2026 atau 30-11-2026.",
        "Not a date. Use 2026-11-30, 30/11/2026 or 30-11-2026.");

    public static readonly UserError NotBoolean = new("datasets.value.boolean",
        "Isi dengan ya atau tidak.", "Fill in ya (yes) or tidak (no).");

    public static UserError DuplicateKey(string key, int firstRow) => new("datasets.value.duplicate-key",
        $"Kunci \"{key}\" sudah ada di baris {firstRow}.", $"The key \"{key}\" is already on row {firstRow}.");

    public static readonly UserError ExtraCells = new("datasets.row.extra-cells",
        "Baris berisi lebih banyak sel daripada kolom pada baris judul.", "The row has more cells than the header has columns.");

    public static UserError OneColumnHeader(char delimiter) => new("datasets.file.delimiter",
        $"Baris judul terbaca sebagai satu kolom yang memuat \"{delimiter}\". Berkas memakai pemisah lain: simpan sebagai CSV berpemisah koma atau titik koma.",
        $"The header reads as one column containing \"{delimiter}\". The file uses another separator: save it as comma- or semicolon-separated CSV.", "file");

    public static readonly UserError NoRows = new("datasets.file.no-rows",
        "Berkas tidak berisi baris data di bawah baris judul.", "The file has no data rows below the header.", "file");

    public static readonly UserError NotAwaitingReview = new("datasets.review.status",
        "Versi ini tidak sedang menunggu pemeriksaan: mungkin sudah diperiksa atau diganti unggahan yang lebih baru.",
        "This version is not awaiting review: it may have been reviewed already or replaced by a newer upload.");

    public static readonly UserError OwnUpload = new("datasets.review.own",
        "Anda tidak dapat memeriksa unggahan Anda sendiri.", "You cannot review your own upload.");

    public static readonly UserError NoReturnReason = new("datasets.review.reason",
        "Pilih paling sedikit satu alasan pengembalian.", "Choose at least one reason for returning it.", "reasons");

    public static readonly UserError ReturnNoteRequired = new("datasets.review.note",
        "Alasan \"Lainnya\" memerlukan catatan yang menjelaskannya.", "The reason \"Other\" needs a note that explains it.", "note");

    public static UserError ReviewNoteTooLong(int maximum) => new("datasets.review.note-length",
        $"Catatan paling panjang {maximum} karakter.", $"The note is at most {maximum} characters.", "note");
}
