using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Pages.Queue;
using static Superapps.Tickets.IntegrationTests.HelpdeskData;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The helpdesk queue page on PostgreSQL (<see cref="HelpdeskData.QueueAsync"/>: three open tickets, one waiting, one resolved, one
/// closed): the tabs with their counts, a tab or a filter reloading the table and the counts, and paging.
/// </summary>
public sealed class QueuePageTests(PostgresServer server) : TicketsPageTest(server)
{
    private IReadOnlyList<ReportedTicket> _tickets = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        (_, _, _tickets) = await QueueAsync(Harness);
    }

    private IRenderedComponent<QueuePage> RenderQueue(int rows)
    {
        SignIn(Budi);
        RenderPopoverProvider();
        var page = Render<QueuePage>();
        page.WaitForAssertion(() => Numbers(page).Count.ShouldBe(rows), Wait);
        return page;
    }

    private static List<string> Numbers(IRenderedComponent<QueuePage> page) => [.. page.FindAll("[data-testid=queue-number]").Select(e => e.TextContent.Trim())];

    private static string Tab(IRenderedComponent<QueuePage> page, string group) => Text(page.Find($"[data-testid=queue-tab-{group}]"));

    [Fact]
    public void The_queue_is_for_the_helpdesk_and_opens_on_the_open_tickets_by_priority_with_every_tab_counted()
    {
        typeof(QueuePage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(TicketsPortalModule.HelpdeskPolicy);

        var page = RenderQueue(3);

        Numbers(page).ShouldBe([_tickets[0].Number, _tickets[1].Number, _tickets[2].Number]);
        page.WaitForAssertion(() => Tab(page, "open").ShouldBe("Terbuka (3)"), Wait);
        Tab(page, "waiting").ShouldBe("Menunggu (1)");
        Tab(page, "resolved").ShouldBe("Selesai dikerjakan (1)");
        Tab(page, "closed").ShouldBe("Ditutup (1)");
        Tab(page, "all").ShouldBe("Semua (6)");
        page.FindAll("[data-testid=queue-number]")[0].GetAttribute("href").ShouldBe($"/tiket/{_tickets[0].Number}");
    }

    [Fact]
    public void A_tab_shows_its_tickets()
    {
        var page = RenderQueue(3);

        page.Find("[data-testid=queue-tab-waiting]").Click();
        page.WaitForAssertion(() => Numbers(page).ShouldBe([_tickets[3].Number]), Wait);
        Text(page.Find("[data-testid=queue]")).ShouldContain("Dewi (Teknisi)");

        page.Find("[data-testid=queue-tab-all]").Click();
        page.WaitForAssertion(() => Numbers(page).Count.ShouldBe(6), Wait);
    }

    [Fact]
    public async Task A_filter_reloads_the_table_and_the_counts_with_it()
    {
        var page = RenderQueue(3);

        await ChooseAsync(page, "queue-priority", (TicketPriority?)TicketPriority.P3);

        page.WaitForAssertion(() =>
        {
            Numbers(page).ShouldBe([_tickets[1].Number]);
            Tab(page, "open").ShouldBe("Terbuka (1)");
            Tab(page, "resolved").ShouldBe("Selesai dikerjakan (1)");
            Tab(page, "waiting").ShouldBe("Menunggu (0)");
            Tab(page, "all").ShouldBe("Semua (2)");
        }, Wait);

        page.Find("[data-testid=queue-tab-all]").Click();
        page.WaitForAssertion(() => Numbers(page).ShouldBe([_tickets[1].Number, _tickets[5].Number], ignoreOrder: true), Wait);
    }

    [Fact]
    public async Task The_table_pages_on_the_server_25_rows_at_a_time()
    {
        var reporting = Harness.Get<TicketReporting>();
        var site = (await Harness.Get<Superapps.Tickets.Contracts.INetworkSites>().SitesOfAgencyAsync(TicketsHarness.KecamatanTelanai, Ct))[0];
        for (var i = 0; i < 24; i++)
        {
            await reporting.ReportAsync(new ReportTicket(site.Id, TicketCategory.Other, $"Gangguan nomor {i + 1}."), Rina.AsReporter(), Ct);
        }

        var page = RenderQueue(25);
        page.WaitForAssertion(() => Tab(page, "open").ShouldBe("Terbuka (27)"), Wait);
        var first = Numbers(page);

        page.FindAll(".mud-table-pagination-actions button")[2].Click(); // first, previous, next, last

        page.WaitForAssertion(() => Numbers(page).Count.ShouldBe(2), Wait);
        Numbers(page).ShouldNotContain(n => first.Contains(n));
        Text(page.Find(".mud-table-pagination")).ShouldContain("26-27 dari 27");
    }

    [Fact]
    public void An_account_not_linked_to_an_employee_is_told_so_and_sees_no_queue()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetRoles(Roles.HelpdeskLead);
        auth.SetPolicies(TicketsPortalModule.HelpdeskPolicy);

        var page = Render<QueuePage>();

        page.WaitForAssertion(() => page.Markup.ShouldContain("Akun Anda tidak terhubung dengan data pegawai."), Wait);
        page.FindAll("[data-testid=queue]").ShouldBeEmpty();
    }
}
