using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Incidents;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Features.Reports;
using static Superapps.Tickets.IntegrationTests.ReporterSide;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The reports read whole months from the monthly roll-up (docs/adr/0013-ticket-report-rollups.md); the old aggregation of the
/// raw tickets (<see cref="RawTicketReports"/>) is the oracle. Tickets are made and moved through the real desk, reporting and
/// incidents across November 2026 to January 2027 (a WIB month boundary that is not a UTC one, a year boundary), four sites of
/// two OPDs and six categories: resolved, confirmed, reopened and resolved again in another month, auto-closed, waits, triage,
/// an incident resolving its children; after each step the report equals the oracle, field by field, for periods of whole months and
/// of parts of months read from the tickets or as a month minus the rest, one OPD, one category and a short ranking.
/// </summary>
public sealed class ReportRollupTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private TicketsHarness _harness = null!;
    private ReporterSide _side = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TicketReportFilter[] Filters =>
    [
        new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)),
        new(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)),
        new(new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 10)),
        new(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)),
        new(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3)),
        new(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 28)),
        new(new DateOnly(2026, 11, 20), new DateOnly(2027, 1, 20)),
        new(new DateOnly(2026, 11, 24), new DateOnly(2027, 1, 5)),
        new(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 31)),
        new(new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), AgencyId: TicketsHarness.KecamatanTelanai),
        new(new DateOnly(2026, 11, 2), new DateOnly(2027, 1, 20), Category: TicketCategory.InternetDown),
        new(new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), Top: 1),
    ];

    public async ValueTask InitializeAsync()
    {
        _harness = await TicketsHarness.CreateAsync(server);
        _side = await ReporterSide.CreateAsync(_harness);
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_report_from_the_roll_up_equals_the_report_from_the_tickets_after_every_kind_of_move()
    {
        var reporting = _harness.Get<TicketReporting>();
        var desk = _harness.Get<TicketDesk>();
        var incidents = _harness.Get<TicketIncidents>();
        var lead = Lead.AsHelpdesk()!;
        var technician = Technician.AsHelpdesk()!;
        Task<ReportedTicket> Report(Domain.Sites.Site site, TicketCategory category, Features.Access.TicketPrincipal who) =>
            reporting.ReportAsync(new ReportTicket(site.Id, category, "Gangguan jaringan di kantor."), who, Ct);
        async Task Work(ReportedTicket ticket)
        {
            await desk.AssignAsync(ticket.Id, lead, Technician.UserId, Technician.Name, null, Ct);
            await desk.StartAsync(ticket.Id, technician, Ct);
        }

        // Monday 23 November 2026, 09.00 WIB.
        var a1 = await Report(_side.Buluran, TicketCategory.InternetDown, Rina);
        var a2 = await Report(_side.Simpang, TicketCategory.Slow, Sari);
        var a3 = await Report(_side.KotaBaruOffice, TicketCategory.FibreCut, Dedi);
        var a4 = await Report(_side.KantorCamat, TicketCategory.WiFi, Rina);
        var a5 = await Report(_side.Buluran, TicketCategory.Lan, Sari);
        await CheckAsync("reported");
        At(2026, 11, 23, 9, 30);
        foreach (var ticket in new[] { a1, a2, a3 })
        {
            await Work(ticket);
        }

        At(2026, 11, 23, 11, 0);
        await desk.ResolveAsync(a1.Id, technician, "Modem diganti.", Ct);
        At(2026, 11, 24, 10, 0);
        await desk.ResolveAsync(a2.Id, technician, "Bandwidth dinaikkan.", Ct);
        await desk.ConfirmAsync(a1.Id, Rina.AsReporter(), Ct);
        await CheckAsync("resolved and confirmed");

        At(2026, 11, 25, 10, 0);
        var incident = await incidents.CreateAsync(new CreateIncident(_side.Telanai.Id, null, [a4.Id, a5.Id]), lead, Ct);

        // 23.30 WIB on the last day of November, then 00.30 WIB on 1 December: still 30 November in UTC.
        At(2026, 11, 30, 23, 30);
        var b1 = await Report(_side.KotaBaruOffice, TicketCategory.Other, Dedi);
        await desk.ResolveAsync(a3.Id, technician, "Kabel disambung.", Ct);
        At(2026, 12, 1, 0, 30);
        var b2 = await Report(_side.Simpang, TicketCategory.InternetDown, Sari);
        await desk.ReopenAsync(a2.Id, Sari.AsReporter(), "Masih lambat.", Ct);
        await CheckAsync("reopened across the month boundary");

        At(2026, 12, 1, 9, 0);
        await incidents.ResolveAsync(incident.Id, technician, "Perangkat distribusi diganti.", Ct);
        await Work(b1);
        await desk.TakeAsync(b2.Id, technician, Ct);
        await desk.StartAsync(b2.Id, technician, Ct);
        At(2026, 12, 2, 10, 0);
        await desk.StartAsync(a2.Id, technician, Ct);
        await desk.ResolveAsync(a2.Id, technician, "Switch diganti.", Ct);
        await desk.WaitForOpdAsync(b2.Id, technician, "Ruang server dikunci.", Ct);
        await CheckAsync("incident resolved, resolved again in another month");

        At(2026, 12, 4, 10, 0);
        await desk.AutoCloseAsync(a3.Id, Ct);
        await desk.ConfirmAsync(a4.Id, Rina.AsReporter(), Ct);
        await desk.ResumeAsync(b2.Id, Sari.AsReporter(), "Sudah dibuka.", Ct);
        await desk.ResolveAsync(b2.Id, technician, "Router dinyalakan ulang.", Ct);
        await desk.ResolveAsync(b1.Id, technician, "Selesai.", Ct);

        At(2026, 12, 30, 14, 0);
        var c1 = await Report(_side.Buluran, TicketCategory.InternetDown, Rina);
        var c2 = await Report(_side.KotaBaruOffice, TicketCategory.ServerOrDataCentre, Dedi);
        var c3 = await Report(_side.KantorCamat, TicketCategory.InternetDown, Sari);
        await desk.TriageAsync(c3.Id, lead, TicketImpact.ManySites, TicketUrgency.High, Ct);
        await Work(c1);
        await Work(c2);
        await desk.WaitForVendorAsync(c2.Id, technician, "Menunggu ISP.", Ct);
        await CheckAsync("triaged, waiting for the vendor");

        At(2027, 1, 5, 8, 0);
        await desk.ResolveAsync(c1.Id, technician, "ONT diganti.", Ct);
        await desk.ResumeAsync(c2.Id, technician, null, Ct);
        await desk.ResolveAsync(c2.Id, technician, "ISP memperbaiki.", Ct);
        At(2027, 1, 8, 8, 0);
        await desk.ReopenAsync(c1.Id, Rina.AsReporter(), "Putus lagi.", Ct);
        await CheckAsync("resolved in the new year, one reopened and left open");

        var expected = await RawAsync(Filters[8]);
        (expected.Summary.Reported, expected.Summary.Resolved).ShouldBe((10, 8), "the oracle sees every ticket made");
        (await _harness.Get<TicketsDbContext>().TicketMonthlyStats.CountAsync(Ct)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Resolutions_saved_at_once_in_the_same_month_and_key_all_reach_the_roll_up()
    {
        var reporting = _harness.Get<TicketReporting>();
        var desk = _harness.Get<TicketDesk>();
        var tickets = new List<ReportedTicket>();
        for (var i = 0; i < 8; i++)
        {
            var ticket = await reporting.ReportAsync(new ReportTicket(_side.Buluran.Id, TicketCategory.InternetDown, "Internet mati."), Rina, Ct);
            await desk.TakeAsync(ticket.Id, Technician.AsHelpdesk()!, Ct);
            await desk.StartAsync(ticket.Id, Technician.AsHelpdesk()!, Ct);
            tickets.Add(ticket);
        }

        At(2026, 11, 23, 15, 0);
        await Task.WhenAll(tickets.Select(async ticket =>
        {
            await using var scope = _harness.NewScope();
            await scope.ServiceProvider.GetRequiredService<TicketDesk>().ResolveAsync(ticket.Id, Technician.AsHelpdesk()!, "Selesai.", Ct);
        }));

        var row = await _harness.Get<TicketsDbContext>().TicketMonthlyStats.AsNoTracking().SingleAsync(Ct);
        (row.Month, row.Reported, row.Resolved).ShouldBe((new DateOnly(2026, 11, 1), 8, 8));
        await CheckAsync("parallel resolutions");
    }

    [Fact]
    public async Task The_job_fills_an_emptied_roll_up_with_the_same_rows_and_rebuilds_the_recent_months()
    {
        var reporting = _harness.Get<TicketReporting>();
        var desk = _harness.Get<TicketDesk>();
        var first = await reporting.ReportAsync(new ReportTicket(_side.Buluran.Id, TicketCategory.InternetDown, "Internet mati."), Rina, Ct);
        await desk.TakeAsync(first.Id, Technician.AsHelpdesk()!, Ct);
        await desk.StartAsync(first.Id, Technician.AsHelpdesk()!, Ct);
        At(2026, 12, 3, 9, 0);
        await desk.ResolveAsync(first.Id, Technician.AsHelpdesk()!, "Selesai.", Ct);
        await reporting.ReportAsync(new ReportTicket(_side.KotaBaruOffice.Id, TicketCategory.Slow, "Lambat."), Dedi, Ct);
        var db = _harness.Get<TicketsDbContext>();
        var saved = await RowsAsync(db);
        saved.Count.ShouldBe(3, "November reported; December resolved; December reported at Kota Baru");

        await db.TicketMonthlyStats.ExecuteDeleteAsync(Ct);
        var november = new TicketReportFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        (await _harness.Get<TicketReports>().BuildAsync(november, Ct)).Summary.Reported.ShouldBe(0, "whole months are read from the roll-up");

        await using (var scope = _harness.NewScope())
        {
            (await scope.ServiceProvider.GetRequiredService<TicketRollupJob>().RunAsync(Ct)).ShouldBe(3);
        }

        (await RowsAsync(db)).ShouldBe(saved);
        await CheckAsync("rebuilt");

        // A change made behind the module's back is repaired by the next pass over the recent months.
        await db.TicketMonthlyStats.Where(s => s.Month == new DateOnly(2026, 12, 1)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Reported, 99), Ct);
        await using (var scope = _harness.NewScope())
        {
            (await scope.ServiceProvider.GetRequiredService<TicketRollupJob>().RunAsync(Ct)).ShouldBe(3, "November and December");
        }

        (await RowsAsync(db)).ShouldBe(saved);
    }

    private static async Task<List<string>> RowsAsync(TicketsDbContext db) =>
        [.. (await db.TicketMonthlyStats.AsNoTracking().ToListAsync(Ct))
            .Select(s => $"{s.Month:yyyy-MM} {s.AgencyId} {s.SiteId} {s.Category} {s.Reported}/{s.ResponseMet}/{s.ResponseCounted} {s.Resolved}/{s.ResolutionMet}/{s.ResolutionCounted} {s.BusinessTimeCount}/{s.BusinessTimeMicroseconds}/{s.WallTimeMicroseconds}")
            .Order()];

    /// <summary>Moves the test clock forward to a WIB time.</summary>
    private void At(int year, int month, int day, int hour, int minute)
    {
        var at = new DateTimeOffset(year, month, day, hour, minute, 0, Wib);
        var by = at - _harness.Clock.GetUtcNow();
        by.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
        _harness.Clock.Advance(by);
    }

    private Task<TicketReport> RawAsync(TicketReportFilter filter) =>
        new RawTicketReports(_harness.Get<NpgsqlDataSource>(), _harness.Get<IOptions<TicketsOptions>>()).BuildAsync(filter, Ct);

    /// <summary>Every filter: the report (from a fresh scope) equals the oracle, field by field.</summary>
    private async Task CheckAsync(string step)
    {
        foreach (var filter in Filters)
        {
            var because = $"{step}: {filter}";
            await using var scope = _harness.NewScope();
            var actual = await scope.ServiceProvider.GetRequiredService<TicketReports>().BuildAsync(filter, Ct);
            var expected = await RawAsync(filter);
            actual.Summary.ShouldBe(expected.Summary, because);
            actual.ByCategory.ShouldBe(expected.ByCategory, because);
            actual.ByAgency.ShouldBe(expected.ByAgency, because);
            actual.BySite.ShouldBe(expected.BySite, because);
            actual.Trend.ShouldBe(expected.Trend, because);
            actual.RecentlyResolved.ShouldBe(expected.RecentlyResolved, because);
        }
    }
}
