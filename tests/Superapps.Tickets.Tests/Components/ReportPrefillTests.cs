using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Attachments;
using Superapps.Tickets.Features.Incidents;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Pages.Report;
using Superapps.Tickets.Pages.Report.Components;

namespace Superapps.Tickets.Tests.Components;

/// <summary>
/// The report form opened from a link that says what is wrong (the proxy's "app is down" page:
/// <c>/tiket/lapor?kategori=Application&amp;keterangan=…</c>): one tap on "Kirim" sends it.
/// </summary>
public sealed class ReportPrefillTests : SuperappsComponentTest
{
    private static readonly SiteSummary Beringin = new(Guid.NewGuid(), "KEL-BERINGIN", "Kantor Kelurahan Beringin", SiteKind.Kelurahan, Guid.NewGuid(), "Kelurahan Beringin", Guid.NewGuid());
    private readonly List<ReportTicket> _sent = [];

    public ReportPrefillTests() => Services.AddSingleton(new TicketUploadChecker(Options.Create(new TicketsOptions { MaxAttachmentBytes = 4096 })));

    private IRenderedComponent<ReportForm> RenderForm(TicketCategory? category, string? description) =>
        Render<ReportForm>(p => p
            .Add(x => x.Sites, [Beringin])
            .Add(x => x.LoadIncidents, _ => Task.FromResult<IReadOnlyList<IncidentSummary>>([]))
            .Add(x => x.Send, report =>
            {
                _sent.Add(report);
                return Task.FromResult(new ReportedTicket(Guid.NewGuid(), "TIK-2026-000077"));
            })
            .Add(x => x.InitialCategory, category)
            .Add(x => x.InitialDescription, description));

    [Fact]
    public void A_prefilled_category_and_description_are_chosen_and_one_tap_sends_them()
    {
        RenderPopoverProvider();
        var cut = RenderForm(TicketCategory.Application, "Aplikasi SIMPEG Lama tidak dapat diakses.");

        cut.Find("[data-testid=category-Application]").GetAttribute("aria-checked").ShouldBe("true");
        cut.Find("textarea[data-testid=report-description]").GetAttribute("value").ShouldBe("Aplikasi SIMPEG Lama tidak dapat diakses.");
        cut.Find("[data-testid=report-send]").HasAttribute("disabled").ShouldBeFalse();
        cut.Find("[data-testid=report-send]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=report-number]").TextContent.ShouldBe("TIK-2026-000077"));
        var report = _sent.ShouldHaveSingleItem();
        (report.Category, report.Description).ShouldBe((TicketCategory.Application, "Aplikasi SIMPEG Lama tidak dapat diakses."));
    }

    [Fact]
    public void A_category_alone_fills_in_its_usual_description()
    {
        RenderPopoverProvider();
        var cut = RenderForm(TicketCategory.Application, null);

        cut.Find("textarea[data-testid=report-description]").GetAttribute("value").ShouldBe("Aplikasi tidak dapat diakses dari kantor kami.");
    }

    [Fact]
    public void Without_a_prefill_nothing_is_chosen()
    {
        RenderPopoverProvider();
        var cut = RenderForm(null, null);

        cut.FindAll("[aria-checked=true]").ShouldBeEmpty();
        cut.Find("[data-testid=report-send]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Theory]
    [InlineData("Application", TicketCategory.Application)]
    [InlineData("application", TicketCategory.Application)]
    [InlineData(" WiFi ", TicketCategory.WiFi)]
    [InlineData("6", null)]
    [InlineData("99", null)]
    [InlineData("aplikasi-lain", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_category_in_a_link_is_read_by_name_only(string? name, TicketCategory? expected) =>
        ReportLabels.ParseCategory(name).ShouldBe(expected);
}
