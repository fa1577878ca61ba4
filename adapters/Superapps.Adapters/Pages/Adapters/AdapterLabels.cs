using MudBlazor;
using Superapps.Adapters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Adapters.Pages.Adapters;

/// <summary>How the adapters page reads on screen, in Indonesian or English.</summary>
public static class AdapterLabels
{
    public static string Of(AdapterRunStatus status) => status switch
    {
        AdapterRunStatus.Running => Bilingual.T("Berjalan", "Running"),
        AdapterRunStatus.Succeeded => Bilingual.T("Berhasil", "Succeeded"),
        AdapterRunStatus.PartiallyFailed => Bilingual.T("Sebagian gagal", "Partly failed"),
        AdapterRunStatus.Failed => Bilingual.T("Gagal", "Failed"),
        _ => status.ToString(),
    };

    public static Color ColorOf(AdapterRunStatus status) => status switch
    {
        AdapterRunStatus.Succeeded => Color.Success,
        AdapterRunStatus.PartiallyFailed => Color.Warning,
        AdapterRunStatus.Failed => Color.Error,
        _ => Color.Info,
    };

    public static string Enabled(bool enabled) => enabled ? Bilingual.T("Aktif", "On") : Bilingual.T("Nonaktif", "Off");

    public static string Counts(AdapterRunCounts c) => Bilingual.T(
        $"dibaca {c.Read} · baru {c.Created} · diperbarui {c.Updated} · dilewati {c.Skipped} · gagal {c.Failed}",
        $"read {c.Read} · created {c.Created} · updated {c.Updated} · skipped {c.Skipped} · failed {c.Failed}");

    public static string TriggeredBy(string by) => by == "jadwal" ? Bilingual.T("jadwal", "schedule") : by;

    public static string When(DateTimeOffset? at) => at is { } t ? Wib.ShowDateTime(t) : "—";

    public static string Schedule(string cron) => Bilingual.T($"cron {cron} (WIB)", $"cron {cron} (WIB)");
}
