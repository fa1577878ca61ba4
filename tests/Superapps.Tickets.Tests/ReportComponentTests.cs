using Bunit;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Features.Reports;
using Superapps.Tickets.Pages.Reports.Components;

namespace Superapps.Tickets.Tests;

/// <summary>The report page's parts over a fixed report: the figures, the charts and the time to resolve of each ticket.</summary>
public sealed class ReportComponentTests : SuperappsComponentTest
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static readonly TicketReport Report = new(
        new TicketReportFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)),
        new TicketReportSummary(4, 2, new TimeSpan(5, 45, 0), new TimeSpan(13, 30, 0), 66.7, 50),
        [.. Enum.GetValues<TicketCategory>().Select(c => new CategoryFigures(c, c == TicketCategory.InternetDown ? 3 : 0, c == TicketCategory.InternetDown ? 2 : 0, null))],
        [new RankedFigures(Guid.NewGuid(), "Kecamatan Telanaipura", null, 4, 2, new TimeSpan(5, 45, 0))],
        [new RankedFigures(Guid.NewGuid(), "Kantor Kelurahan Beringin", "Kelurahan Beringin", 4, 2, new TimeSpan(5, 45, 0))],
        [.. Enumerable.Range(0, 12).Select(i => new MonthFigures(i == 0 ? 2025 : 2026, i == 0 ? 12 : i, i == 11 ? 4 : 0, i == 11 ? 2 : 0, i == 11 ? 50 : null))],
        [new ResolvedTicket(Guid.NewGuid(), "TIK-2026-000002", "Kantor Kelurahan Beringin", "Kelurahan Beringin", TicketCategory.FibreCut, TicketPriority.P2,
            Reported, Reported.AddHours(25), TimeSpan.FromHours(9.5), false)]);

    [Fact]
    public void The_summary_cards_show_the_counts_the_mttr_and_the_sla_percentages()
    {
        var cut = Render<ReportSummaryCards>(p => p.Add(c => c.Summary, Report.Summary));

        cut.Find("[data-testid=report-reported]").TextContent.ShouldContain("4");
        cut.Find("[data-testid=report-mttr]").TextContent.ShouldContain("5 j 45 m");
        cut.Find("[data-testid=report-mttr-wall]").TextContent.ShouldContain("13 j 30 m");
        cut.Find("[data-testid=report-response-sla]").TextContent.ShouldContain("66,7 %");
        cut.Find("[data-testid=report-resolution-sla]").TextContent.ShouldContain("50 %");
    }

    [Fact]
    public void In_english_the_cards_read_in_english()
    {
        UseEnglish();

        var cut = Render<ReportSummaryCards>(p => p.Add(c => c.Summary, Report.Summary));

        cut.Find("[data-testid=report-mttr]").TextContent.ShouldContain("MTTR (business hours)");
        cut.Find("[data-testid=report-mttr]").TextContent.ShouldContain("5 h 45 m");
        cut.Find("[data-testid=report-response-sla]").TextContent.ShouldContain("66.7 %");
    }

    [Fact]
    public void The_charts_draw_categories_the_sla_donut_and_twelve_months()
    {
        var cut = Render<ReportCharts>(p => p.Add(c => c.Report, Report));

        cut.Find("[data-testid=chart-category] svg").ShouldNotBeNull();
        cut.Find("[data-testid=chart-sla] svg").ShouldNotBeNull();
        var trend = cut.Find("[data-testid=chart-trend]");
        trend.QuerySelector("svg").ShouldNotBeNull();
        trend.TextContent.ShouldContain("Nov 26");
        cut.Find("[data-testid=chart-category]").TextContent.ShouldContain("Internet tidak terkoneksi");
    }

    [Fact]
    public void The_tables_show_each_resolved_ticket_with_its_time_to_resolve_and_the_rankings()
    {
        var cut = Render<ReportTables>(p => p.Add(c => c.Report, Report));

        var row = cut.Find("[data-testid=report-recent] tbody tr");
        row.TextContent.ShouldContain("TIK-2026-000002");
        cut.Find("[data-testid=recent-business-time]").TextContent.ShouldBe("9 j 30 m");
        row.TextContent.ShouldContain("25 j 0 m");
        row.TextContent.ShouldContain("Terlambat");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe("/tiket/TIK-2026-000002");
        cut.Find("[data-testid=report-sites]").TextContent.ShouldContain("Kantor Kelurahan Beringin");
        cut.Find("[data-testid=report-agencies]").TextContent.ShouldContain("Kecamatan Telanaipura");
    }
}
