using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Features.Reporting;
using static Superapps.Tickets.IntegrationTests.TicketsHarness;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>Ticket numbers under concurrency, on real PostgreSQL (the yearly counter row is locked by the saving transaction).</summary>
public sealed class NumberingConcurrencyTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_reports_at_once_get_the_numbers_1_to_20_once_each()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var site = await harness.SiteAsync();
        using var start = new ManualResetEventSlim(false);

        var reports = Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = harness.NewScope();
            var reporting = scope.ServiceProvider.GetRequiredService<TicketReporting>();
            start.Wait(Ct);
            return await reporting.ReportAsync(new ReportTicket(site.Id, TicketCategory.InternetDown, $"Laporan {i}"), Reporter, Ct);
        })).ToList();
        start.Set();
        var numbers = (await Task.WhenAll(reports)).Select(r => r.Number).ToList();

        numbers.Order().ShouldBe(Enumerable.Range(1, 20).Select(n => $"TIK-2026-{n:000000}"));
        var db = harness.Get<TicketsDbContext>();
        (await db.Tickets.Select(t => t.Sequence).OrderBy(s => s).ToListAsync(Ct)).ShouldBe(Enumerable.Range(1, 20));
        (await db.NumberCounters.SingleAsync(Ct)).LastSequence.ShouldBe(20);
    }

    [Fact]
    public async Task The_sequence_starts_again_each_year_in_the_citys_time_zone()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var site = await harness.SiteAsync();
        var reporting = harness.Get<TicketReporting>();

        // 31 December 2026 23.30 WIB is still 2026; ten minutes past midnight WIB (17.10 UTC) is 2027.
        harness.Clock.Advance(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero) - harness.Clock.GetUtcNow());
        var last = await reporting.ReportAsync(new ReportTicket(site.Id, TicketCategory.Slow, "Lambat"), Reporter, Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(40));
        var first = await reporting.ReportAsync(new ReportTicket(site.Id, TicketCategory.Slow, "Lambat lagi"), Reporter, Ct);

        last.Number.ShouldBe("TIK-2026-000001");
        first.Number.ShouldBe("TIK-2027-000001");
    }
}
