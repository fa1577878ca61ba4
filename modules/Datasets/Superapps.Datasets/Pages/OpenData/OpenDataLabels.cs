using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Datasets.Pages.OpenData;

/// <summary>The open-data site's bilingual words, one place for its pages.</summary>
public static class OpenDataLabels
{
    public static string Title => T("Portal Data Terbuka", "Open Data Portal");

    public static string Intro => T(
        "Data pemerintah kota yang diperbarui setiap OPD produsen data dan diperiksa walidata (Diskominfo). Bebas diunduh dan digunakan sesuai lisensinya.",
        "The city government's data, kept current by each producing agency (OPD) and checked by the data custodian (Diskominfo). Free to download and use under its licence.");

    public static string Search => T("Cari judul, deskripsi, kata kunci", "Search titles, descriptions, keywords");

    public static string AllAgencies => T("Semua OPD", "All agencies");

    public static string Producer => T("OPD produsen", "Producing agency");

    public static string LastUpdated => T("Terakhir diperbarui", "Last updated");

    public static string Frequency => T("Frekuensi pemutakhiran", "Update frequency");

    public static string Period => T("Periode data", "Data period");

    public static string License => T("Lisensi", "Licence");

    public static string Keywords => T("Kata kunci", "Keywords");

    public static string Columns => T("Kolom", "Columns");

    public static string Rows => T("Baris", "Rows");

    public static string Versions => T("Versi yang dipublikasikan", "Published versions");

    public static string Preview => T("Pratinjau data", "Data preview");

    public static string Download => T("Unduh", "Download");

    public static string Inactive => T("Tidak diperbarui lagi", "No longer updated");

    public static string NoResults => T("Tidak ada dataset yang cocok.", "No matching datasets.");

    public static string UnknownDataset => T("Dataset tidak ditemukan atau belum ada data yang dipublikasikan.",
        "The dataset was not found, or none of its data is published yet.");

    public static string Catalog => T("Katalog DCAT (JSON-LD)", "DCAT catalogue (JSON-LD)");

    public static string Api => T("API kompatibel CKAN", "CKAN-compatible API");

    public static string Back => T("Kembali ke Portal Data Terbuka", "Back to the Open Data Portal");

    public static string Found(int count) => T($"{count} dataset", count == 1 ? "1 dataset" : $"{count} datasets");

    public static string PreviewNote(int shown, int total) => total > shown
        ? T($"{shown} baris pertama dari {total}. Unduh berkasnya untuk semua baris.", $"The first {shown} of {total} rows. Download the file for every row.")
        : T($"{total} baris.", $"{total} rows.");
}
