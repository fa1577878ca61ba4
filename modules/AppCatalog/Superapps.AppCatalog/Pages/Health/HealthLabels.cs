using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Features.Health;
using Superapps.SharedKernel;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.AppCatalog.Pages.Health;

/// <summary>How an app's health reads on screen, in Indonesian or English.</summary>
public static class HealthLabels
{
    public static string Label(AppHealth health) => health switch
    {
        AppHealth.Healthy => T("Sehat", "Healthy"),
        AppHealth.Unhealthy => T("Tidak sehat", "Unhealthy"),
        _ => T("Belum diketahui", "Unknown"),
    };

    public static MudBlazor.Color Color(AppHealth health) => health switch
    {
        AppHealth.Healthy => MudBlazor.Color.Success,
        AppHealth.Unhealthy => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(AppHealth health) => health switch
    {
        AppHealth.Healthy => MudBlazor.Icons.Material.Filled.CheckCircle,
        AppHealth.Unhealthy => MudBlazor.Icons.Material.Filled.Error,
        _ => MudBlazor.Icons.Material.Filled.HelpOutline,
    };

    /// <summary>"Sejak 2 Desember 2026 09.15 WIB · diperiksa 09.20 WIB", or that the proxy has not reported yet.</summary>
    public static string Detail(AppHealthView? view)
    {
        if (view is null)
        {
            return T("Proxy belum melaporkan kesehatan aplikasi ini.", "The proxy has not reported this app's health yet.");
        }

        return T($"Sejak {Wib.ShowDateTime(view.ChangedAt)} · terakhir diperiksa {Wib.ShowDateTime(view.CheckedAt)}",
            $"Since {Wib.ShowDateTime(view.ChangedAt)} · last checked {Wib.ShowDateTime(view.CheckedAt)}");
    }
}
