using Superapps.Datasets.Domain;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.DataList;

/// <summary>The bilingual errors of the data list's entries and of its import, each naming the field (or import column) it belongs to.</summary>
public static class DataListErrors
{
    public static UserError CodeFormat(int maximum) => new("datasets.list.code",
        $"Kode hanya boleh berisi huruf kecil, angka dan tanda hubung (tidak di awal atau akhir), paling panjang {maximum} karakter, misalnya jumlah-sekolah-per-kecamatan.",
        $"A code holds only lowercase letters, digits and hyphens (not at the start or end), at most {maximum} characters, for example jumlah-sekolah-per-kecamatan.", "code");

    public static UserError CodeTaken(string code) => new("datasets.list.code-taken",
        $"Kode \"{code}\" sudah dipakai dataset lain.", $"The code \"{code}\" is already used by another dataset.", "code");

    public static UserError Title(int maximum) => new("datasets.list.title",
        $"Judul wajib diisi, paling panjang {maximum} karakter.", $"A title is required, at most {maximum} characters.", "title");

    public static UserError Description(int maximum) => new("datasets.list.description",
        $"Deskripsi paling panjang {maximum} karakter.", $"The description is at most {maximum} characters.", "description");

    public static readonly UserError Producer = new("datasets.list.producer",
        "Pilih OPD produsen data yang terdaftar.", "Choose a registered producing OPD.", "producer");

    public static readonly UserError DueDay = new("datasets.list.due-day",
        "Hari jatuh tempo harus 1-31.", "The due day must be 1-31.", "dueDay");

    public static readonly UserError Frequency = new("datasets.list.frequency",
        "Frekuensi tidak dikenal. Pilih bulanan, triwulanan, semesteran atau tahunan.",
        "Unknown frequency. Choose bulanan (monthly), triwulanan (quarterly), semesteran (half-yearly) or tahunan (yearly).", "frequency");

    public static UserError FirstPeriod(UpdateFrequency frequency) => new("datasets.list.first-period",
        $"Periode awal tidak sesuai frekuensinya. Tulis seperti {Example(frequency)}.",
        $"The first period does not fit the frequency. Write it like {Example(frequency)}.", "firstPeriod");

    public static UserError License(int maximum) => new("datasets.list.license",
        $"Lisensi paling panjang {maximum} karakter, misalnya CC-BY-4.0.", $"The licence is at most {maximum} characters, for example CC-BY-4.0.", "license");

    public static UserError Keyword(int maximum) => new("datasets.list.keyword",
        $"Setiap kata kunci paling panjang {maximum} karakter.", $"Each keyword is at most {maximum} characters.", "keywords");

    public static readonly UserError NotFound = new("datasets.list.not-found",
        "Dataset tidak ditemukan, atau Anda tidak berhak membukanya.", "The dataset was not found, or you may not open it.");

    public static readonly UserError NotProducerOperator = new("datasets.upload.not-producer",
        "Hanya operator data OPD produsen dataset ini yang dapat mengunggah datanya.",
        "Only the data operators of the OPD that produces this dataset can upload its data.");

    public static UserError ColumnSpec(string part) => new("datasets.import.columns",
        $"Kolom \"{part}\" tidak dapat dibaca. Tulis nama:jenis lalu bila perlu :wajib, :kunci, :maks=N; pisahkan kolom dengan titik koma, misalnya kecamatan:teks:wajib:kunci; jumlah:bilangan-bulat:wajib.",
        $"The column \"{part}\" cannot be read. Write name:type, then if needed :wajib (required), :kunci (key), :maks=N; separate columns with semicolons, for example kecamatan:teks:wajib:kunci; jumlah:bilangan-bulat:wajib.", "columns");

    public static UserError ColumnTypeName(string type) => new("datasets.import.column-type",
        $"Jenis kolom \"{type}\" tidak dikenal. Pilih teks, bilangan-bulat, angka, tanggal atau ya-tidak.",
        $"Unknown column type \"{type}\". Choose teks (text), bilangan-bulat (whole number), angka (number), tanggal (date) or ya-tidak (yes/no).", "columns");

    public static UserError DuplicateInFile(int firstRow) => new("datasets.import.duplicate",
        $"Kode ini sudah ada di baris {firstRow} berkas ini.", $"This code is already on row {firstRow} of this file.", "code");

    public static UserError Required(string column) => new("datasets.import.required",
        $"Kolom {column} wajib diisi.", $"The column {column} is required.", column);

    private static string Example(UpdateFrequency frequency) => frequency switch
    {
        UpdateFrequency.Monthly => "2026-01",
        UpdateFrequency.Quarterly => "2026-Q1",
        UpdateFrequency.HalfYearly => "2026-S1",
        _ => "2026",
    };
}
