using Superapps.SharedKernel;

namespace Superapps.Letters.Pages;

/// <summary>How a letter imported from a legacy e-office system reads on screen, in Indonesian or English.</summary>
public static class ImportedLabels
{
    /// <summary>The legacy system's name as users know it: "sipadek" reads "SIPADEK".</summary>
    public static string SystemName(string source) => source.ToUpperInvariant();

    /// <summary>"Diimpor dari SIPADEK" / "Imported from SIPADEK", with the import date.</summary>
    public static string Badge(string source, DateTimeOffset importedAt) =>
        Bilingual.T($"Diimpor dari {SystemName(source)} · {Wib.ShowDate(importedAt)}", $"Imported from {SystemName(source)} · {Wib.ShowDate(importedAt)}");

    /// <summary>"No. agenda SIPADEK" / "SIPADEK agenda no.".</summary>
    public static string LegacyAgenda(string source) => Bilingual.T($"No. agenda {SystemName(source)}", $"{SystemName(source)} agenda no.");

    public static string Dispositions(string source) => Bilingual.T($"Riwayat disposisi {SystemName(source)}", $"{SystemName(source)} disposition history");

    public static string ReadOnly(string source) => Bilingual.T(
        $"Surat arsip dari {SystemName(source)}: hanya dapat dibaca, tidak dapat didisposisikan atau diubah.",
        $"An archived letter from {SystemName(source)}: read-only, it cannot be disposed or changed.");

    public static string NoDispositions => Bilingual.T("Tidak ada disposisi.", "No dispositions.");

    public static string From => Bilingual.T("Dari", "From");

    public static string To => Bilingual.T("Kepada", "To");

    public static string Instruction => Bilingual.T("Isi disposisi", "Instruction");

    public static string Deadline => Bilingual.T("Batas waktu", "Deadline");

    public static string Status => Bilingual.T("Status lama", "Legacy status");

    public static string Date => Bilingual.T("Tanggal", "Date");

    public static string Number => Bilingual.T("Nomor surat", "Letter number");

    public static string Sender => Bilingual.T("Asal surat", "Sender");

    public static string Addressee => Bilingual.T("Tujuan surat", "Addressee");

    public static string Subject => Bilingual.T("Perihal", "Subject");

    public static string Classification => Bilingual.T("Klasifikasi", "Classification");

    public static string Nature => Bilingual.T("Sifat", "Nature");

    public static string Outgoing => Bilingual.T("Surat keluar", "Outgoing letter");

    public static string NoScan => Bilingual.T("Surat ini diimpor tanpa pindaian.", "This letter was imported without a scan.");
}
