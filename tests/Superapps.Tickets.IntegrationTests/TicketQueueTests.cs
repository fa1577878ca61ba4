using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sla;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Queue;
using static Superapps.Tickets.IntegrationTests.HelpdeskData;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>The helpdesk queue on real PostgreSQL: its filters, orders, paging, tab counts, SLA per row, and who may read it.</summary>
public sealed class TicketQueueTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string[]> NumbersAsync(TicketQueue queue, QueueSearch search, TicketPrincipal? viewer = null) =>
        [.. (await queue.SearchAsync(viewer ?? Budi, search, Ct)).Items.Select(r => r.Number)];

    private static string N(int sequence) => $"TIK-2026-{sequence:000000}";

    [Fact]
    public async Task The_queue_filters_sorts_pages_and_counts_its_tabs_on_the_server()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var (telanai, _, _) = await QueueAsync(harness);
        var queue = harness.Get<TicketQueue>();

        // The open tab, in the default order: highest priority first, the oldest first within one.
        (await NumbersAsync(queue, new QueueSearch())).ShouldBe([N(1), N(2), N(3)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All))).ShouldBe([N(1), N(4), N(2), N(6), N(3), N(5)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Sort: QueueSort.Newest))).ShouldBe([N(6), N(5), N(4), N(3), N(2), N(1)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Sort: QueueSort.Oldest))).ShouldBe([N(1), N(2), N(3), N(4), N(5), N(6)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Sort: QueueSort.Updated)))[..2].ShouldBe([N(5), N(6)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.Waiting))).ShouldBe([N(4)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.Resolved))).ShouldBe([N(6)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.Closed))).ShouldBe([N(5)]);

        // Whose: mine (for the technician), nobody's, one technician's, a team's.
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Assignee: QueueAssignee.Mine), Andi)).ShouldBe([N(1), N(6), N(5)]);
        (await NumbersAsync(queue, new QueueSearch(Assignee: QueueAssignee.Mine), Andi)).ShouldBe([N(1)]);
        (await NumbersAsync(queue, new QueueSearch(Assignee: QueueAssignee.Unassigned))).ShouldBe([N(2), N(3)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Assignee: QueueAssignee.Technician, TechnicianUserId: Dewi.UserId))).ShouldBe([N(4)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Team: "Tim Jaringan"))).ShouldBe([N(4)]);

        // Priority and status, category, OPD, site, dates.
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Status: TicketStatus.InProgress, Priority: TicketPriority.P2))).ShouldBe([N(1)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Status: TicketStatus.New, Priority: TicketPriority.P2))).ShouldBeEmpty();
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Category: TicketCategory.Slow))).ShouldBe([N(2)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, AgencyId: KelurahanBeringin))).ShouldBe([N(4), N(5)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, SiteId: telanai.Id))).ShouldBe([N(1), N(2), N(6), N(3)]);
        var today = new DateOnly(2026, 11, 23);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, From: today, To: today))).Length.ShouldBe(6);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, From: today.AddDays(1)))).ShouldBeEmpty();
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, To: today.AddDays(-1)))).ShouldBeEmpty();

        // Text: the number, words of the description (any case), the site's name; LIKE characters are only characters.
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Text: N(2)))).ShouldBe([N(2)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Text: "FIBER putus"))).ShouldBe([N(4)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Text: "beringin"))).ShouldBe([N(4), N(5)]);
        (await NumbersAsync(queue, new QueueSearch(QueueGroup.All, Text: "100%"))).ShouldBeEmpty();

        // Paging with the total.
        var second = await queue.SearchAsync(Budi, new QueueSearch(QueueGroup.All, Page: 1, PageSize: 2), Ct);
        second.Items.Select(r => r.Number).ShouldBe([N(2), N(6)]);
        second.Total.ShouldBe(6);
        second.TotalIsAtLeast.ShouldBeFalse();

        // The tabs count under the same filters.
        (await queue.CountsAsync(Budi, new QueueSearch(), Ct)).ShouldBe(new QueueCounts(3, 1, 1, 1));
        (await queue.CountsAsync(Budi, new QueueSearch(AgencyId: KelurahanBeringin), Ct)).ShouldBe(new QueueCounts(0, 1, 0, 1));
        (await queue.CountsAsync(Andi, new QueueSearch(Assignee: QueueAssignee.Mine), Ct)).ShouldBe(new QueueCounts(1, 0, 1, 1));
    }

    [Fact]
    public async Task Each_row_carries_its_sla_from_its_own_history()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        await QueueAsync(harness);
        var rows = (await harness.Get<TicketQueue>().SearchAsync(Budi, new QueueSearch(QueueGroup.All, Sort: QueueSort.Oldest), Ct)).Items;

        var fresh = rows.Single(r => r.Number == N(2));
        fresh.Status.ShouldBe(TicketStatus.New);
        fresh.Sla.Response.State.ShouldBe(SlaState.Running);
        // Reported at 09.01 WIB on a Monday, read at 09.11: ten business minutes of the P3 response target are used.
        fresh.Sla.Response.Elapsed.ShouldBe(TimeSpan.FromMinutes(10));
        fresh.Sla.Response.Target.ShouldBe(TimeSpan.FromHours(4));
        rows.Single(r => r.Number == N(6)).Sla.Resolution.State.ShouldBe(SlaState.Met);
        rows.Single(r => r.Number == N(1)).Sla.Response.State.ShouldBe(SlaState.Met);
        rows.Single(r => r.Number == N(4)).AssigneeName.ShouldBe(Dewi.Name);
        rows.Single(r => r.Number == N(4)).Team.ShouldBe("Tim Jaringan");
        rows.Single(r => r.Number == N(4)).Excerpt.ShouldBe("Kabel fiber putus tertimpa pohon.");
    }

    [Fact]
    public async Task Only_the_helpdesk_reads_the_queue()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var queue = harness.Get<TicketQueue>();

        (await Should.ThrowAsync<DomainRuleException>(() => queue.SearchAsync(Rina, new QueueSearch(), Ct))).Error.ShouldBe(TicketErrors.QueueNotAllowed);
        (await Should.ThrowAsync<DomainRuleException>(() => queue.CountsAsync(Sari, new QueueSearch(), Ct))).Error.ShouldBe(TicketErrors.QueueNotAllowed);
        (await queue.SearchAsync(Andi, new QueueSearch(), Ct)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_counts_and_the_page_may_load_at_the_same_time()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        await QueueAsync(harness);
        var queue = harness.Get<TicketQueue>();

        // One queue service, as one page's circuit has it: each call reads through its own context.
        var counts = queue.CountsAsync(Budi, new QueueSearch(), Ct);
        var page = queue.SearchAsync(Budi, new QueueSearch(QueueGroup.All), Ct);
        var both = await Task.WhenAll(counts.ContinueWith(t => t.Result.Open, Ct), page.ContinueWith(t => t.Result.Total, Ct));

        both.ShouldBe([3, 6]);
    }
}
