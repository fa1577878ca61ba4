using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Testing;
using Superapps.Tickets.Features.Calendar;
using Superapps.Tickets.Pages.Calendar;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>The SLA calendar page on PostgreSQL: the lead adds and is told of overlaps in place; technicians only read.</summary>
public sealed class CalendarPageTests(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private TicketsHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await TicketsHarness.CreateAsync(server);

    public new async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await base.DisposeAsync();
    }

    private IRenderedComponent<CalendarPage> RenderAs(params string[] policies)
    {
        Services.AddScoped(_ => _harness.NewScope().ServiceProvider.GetRequiredService<TicketCalendar>());
        Services.AddSingleton(_harness.Get<IOptions<TicketsOptions>>());
        Services.AddSingleton<TimeProvider>(_harness.Clock);
        var auth = AddAuthorization();
        auth.SetAuthorized("Budi Koordinator");
        auth.SetPolicies([TicketsPortalModule.HelpdeskPolicy, .. policies]);
        RenderDialogProvider();
        return Render<CalendarPage>();
    }

    /// <summary>The input of a field: MudBlazor puts the test id on the input itself or on the field around it.</summary>
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<CalendarPage> page, string testId) =>
        page.FindAll($"input[data-testid={testId}], [data-testid={testId}] input")[0];

    [Fact]
    public void The_lead_sees_the_year_and_an_overlapping_entry_is_refused_in_place_keeping_what_was_typed()
    {
        var page = RenderAs(TicketsPortalModule.LeadPolicy);
        page.WaitForAssertion(() => page.FindAll("[data-testid=calendar-entries] tbody tr").Count.ShouldBe(23), Wait);
        page.Find("[data-testid=year]").TextContent.ShouldBe("2026");
        page.Find("[data-testid=business-hours]").TextContent.ShouldContain("07:30-16:30");

        Input(page, "entry-name").Change("HUT Kota Jambi");
        Input(page, "entry-first").Change("24/12/2026");
        page.Find("[data-testid=entry-add]").Click();

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=errors]").TextContent.ShouldContain("bertumpang tindih");
            page.Find("[data-testid=errors]").TextContent.ShouldContain("Natal");
        }, Wait);
        Input(page, "entry-name").GetAttribute("value").ShouldBe("HUT Kota Jambi");
        page.FindAll("[data-testid=calendar-entries] tbody tr").Count.ShouldBe(23);

        Input(page, "entry-first").Change("28/12/2026");
        page.Find("[data-testid=entry-add]").Click();
        page.WaitForAssertion(() =>
        {
            page.FindAll("[data-testid=calendar-entries] tbody tr").Count.ShouldBe(24);
            page.FindAll("[data-testid=errors]").ShouldBeEmpty();
            page.Find("[data-testid=calendar-entries]").TextContent.ShouldContain("HUT Kota Jambi");
        }, Wait);
        _harness.Audit.Events.ShouldContain(e => e.Action == "calendar.entry-added");
    }

    [Fact]
    public void A_technician_reads_the_calendar_with_provisional_entries_marked_but_cannot_change_it()
    {
        var page = RenderAs();
        page.WaitForAssertion(() => page.FindAll("[data-testid=calendar-entries] tbody tr").Count.ShouldBe(23), Wait);
        page.FindAll("[data-testid=entry-form]").ShouldBeEmpty();
        page.FindAll("[data-testid=entry-remove]").ShouldBeEmpty();

        page.Find("[data-testid=year-next]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=year]").TextContent.ShouldBe("2027"), Wait);
        page.WaitForAssertion(() => page.FindAll("[data-testid=provisional]").Count.ShouldBe(16), Wait);
    }
}
