namespace Superapps.Adapters.LegacyLetters;

/// <summary>The legacy letters adapter (section <c>Superapps:Adapters:LegacyLetters</c>). Off unless configured.</summary>
public sealed class LegacyLettersOptions : AdapterOptions
{
    public const string Section = "Superapps:Adapters:LegacyLetters";

    public LegacyLettersOptions() => Cron = "0 0 1 * * ?";

    /// <summary>The folder holding the export's CSV files (tb_surat_masuk.csv, tb_surat_keluar.csv, tb_disposisi.csv, tb_pegawai.csv) and scan/.</summary>
    public string? ExportDirectory { get; set; }

    /// <summary>The legacy system's name, stored with each letter as its source (with the legacy id, the key of idempotency).</summary>
    public string Source { get; set; } = "sipadek";
}
