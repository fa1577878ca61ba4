using Superapps.SharedKernel;

namespace Superapps.Adapters;

/// <summary>The seam's own errors, in Indonesian and English.</summary>
public static class AdapterErrors
{
    public static readonly UserError AlreadyRunning = new("adapters.run.already-running",
        "Adaptor ini sedang berjalan. Tunggu sampai selesai, lalu jalankan lagi.",
        "This adapter is running. Wait until it has finished, then run it again.");

    public static readonly UserError Disabled = new("adapters.run.disabled",
        "Adaptor ini dinonaktifkan dalam konfigurasi.",
        "This adapter is switched off in the configuration.");

    public static readonly UserError Unknown = new("adapters.run.unknown",
        "Adaptor tidak dikenal.",
        "Unknown adapter.");

    /// <summary>The message a run gets when the next run finds it still marked running: its process stopped before it finished.</summary>
    public const string Interrupted = "Proses berhenti sebelum run selesai; run berikutnya melanjutkan dari checkpoint terakhir. / " +
        "The process stopped before the run finished; the next run resumes from the last checkpoint.";

    public const string Cancelled = "Run dihentikan (aplikasi berhenti). / The run was stopped (the application is stopping).";
}
