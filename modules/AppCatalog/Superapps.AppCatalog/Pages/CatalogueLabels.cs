using System.Globalization;
using MudBlazor;
using Superapps.AppCatalog.Contracts;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.AppCatalog.Pages;

/// <summary>How the catalogue's statuses, decisions, identity modes, money and latency read on screen, in Indonesian or English.</summary>
public static class CatalogueLabels
{
    public static string Label(this AppStatus status) => status switch
    {
        AppStatus.Active => T("Aktif", "Active"),
        AppStatus.ToIntegrate => T("Belum diintegrasikan", "To integrate"),
        AppStatus.Proxied => T("Diproksi", "Proxied"),
        AppStatus.Adapted => T("Diadaptasi", "Adapted"),
        AppStatus.Retiring => T("Segera dipensiunkan", "Retiring"),
        _ => T("Dipensiunkan", "Retired"),
    };

    public static Color Color(this AppStatus status) => status switch
    {
        AppStatus.Proxied => MudBlazor.Color.Primary,
        AppStatus.Adapted => MudBlazor.Color.Info,
        AppStatus.Retiring => MudBlazor.Color.Warning,
        AppStatus.Retired => MudBlazor.Color.Dark,
        AppStatus.ToIntegrate => MudBlazor.Color.Secondary,
        _ => MudBlazor.Color.Success,
    };

    public static string Label(this TimeDecision decision) => decision switch
    {
        TimeDecision.Tolerate => T("Pertahankan (Tolerate)", "Tolerate"),
        TimeDecision.Invest => T("Kembangkan (Invest)", "Invest"),
        TimeDecision.Migrate => T("Migrasi (Migrate)", "Migrate"),
        _ => T("Hentikan (Eliminate)", "Eliminate"),
    };

    public static string Label(this IdentityMode mode) => mode switch
    {
        IdentityMode.SignedHeaders => T("Header identitas bertanda tangan", "Signed identity headers"),
        IdentityMode.Oidc => T("OIDC (masuk tunggal)", "OIDC (single sign-on)"),
        _ => T("Tidak ada (aplikasi publik)", "None (public app)"),
    };

    /// <summary>Rupiah as the portal writes it: "Rp 85.000.000".</summary>
    public static string Rupiah(long amount) => "Rp " + amount.ToString("N0", CultureInfo.GetCultureInfo("id-ID"));

    public static string Number(long value) => value.ToString("N0", IsEnglish ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo("id-ID"));

    public static string Latency(double? milliseconds) => milliseconds switch
    {
        null => "—",
        double.PositiveInfinity => "> 5 s",
        _ => FormattableString.Invariant($"≤ {milliseconds:0} ms"),
    };

    public static string Access(AppAccess access, IReadOnlyDictionary<Guid, string> agencyNames)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.IsPublic)
        {
            return T("Publik (tanpa masuk)", "Public (no sign-in)");
        }

        var parts = new List<string>();
        parts.Add(access.Roles.Count == 0 ? T("Semua pegawai", "Every employee") : T("Peran: ", "Roles: ") + string.Join(", ", access.Roles));
        if (access.AgencyIds.Count > 0)
        {
            parts.Add(T("OPD: ", "OPDs: ") + string.Join(", ", access.AgencyIds.Select(id => agencyNames.GetValueOrDefault(id, "?"))));
        }

        return string.Join(" · ", parts);
    }
}
