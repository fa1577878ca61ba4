using AngleSharp.Dom;
using Bunit;
using Superapps.Organization.Contracts;
using Superapps.Organization.Features.Administration;
using Superapps.Organization.Pages.Employees.Components;
using Superapps.Testing;

namespace Superapps.Organization.Tests.Components;

public sealed class ActingTableTests : SuperappsComponentTest
{
    private static readonly ActingRow PltKadis = Row("Kepala Dinas Komunikasi dan Informatika", HoldingKind.Plt,
        new DateOnly(2026, 8, 1), new DateOnly(2026, 10, 31), "800/112/BKPSDM/2026", employee: "Budi Santoso");

    private static readonly ActingRow PlhCamat = Row("Camat Sukajadi", HoldingKind.Plh,
        new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 27), decree: null, employee: "Ani Lestari");

    private static ActingRow Row(string position, HoldingKind kind, DateOnly start, DateOnly end, string? decree, string employee, bool cancelled = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), employee, Guid.NewGuid(), position, Guid.NewGuid(), "Diskominfo", kind, start, end, decree, cancelled);

    private static List<IElement> Rows(IRenderedComponent<ActingTable> cut) => [.. cut.FindAll("tbody tr")];

    private static IElement RowOf(IRenderedComponent<ActingTable> cut, string employee) =>
        Rows(cut).Single(r => r.TextContent.Contains(employee, StringComparison.Ordinal));

    private static IEnumerable<IElement> CancelButtons(IElement row) =>
        row.QuerySelectorAll("button").Where(b => b.TextContent.Trim() == "Batalkan");

    [Fact]
    public void Acting_officials_are_named_Plt_or_Plh_before_the_position()
    {
        var cut = Render<ActingTable>(p => p.Add(x => x.Items, [PltKadis, PlhCamat]));

        RowOf(cut, "Budi Santoso").TextContent.ShouldContain("Plt. Kepala Dinas Komunikasi dan Informatika");
        RowOf(cut, "Ani Lestari").TextContent.ShouldContain("Plh. Camat Sukajadi");
        RowOf(cut, "Ani Lestari").TextContent.ShouldNotContain("Plt.");
    }

    [Fact]
    public void The_period_reads_as_dates_in_Indonesian_and_a_missing_decree_as_a_dash()
    {
        var cut = Render<ActingTable>(p => p.Add(x => x.Items, [PltKadis, PlhCamat]));

        var budi = RowOf(cut, "Budi Santoso");
        budi.TextContent.ShouldContain("1 Agustus 2026 – 31 Oktober 2026");
        budi.TextContent.ShouldContain("800/112/BKPSDM/2026");
        RowOf(cut, "Ani Lestari").TextContent.ShouldContain("23 November 2026 – 27 November 2026");
        RowOf(cut, "Ani Lestari").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ShouldContain("—");
    }

    [Fact]
    public void Without_a_cancel_action_no_row_offers_one()
    {
        var cut = Render<ActingTable>(p => p.Add(x => x.Items, [PltKadis, PlhCamat]));

        Rows(cut).SelectMany(CancelButtons).ShouldBeEmpty();
    }

    [Fact]
    public void A_cancelled_assignment_shows_as_cancelled_and_cannot_be_cancelled_again()
    {
        var cancelled = PlhCamat with { IsCancelled = true };

        var cut = Render<ActingTable>(p => p.Add(x => x.Items, [PltKadis, cancelled]).Add(x => x.OnCancel, (ActingRow _) => { }));

        CancelButtons(RowOf(cut, "Budi Santoso")).Count().ShouldBe(1);
        CancelButtons(RowOf(cut, "Ani Lestari")).ShouldBeEmpty();
        RowOf(cut, "Ani Lestari").TextContent.ShouldContain("Dibatalkan");
    }

    [Fact]
    public void Cancelling_hands_the_row_to_the_page_and_shows_what_the_page_decides()
    {
        List<ActingRow> items = [PltKadis, PlhCamat];
        var handed = new List<ActingRow>();
        var cut = Render<ActingTable>(p => p.Add(x => x.Items, items).Add(x => x.OnCancel, (ActingRow row) => handed.Add(row)));

        CancelButtons(RowOf(cut, "Ani Lestari")).Single().Click();

        handed.ShouldBe([PlhCamat]);

        // The page cancels it and gives the table the new list; find the row again, the old elements are stale.
        cut.Render(p => p.Add(x => x.Items, [PltKadis, PlhCamat with { IsCancelled = true }]));
        RowOf(cut, "Ani Lestari").TextContent.ShouldContain("Dibatalkan");
        CancelButtons(RowOf(cut, "Ani Lestari")).ShouldBeEmpty();
        CancelButtons(RowOf(cut, "Budi Santoso")).Count().ShouldBe(1);
    }

    [Fact]
    public void An_empty_list_says_there_are_no_assignments()
    {
        var cut = Render<ActingTable>(p => p.Add(x => x.Items, []));

        cut.Find("[data-testid=acting]").TextContent.ShouldContain("Tidak ada penugasan Plt/Plh.");
    }

    [Fact]
    public void In_English_the_headings_and_the_action_are_English_and_the_titles_stay_Plt_and_Plh()
    {
        UseEnglish();

        var cut = Render<ActingTable>(p => p.Add(x => x.Items, [PltKadis]).Add(x => x.OnCancel, (ActingRow _) => { }));

        cut.FindAll("thead th").Select(th => th.TextContent.Trim()).ShouldContain("Assignment");
        RowOf(cut, "Budi Santoso").QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldBe(["Cancel"]);
        RowOf(cut, "Budi Santoso").TextContent.ShouldContain("Plt. Kepala Dinas");
    }
}
