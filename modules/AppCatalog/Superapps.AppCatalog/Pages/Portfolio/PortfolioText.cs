using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Features.Portfolio;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.AppCatalog.Pages.Portfolio;

/// <summary>The portfolio's headline: "72 aplikasi: 20 dipensiunkan, 35 diproksi, 5 diadaptasi, 10 belum diintegrasikan, ...".</summary>
public static class PortfolioText
{
    public static string Headline(PortfolioSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        int Of(AppStatus s) => summary.ByStatus.GetValueOrDefault(s);
        return T($"{summary.Total} aplikasi: {Of(AppStatus.Retired)} dipensiunkan, {Of(AppStatus.Proxied)} diproksi, {Of(AppStatus.Adapted)} diadaptasi, "
                + $"{Of(AppStatus.Retiring)} segera dipensiunkan, {Of(AppStatus.ToIntegrate)} belum diintegrasikan, {Of(AppStatus.Active)} berjalan sendiri",
            $"{summary.Total} apps: {Of(AppStatus.Retired)} retired, {Of(AppStatus.Proxied)} proxied, {Of(AppStatus.Adapted)} adapted, "
                + $"{Of(AppStatus.Retiring)} retiring, {Of(AppStatus.ToIntegrate)} to integrate, {Of(AppStatus.Active)} running on their own");
    }
}
