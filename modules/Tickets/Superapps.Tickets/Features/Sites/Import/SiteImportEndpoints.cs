using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Superapps.Tickets.Features.Sites.Import;

/// <summary>HTTP access to the sites import: the CSV template (UTF-8 with a byte order mark, so Excel reads it right).</summary>
internal static class SiteImportEndpoints
{
    public const string TemplatePath = "/tiket/lokasi/templat.csv";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(TemplatePath, () => Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(SiteImport.Template)],
                "text/csv; charset=utf-8", "templat-lokasi-jaringan.csv"))
            .RequireAuthorization(TicketsPortalModule.SitesPolicy);
}
