using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Reporting;
using static Superapps.Tickets.IntegrationTests.ReporterSide;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>"Tiket Saya": the reporter's own tickets only, newest first, paged on the server; and the open count of the home widget.</summary>
public sealed class MyTicketsTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reporter_pages_through_their_own_tickets_newest_first()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var side = await ReporterSide.CreateAsync(harness);
        var reporting = harness.Get<TicketReporting>();
        var numbers = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            numbers.Add((await reporting.ReportAsync(new ReportTicket(side.Buluran.Id, TicketCategory.Slow, $"Lambat {i}"), Rina, Ct)).Number);
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var sari = await reporting.ReportAsync(new ReportTicket(side.Simpang.Id, TicketCategory.WiFi, "Wi-Fi mati"), Sari, Ct);
        var latest = (await harness.Get<TicketReporting>().ReportAsync(new ReportTicket(side.Buluran.Id, TicketCategory.Lan, "LAN"), Rina, Ct)).Number;
        numbers.Add(latest);
        var lead = Lead.AsHelpdesk()!;
        var desk = harness.Get<TicketDesk>();
        var oldest = (await harness.Get<ReporterTickets>().PageAsync(Rina, 1, 10, cancellationToken: Ct)).Rows[^1];
        await desk.AssignAsync(oldest.Id, lead, Technician.UserId, Technician.Name, null, Ct);
        await desk.StartAsync(oldest.Id, lead, Ct);
        await desk.ResolveAsync(oldest.Id, lead, "Router direstart", Ct);

        var tickets = harness.Get<ReporterTickets>();
        var page1 = await tickets.PageAsync(Rina, 0, 10, cancellationToken: Ct);
        var page2 = await tickets.PageAsync(Rina, 1, 10, cancellationToken: Ct);
        page1.Total.ShouldBe(13);
        page1.Rows.Concat(page2.Rows).Select(r => r.Number).ShouldBe(Enumerable.Reverse(numbers));
        page1.Rows.ShouldNotContain(r => r.Number == sari.Number);
        page2.Rows[^1].Status.ShouldBe(TicketStatus.Resolved);
        (await tickets.PageAsync(Rina, 0, 10, openOnly: true, Ct)).Total.ShouldBe(12);
        (await tickets.OpenCountAsync(Rina, Ct)).ShouldBe(12);
        (await tickets.OpenCountAsync(Dedi, Ct)).ShouldBe(0);
    }
}
