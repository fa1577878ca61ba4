using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Pages.Ticket;
using static Superapps.Tickets.IntegrationTests.HelpdeskData;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The ticket page on PostgreSQL: what the reporter and the helpdesk see of the comments, a refused move showing its bilingual
/// reason with the typed note kept, a move done, and a ticket the user may not see.
/// </summary>
public sealed class TicketPageTests(PostgresServer server) : TicketsPageTest(server)
{
    private IReadOnlyList<ReportedTicket> _tickets = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        (_, _, _tickets) = await QueueAsync(Harness);
        var desk = Harness.Get<TicketDesk>();
        await desk.CommentAsync(_tickets[3].Id, Dewi.AsHelpdesk()!, "Vendor lambat merespons, eskalasi ke manajer akun.", isInternal: true, Ct);
        await desk.CommentAsync(_tickets[3].Id, Dewi.AsHelpdesk()!, "Menunggu tim ISP datang.", isInternal: false, Ct);
        Harness.Audit.Clear();
    }

    private IRenderedComponent<TicketPage> RenderTicket(Features.Access.TicketPrincipal who, string number)
    {
        SignIn(who);
        RenderPopoverProvider();
        return Render<TicketPage>(p => p.Add(x => x.Number, number));
    }

    private static List<string> Comments(IRenderedComponent<TicketPage> page) => [.. page.FindAll("[data-testid=ticket-comment]").Select(Text)];

    [Fact]
    public void The_reporter_sees_the_visible_comments_only()
    {
        typeof(TicketPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.Employee);

        var page = RenderTicket(Rina, _tickets[3].Number);

        page.WaitForAssertion(() => page.Find("[data-testid=ticket-number]").TextContent.ShouldBe(_tickets[3].Number), Wait);
        page.Find("[data-testid=ticket-description]").TextContent.ShouldBe("Kabel fiber putus tertimpa pohon.");
        Comments(page).ShouldHaveSingleItem().ShouldContain("Menunggu tim ISP datang.");
        page.Markup.ShouldNotContain("Vendor lambat merespons");
        page.FindAll("[data-testid=ticket-comment-internal]").ShouldBeEmpty();
        page.FindAll("[data-testid=ticket-comment-internal-switch]").ShouldBeEmpty();
    }

    [Fact]
    public void A_technician_sees_the_internal_comment_marked_as_such()
    {
        var page = RenderTicket(Dewi, _tickets[3].Number);

        page.WaitForAssertion(() => Comments(page).Count.ShouldBe(2), Wait);
        var comments = Comments(page);
        comments.ShouldContain(c => c.Contains("Vendor lambat merespons") && c.Contains("Internal"));
        comments.ShouldContain(c => c.Contains("Menunggu tim ISP datang.") && !c.Contains("Internal"));
        page.FindAll("[data-testid=ticket-comment-internal]").Count.ShouldBe(1);
    }

    [Fact]
    public void A_reopen_refused_once_the_window_has_passed_shows_the_reason_and_keeps_the_typed_reason()
    {
        var page = RenderTicket(Rina, _tickets[5].Number);
        page.WaitForAssertion(() => page.FindAll("[data-testid=ticket-reopen]").Count.ShouldBe(1), Wait);

        Input(page, "ticket-note").Change("Kabel LAN masih putus di ruang lurah.");
        // The page stayed open while the reopen window closed.
        Harness.Clock.Advance(TimeSpan.FromDays(8));
        page.Find("[data-testid=ticket-reopen]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=ticket-error]").TextContent.ShouldContain("Batas waktu membuka kembali tiket sudah lewat"), Wait);
        Input(page, "ticket-note").GetAttribute("value").ShouldBe("Kabel LAN masih putus di ruang lurah.");
        page.Find("[data-testid=ticket-status]").TextContent.ShouldBe("Selesai dikerjakan");
        Harness.Audit.Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_resolve_without_a_note_is_refused_in_English_then_the_note_resolves_it()
    {
        UseEnglish();
        var page = RenderTicket(Andi, _tickets[0].Number);
        page.WaitForAssertion(() => page.FindAll("[data-testid=ticket-resolve]").Count.ShouldBe(1), Wait);

        page.Find("[data-testid=ticket-resolve]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=ticket-error]").TextContent.ShouldContain("A note is required for this action"), Wait);
        page.Find("[data-testid=ticket-status]").TextContent.ShouldBe("In progress");

        Input(page, "ticket-note").Change("ONT replaced.");
        page.Find("[data-testid=ticket-resolve]").Click();

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=ticket-status]").TextContent.ShouldBe("Resolved");
            page.FindAll("[data-testid=ticket-error]").ShouldBeEmpty();
            page.FindAll("[data-testid=ticket-resolve]").ShouldBeEmpty();
        }, Wait);
        Harness.Audit.Events.ShouldContain(e => e.Action == "ticket.resolved");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void A_ticket_of_someone_else_reads_like_one_that_does_not_exist(int index)
    {
        var number = index < 0 ? "TIK-2026-999999" : _tickets[index].Number;

        var page = RenderTicket(Sari, number);

        page.WaitForAssertion(() => page.Find("[data-testid=ticket-not-found]").TextContent.ShouldBe("Tiket tidak ditemukan, atau Anda tidak berhak melihatnya."), Wait);
        page.FindAll("[data-testid=ticket-number]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("Kabel fiber");
        page.Markup.ShouldNotContain("Menunggu tim ISP");
    }
}
