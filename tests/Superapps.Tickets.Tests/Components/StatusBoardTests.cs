using Bunit;
using Superapps.Testing;
using Superapps.Tickets.Domain.Incidents;
using Superapps.Tickets.Features.Incidents;
using Superapps.Tickets.Pages.Status.Components;

namespace Superapps.Tickets.Tests.Components;

/// <summary>The status page's board: "Semua layanan normal" when nothing is open, otherwise outages by area with sites and duration.</summary>
public sealed class StatusBoardTests : SuperappsComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 5, 30, 0, TimeSpan.Zero); // 12.30 WIB

    private static IncidentSummary Incident(string number, string area, int sites, DateTimeOffset since) =>
        new(Guid.NewGuid(), number, $"Gangguan jaringan di {area}", area, area, IncidentStatus.Open, since, 2, 2, sites);

    [Fact]
    public void Without_open_incidents_it_says_all_services_are_normal()
    {
        var cut = Render<StatusBoard>(p => p.Add(x => x.Areas, []).Add(x => x.Now, Now));

        cut.Find("[data-testid=status-all-normal]").TextContent.ShouldContain("Semua layanan normal");
        cut.FindAll("[data-testid=status-area]").ShouldBeEmpty();
    }

    [Fact]
    public void Open_incidents_show_by_area_with_the_sites_affected_and_since_when()
    {
        UseEnglish();
        var areas = new List<StatusArea>
        {
            new("Distribusi Pasar Demo", [Incident("INS-2026-0001", "Distribusi Pasar Demo", 6, Now.AddHours(-3).AddMinutes(-20))]),
            new("Distribusi Kota Baru", [Incident("INS-2026-0002", "Distribusi Kota Baru", 2, Now.AddMinutes(-45))]),
        };

        var cut = Render<StatusBoard>(p => p.Add(x => x.Areas, areas).Add(x => x.Now, Now));

        cut.FindAll("[data-testid=status-all-normal]").ShouldBeEmpty();
        cut.Find("[data-testid=status-outages]").TextContent.ShouldContain("2 outages are being worked on");
        cut.FindAll("[data-testid=status-area-name]").Select(e => e.TextContent).ShouldBe(["Distribusi Pasar Demo", "Distribusi Kota Baru"]);
        cut.FindAll("[data-testid=status-area-sites]").Select(e => e.TextContent.Trim()).ShouldBe(["6 sites affected", "2 sites affected"]);
        var since = cut.FindAll("[data-testid=status-incident-since]").Select(e => e.TextContent).ToList();
        since[0].ShouldContain("(3 h 20 min)");
        since[1].ShouldContain("(45 min)");
    }
}
