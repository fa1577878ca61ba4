using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Incidents;
using Superapps.Tickets.Features.Attachments;
using Superapps.Tickets.Features.Incidents;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Pages.Report.Components;

namespace Superapps.Tickets.Tests.Components;

/// <summary>The report form: three taps from a phone, "sudah dilaporkan" with "Gabung", photos checked as picked, errors in place.</summary>
public sealed class ReportFormTests : SuperappsComponentTest
{
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly SiteSummary Beringin = new(Guid.NewGuid(), "KEL-BERINGIN", "Kantor Kelurahan Beringin", SiteKind.Kelurahan, Agency, "Kelurahan Beringin", Guid.NewGuid());
    private static readonly IncidentSummary Outage = new(Guid.NewGuid(), "INS-2026-0001", "Gangguan jaringan di Distribusi Pasar", "Distribusi Pasar", "Distribusi Pasar",
        IncidentStatus.Open, new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), 2, 2, 5);

    private readonly List<ReportTicket> _sent = [];

    public ReportFormTests() => Services.AddSingleton(new TicketUploadChecker(Options.Create(new TicketsOptions { MaxAttachmentBytes = 4096 })));

    private IRenderedComponent<ReportForm> RenderForm(IReadOnlyList<IncidentSummary>? incidents = null, Exception? refusal = null) =>
        Render<ReportForm>(p => p
            .Add(x => x.Sites, [Beringin])
            .Add(x => x.LoadIncidents, _ => Task.FromResult(incidents ?? []))
            .Add(x => x.Send, report =>
            {
                _sent.Add(report);
                return refusal is null ? Task.FromResult(new ReportedTicket(Guid.NewGuid(), "TIK-2026-000042")) : Task.FromException<ReportedTicket>(refusal);
            }));

    [Fact]
    public void The_site_is_preselected_so_a_category_and_Kirim_send_a_report()
    {
        RenderPopoverProvider();
        var cut = RenderForm();

        cut.Find("[data-testid=report-site]").TextContent.Trim().ShouldBe("Kantor Kelurahan Beringin");
        cut.Find("[data-testid=report-send]").HasAttribute("disabled").ShouldBeTrue();
        cut.FindAll("[data-testid^=category-]").Count.ShouldBe(8);

        cut.Find("[data-testid=category-InternetDown]").Click();                  // tap 1
        cut.Find("[data-testid=category-InternetDown]").GetAttribute("aria-checked").ShouldBe("true");
        cut.Find("textarea[data-testid=report-description]").GetAttribute("value").ShouldBe("Internet tidak terkoneksi di kantor kami.");
        cut.Find("[data-testid=report-send]").Click();                            // tap 2

        cut.WaitForAssertion(() => cut.Find("[data-testid=report-number]").TextContent.ShouldBe("TIK-2026-000042"));
        cut.Find("[data-testid=report-open-ticket]").GetAttribute("href").ShouldBe("/tiket/TIK-2026-000042");
        var report = _sent.ShouldHaveSingleItem();
        (report.SiteId, report.Category, report.Description, report.IncidentId).ShouldBe((Beringin.Id, TicketCategory.InternetDown, "Internet tidak terkoneksi di kantor kami.", (Guid?)null));
        report.Files.ShouldNotBeNull().ShouldBeEmpty();
    }

    [Fact]
    public void Another_category_changes_the_prefilled_text_but_never_what_the_reporter_wrote()
    {
        RenderPopoverProvider();
        var cut = RenderForm();

        cut.Find("[data-testid=category-WiFi]").Click();
        cut.Find("[data-testid=category-Slow]").Click();
        cut.Find("textarea[data-testid=report-description]").GetAttribute("value").ShouldBe("Koneksi internet di kantor kami sangat lambat.");
        cut.Find("textarea[data-testid=report-description]").Input("Lampu ONT merah sejak jam 8.");
        cut.Find("[data-testid=category-InternetDown]").Click();

        cut.Find("textarea[data-testid=report-description]").GetAttribute("value").ShouldBe("Lampu ONT merah sejak jam 8.");
    }

    [Fact]
    public void A_refused_report_shows_the_bilingual_reason_in_place_and_keeps_the_form()
    {
        UseEnglish();
        RenderPopoverProvider();
        var cut = RenderForm(refusal: new DomainRuleException(TicketErrors.SiteOfAnotherAgency));

        cut.Find("[data-testid=category-FibreCut]").Click();
        cut.Find("[data-testid=report-send]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=errors]").TextContent.ShouldContain("This site belongs to another OPD"));
        cut.FindAll("[data-testid=report-number]").ShouldBeEmpty();
        cut.Find("[data-testid=category-FibreCut]").GetAttribute("aria-checked").ShouldBe("true");
        cut.Find("textarea[data-testid=report-description]").GetAttribute("value").ShouldBe("The fibre cable to our office is cut.");
    }

    [Fact]
    public void An_open_incident_on_the_site_is_shown_and_Gabung_joins_it_with_a_report_of_ones_own()
    {
        RenderPopoverProvider();
        var cut = RenderForm([Outage]);

        cut.WaitForAssertion(() => cut.Find("[data-testid=already-reported]").TextContent.ShouldContain("INS-2026-0001"));
        cut.Find("[data-testid=already-reported]").TextContent.ShouldContain("5 lokasi terdampak");
        cut.Find("[data-testid=join-INS-2026-0001]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=report-joined]").TextContent.ShouldContain("INS-2026-0001"));
        var report = _sent.ShouldHaveSingleItem();
        (report.IncidentId, report.Category, report.SiteId).ShouldBe(((Guid?)Outage.Id, TicketCategory.InternetDown, Beringin.Id));
    }

    [Fact]
    public void Photos_are_checked_as_picked_a_disguised_one_is_refused_by_name_and_only_the_good_one_is_sent()
    {
        RenderPopoverProvider();
        var cut = RenderForm();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(png, "ont.png", contentType: "image/png"),
            InputFileContent.CreateFromText("bukan foto", "palsu.jpg", contentType: "image/jpeg"),
            InputFileContent.CreateFromBinary(new byte[5000], "besar.png", contentType: "image/png"));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=attachment-item]").Count.ShouldBe(3));
        cut.FindAll("[data-testid=attachment-thumbnail]").ShouldHaveSingleItem().GetAttribute("src").ShouldStartWith("data:image/png;base64,");
        var errors = cut.FindAll("[data-testid=attachment-error]").Select(e => e.TextContent).ToList();
        errors.Count.ShouldBe(2);
        errors[0].ShouldContain("\"palsu.jpg\" bukan foto");
        errors[1].ShouldContain("\"besar.png\" terlalu besar");

        cut.Find("[data-testid=category-InternetDown]").Click();
        cut.Find("[data-testid=report-send]").Click();
        cut.WaitForAssertion(() => _sent.ShouldHaveSingleItem().Files!.Select(f => f.FileName).ShouldBe(["ont.png"]));
    }
}
