using Superapps.SharedKernel;
using Superapps.Tabular;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Features.Reports;
using Superapps.Tickets.Features.Sites;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The reports over a small known set, made through the module's own services with the clock moved by the test (from Monday 23
/// November 2026, 09.00 WIB): T1 internet down at site A, answered in 30 min and resolved in 2 h; T2 fibre cut at site A, resolved
/// on Tuesday 10.00 after 9 h 30 min of business time (breached, 25 h wall-clock); T3 Wi-Fi at site B (Diskominfo), answered
/// after 9 h 30 min (a P4 response breached); T4 LAN at site B, reported Tuesday, untouched.
/// </summary>
public sealed class ReportTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TicketReportFilter November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
    private TicketsHarness _harness = null!;
    private Site _a = null!;
    private Site _b = null!;
    private readonly Dictionary<string, ReportedTicket> _tickets = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _harness = await TicketsHarness.CreateAsync(server);
        _a = await _harness.SiteAsync("KEL-TELANAI");
        var register = _harness.Get<SiteRegister>();
        _b = await register.AddSiteAsync(new SiteDetails("DISKOMINFO", "Kantor Diskominfo", SiteKind.OpdOffice, TicketsHarness.Diskominfo, "Dinas Komunikasi dan Informatika",
            "Jl. Jenderal Basuki Rahmat", -1.61, 103.61), _a.NetworkNodeId, Ct);

        var reporting = _harness.Get<TicketReporting>();
        var desk = _harness.Get<TicketDesk>();
        _tickets["T1"] = await reporting.ReportAsync(new(_a.Id, TicketCategory.InternetDown, "Internet mati."), TicketsHarness.Reporter, Ct);
        _tickets["T2"] = await reporting.ReportAsync(new(_a.Id, TicketCategory.FibreCut, "Kabel FO putus."), TicketsHarness.Reporter, Ct);
        _tickets["T3"] = await reporting.ReportAsync(new(_b.Id, TicketCategory.WiFi, "Wi-Fi lantai 2 mati."), TicketsHarness.Reporter, Ct);
        _harness.Clock.Advance(TimeSpan.FromMinutes(30));
        foreach (var key in new[] { "T1", "T2" })
        {
            await desk.AssignAsync(_tickets[key].Id, TicketsHarness.Helpdesk, TicketsHarness.Technician.UserId, TicketsHarness.Technician.Name, null, Ct);
            await desk.StartAsync(_tickets[key].Id, TicketsHarness.Technician, Ct);
        }

        _harness.Clock.Advance(TimeSpan.FromMinutes(90));
        await desk.ResolveAsync(_tickets["T1"].Id, TicketsHarness.Technician, "Modem diganti.", Ct);
        _harness.Clock.Advance(TimeSpan.FromHours(23)); // Tuesday 10.00 WIB
        await desk.ResolveAsync(_tickets["T2"].Id, TicketsHarness.Technician, "Kabel disambung.", Ct);
        await desk.AssignAsync(_tickets["T3"].Id, TicketsHarness.Helpdesk, null, null, "Tim Jaringan", Ct);
        await desk.ConfirmAsync(_tickets["T1"].Id, TicketsHarness.Reporter, Ct);
        _tickets["T4"] = await reporting.ReportAsync(new(_b.Id, TicketCategory.Lan, "Kabel LAN rusak."), TicketsHarness.Reporter, Ct);
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private Task<TicketReport> ReportAsync(TicketReportFilter filter) => _harness.Get<TicketReports>().BuildAsync(filter, Ct);

    [Fact]
    public async Task The_summary_counts_mttr_in_business_and_wall_clock_time_and_the_sla_percentages()
    {
        var report = await ReportAsync(November);

        report.Summary.ShouldBe(new TicketReportSummary(4, 2, new TimeSpan(5, 45, 0), new TimeSpan(13, 30, 0), 66.7, 50));
    }

    [Fact]
    public async Task Categories_opds_and_sites_are_counted_with_their_resolutions()
    {
        var report = await ReportAsync(November);

        report.ByCategory.Count.ShouldBe(Enum.GetValues<TicketCategory>().Length);
        report.ByCategory.Single(c => c.Category == TicketCategory.InternetDown).ShouldBe(new CategoryFigures(TicketCategory.InternetDown, 1, 1, 100));
        report.ByCategory.Single(c => c.Category == TicketCategory.FibreCut).ShouldBe(new CategoryFigures(TicketCategory.FibreCut, 1, 1, 0));
        report.ByCategory.Single(c => c.Category == TicketCategory.WiFi).ShouldBe(new CategoryFigures(TicketCategory.WiFi, 1, 0, null));
        report.ByCategory.Single(c => c.Category == TicketCategory.Other).ShouldBe(new CategoryFigures(TicketCategory.Other, 0, 0, null));
        report.ByAgency.Select(a => (a.Id, a.Name, a.Reported, a.Resolved, a.MeanBusinessTimeToResolve)).ShouldBe(
            [(TicketsHarness.KecamatanTelanai, "Kecamatan Telanaipura", 2, 2, new TimeSpan(5, 45, 0)), (TicketsHarness.Diskominfo, "Dinas Komunikasi dan Informatika", 2, 0, null)],
            ignoreOrder: true);
        report.BySite.Single(s => s.Id == _a.Id).ShouldBe(new RankedFigures(_a.Id, "Kantor Kelurahan Telanai Pura", "Kecamatan Telanaipura", 2, 2, new TimeSpan(5, 45, 0)));
        report.BySite.Single(s => s.Id == _b.Id).Reported.ShouldBe(2);
    }

    [Fact]
    public async Task The_trend_has_twelve_months_ending_with_the_period_and_the_recent_list_shows_the_time_to_resolve()
    {
        var report = await ReportAsync(November);

        report.Trend.Count.ShouldBe(12);
        report.Trend[0].ShouldBe(new MonthFigures(2025, 12, 0, 0, null));
        report.Trend[^1].ShouldBe(new MonthFigures(2026, 11, 4, 2, 50));
        report.RecentlyResolved.Select(t => (t.Number, t.BusinessTimeToResolve, t.WallTimeToResolve, t.ResolutionMet)).ShouldBe(
        [
            (_tickets["T2"].Number, TimeSpan.FromHours(9.5), TimeSpan.FromHours(25), false),
            (_tickets["T1"].Number, TimeSpan.FromHours(2), TimeSpan.FromHours(2), true),
        ]);
    }

    [Fact]
    public async Task Filters_by_opd_and_category_and_an_empty_period_give_their_own_figures()
    {
        var telanai = await ReportAsync(November with { AgencyId = TicketsHarness.KecamatanTelanai });
        var fibre = await ReportAsync(November with { Category = TicketCategory.FibreCut });
        var december = await ReportAsync(new TicketReportFilter(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));

        telanai.Summary.Reported.ShouldBe(2);
        telanai.Summary.ResponseMetPercent.ShouldBe(100);
        fibre.Summary.ShouldBe(new TicketReportSummary(1, 1, TimeSpan.FromHours(9.5), TimeSpan.FromHours(25), 100, 0));
        fibre.ByCategory.ShouldHaveSingleItem().Category.ShouldBe(TicketCategory.FibreCut);
        december.Summary.ShouldBe(new TicketReportSummary(0, 0, null, null, null, null));
        december.Trend[^2].Reported.ShouldBe(4, "November is in December's twelve months");
    }

    [Fact]
    public async Task A_reversed_period_is_refused_with_a_bilingual_error()
    {
        var error = await Should.ThrowAsync<DomainRuleException>(() => ReportAsync(new TicketReportFilter(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 1), Top: 0)));

        error.Errors.Select(e => e.Code).ShouldBe(["tickets.report.period", "tickets.report.top"]);
        error.Error.Indonesian.ShouldContain("tanggal awal");
        error.Error.English.ShouldContain("before its start");
    }

    [Fact]
    public async Task The_export_opens_with_the_tabular_reader_and_has_every_sheet()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        var file = TicketReportWorkbook.Build(await ReportAsync(November), Wib.TimeZone);

        TabularReader.SheetNames(new MemoryStream(file)).ShouldBe(TicketReportWorkbook.SheetNames);
        var summary = await ReadAsync(file, "Ringkasan");
        summary.Single(r => r[0].Text == "Tiket dilaporkan")[1].Text.ShouldBe("4");
        summary.Single(r => r[0].Text == "MTTR, jam kerja")[1].Text.ShouldBe("5.75");
        var resolved = await ReadAsync(file, "Tiket Selesai");
        resolved.Count.ShouldBe(3);
        resolved[1][0].Text.ShouldBe(_tickets["T2"].Number);
        resolved[1][7].Text.ShouldBe("9.5");
        (await ReadAsync(file, "Tren Bulanan")).Count.ShouldBe(13);
    }

    private static async Task<List<TabularRow>> ReadAsync(byte[] file, string sheet)
    {
        var rows = new List<TabularRow>();
        await foreach (var row in TabularReader.ReadSheetAsync(new MemoryStream(file), sheet, Ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
