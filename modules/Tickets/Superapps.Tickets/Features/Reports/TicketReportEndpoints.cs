using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;

namespace Superapps.Tickets.Features.Reports;

/// <summary>The report as an XLSX download (<see cref="TicketsPortalModule.ReportsPolicy"/>), with the page's filters. Audited.</summary>
internal static class TicketReportEndpoints
{
    public const string XlsxPath = "/tiket/laporan/xlsx";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(XlsxPath, async (HttpContext context, TicketReports reports, IAuditTrail audit, IOptions<TicketsOptions> options, TimeProvider clock,
            string? from, string? to, string? agency, string? category, string? top) =>
        {
            if (Parse(from, to, agency, category, top, Wib.Today(clock)) is not { } filter)
            {
                return Problem([TicketReportErrors.Query]);
            }

            TicketReport report;
            try
            {
                report = await reports.BuildAsync(filter, context.RequestAborted);
            }
            catch (DomainRuleException ex)
            {
                return Problem(ex.Errors);
            }

            await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "report.exported", "TicketReport", $"{filter.From:yyyy-MM-dd}..{filter.To:yyyy-MM-dd}",
                $"Laporan tiket {filter.From:yyyy-MM-dd} s.d. {filter.To:yyyy-MM-dd} diekspor ke XLSX", new { filter.From, filter.To, filter.AgencyId, filter.Category }),
                context.RequestAborted);
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(TicketReportWorkbook.Build(report, options.Value.FindTimeZone()),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"laporan-tiket-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.xlsx");
        }).RequireAuthorization(TicketsPortalModule.ReportsPolicy);

    /// <summary>The link the page offers for its filter.</summary>
    public static string Link(TicketReportFilter filter) =>
        $"{XlsxPath}?from={filter.From:yyyy-MM-dd}&to={filter.To:yyyy-MM-dd}"
        + (filter.AgencyId is { } a ? $"&agency={a}" : string.Empty)
        + (filter.Category is { } c ? $"&category={c}" : string.Empty);

    /// <summary>The filter from the query string; missing dates default to the year so far; null when a value cannot be read.</summary>
    internal static TicketReportFilter? Parse(string? from, string? to, string? agency, string? category, string? top, DateOnly today)
    {
        var defaults = TicketReportFilter.YearToDate(today);
        if (!TryDay(from, defaults.From, out var fromDay) || !TryDay(to, defaults.To, out var toDay))
        {
            return null;
        }

        Guid? agencyId = null;
        if (!string.IsNullOrWhiteSpace(agency))
        {
            if (!Guid.TryParse(agency, out var id))
            {
                return null;
            }

            agencyId = id;
        }

        TicketCategory? categoryValue = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (!Enum.TryParse<TicketCategory>(category, ignoreCase: true, out var value) || !Enum.IsDefined(value) || int.TryParse(category, out _))
            {
                return null;
            }

            categoryValue = value;
        }

        var topValue = defaults.Top;
        if (!string.IsNullOrWhiteSpace(top) && !int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out topValue))
        {
            return null;
        }

        return new TicketReportFilter(fromDay, toDay, agencyId, categoryValue, topValue);
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static IResult Problem(IReadOnlyList<UserError> errors) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: string.Join(" ", errors.Select(e => e.Indonesian)), detail: string.Join(" ", errors.Select(e => e.English)));
}
