using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.Datasets.Data;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Compliance;

/// <summary>
/// The dashboard's exports for the leaders' meeting (<see cref="DatasetsPortalModule.CompliancePolicy"/>): XLSX and PDF of a month
/// (<c>?bulan=2026-11</c>; the current month in WIB without it). A month that cannot be read is a 400 with a bilingual message. Audited.
/// </summary>
internal static class ComplianceEndpoints
{
    public const string XlsxPath = "/data/kepatuhan/unduh.xlsx";
    public const string PdfPath = "/data/kepatuhan/unduh.pdf";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(XlsxPath, (HttpContext context, ComplianceQueries queries, IAuditTrail audit, TimeProvider clock, string? bulan) =>
            ExportAsync(context, queries, audit, clock, bulan, "xlsx", async (report, ct) =>
                ComplianceWorkbook.Build(report, await queries.FreshnessAsync(ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .RequireAuthorization(DatasetsPortalModule.CompliancePolicy);
        endpoints.MapGet(PdfPath, (HttpContext context, ComplianceQueries queries, IAuditTrail audit, TimeProvider clock, string? bulan) =>
            ExportAsync(context, queries, audit, clock, bulan, "pdf", (report, _) => Task.FromResult(CompliancePdf.Render(report)), "application/pdf"))
            .RequireAuthorization(DatasetsPortalModule.CompliancePolicy);
    }

    public static string XlsxLink(ComplianceMonth month) => $"{XlsxPath}?bulan={month.Key}";

    public static string PdfLink(ComplianceMonth month) => $"{PdfPath}?bulan={month.Key}";

    private static async Task<IResult> ExportAsync(HttpContext context, ComplianceQueries queries, IAuditTrail audit, TimeProvider clock, string? bulan, string kind,
        Func<ComplianceReport, CancellationToken, Task<byte[]>> render, string contentType)
    {
        var month = ComplianceMonth.Current(clock);
        if (!string.IsNullOrWhiteSpace(bulan) && !ComplianceMonth.TryParse(bulan, out month))
        {
            var error = ComplianceErrors.Month;
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: error.Indonesian, detail: error.English);
        }

        var report = await queries.ReportAsync(month, context.RequestAborted);
        var bytes = await render(report, context.RequestAborted);
        await audit.RecordAsync(new AuditEvent(DatasetsDbContext.Schema, "compliance.exported", "ComplianceReport", month.Key,
            $"Laporan kepatuhan pemutakhiran data {month.Key} diunduh ({kind.ToUpperInvariant()})", new { Month = month.Key, Format = kind }), context.RequestAborted);
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(bytes, contentType, $"kepatuhan-data-{month.Key}.{kind}");
    }
}
