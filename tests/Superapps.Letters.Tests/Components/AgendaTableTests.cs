using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Agenda;
using Superapps.Letters.Pages.Agenda.Components;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.Tests.Components;

/// <summary>The agenda book as the clerk sees it: restricted lines masked and closed to opening.</summary>
public sealed class AgendaTableTests : SuperappsComponentTest
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static readonly AgendaRow Secret = new(Guid.NewGuid(), "0002/2026", Received, null, null, null, null,
        SecurityClass.Rahasia, Urgency.Segera, "Kepala Dinas Komunikasi dan Informatika", LetterStatus.Open, Masked: true);

    private static readonly AgendaRow Ordinary = new(Guid.NewGuid(), "0001/2026", Received, "Sekretariat Daerah", "100.3.4/77/SETDA", new DateOnly(2026, 11, 20),
        "Undangan rapat koordinasi", SecurityClass.Biasa, Urgency.Biasa, "Kepala Dinas Komunikasi dan Informatika", LetterStatus.Open, Masked: false);

    private readonly List<AgendaSearch> _searches = [];

    public AgendaTableTests() => Services.AddSingleton(TimeProvider.System);

    private IRenderedComponent<AgendaTable> Render()
    {
        RenderPopoverProvider();
        var cut = Render<AgendaTable>(p => p.Add(x => x.Load, (search, _) =>
        {
            _searches.Add(search);
            return Task.FromResult(new AgendaLines([Secret, Ordinary], 2));
        }));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=agenda-subject]").Count.ShouldBe(2));
        return cut;
    }

    [Fact]
    public void A_restricted_line_shows_its_class_in_place_of_subject_and_sender_and_does_not_open()
    {
        var cut = Render();
        var navigation = Services.GetRequiredService<NavigationManager>();

        var subjects = cut.FindAll("[data-testid=agenda-subject]");
        subjects[0].GetAttribute("data-masked").ShouldBe("true");
        subjects[0].TextContent.Trim().ShouldBe("[Rahasia]");
        subjects[0].QuerySelector("a").ShouldBeNull();
        cut.FindAll("[data-testid=agenda-sender]")[0].TextContent.Trim().ShouldBe("[Rahasia]");
        subjects[1].TextContent.ShouldContain("Undangan rapat koordinasi");
        subjects[1].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/surat/{Ordinary.LetterId}");
        cut.FindAll("[data-testid=agenda-sender]")[1].TextContent.ShouldContain("100.3.4/77/SETDA");

        cut.FindAll("tbody tr")[0].Click();
        navigation.Uri.ShouldNotContain(Secret.LetterId.ToString());
        cut.FindAll("tbody tr")[1].Click();
        navigation.Uri.ShouldEndWith($"/surat/{Ordinary.LetterId}");
    }

    [Fact]
    public void The_agenda_opens_on_this_year_and_masks_in_english_too()
    {
        UseEnglish();
        var cut = Render();

        cut.FindAll("[data-testid=agenda-subject]")[0].TextContent.Trim().ShouldBe("[Secret]");
        _searches[0].Year.ShouldBe(Wib.Today(TimeProvider.System).Year);
        cut.Find("[data-testid=agenda-export]").GetAttribute("href")!.ShouldContain($"/surat/agenda.csv?year={Wib.Today(TimeProvider.System).Year}");
    }
    [Theory]
    [InlineData(false, "3 Desember 2026 09.00 WIB", "20 Agustus 2026")]
    [InlineData(true, "3 December 2026 09.00 WIB", "20 August 2026")]
    public void Dates_read_in_the_language_of_the_page(bool english, string received, string sent)
    {
        if (english)
        {
            UseEnglish();
        }

        var row = Ordinary with { ReceivedAt = new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero), SenderDate = new DateOnly(2026, 8, 20) };
        RenderPopoverProvider();
        var cut = Render<AgendaTable>(p => p.Add(x => x.Load, (_, _) => Task.FromResult(new AgendaLines([row], 1))));

        cut.WaitForAssertion(() =>
        {
            cut.Markup.ShouldContain(received);
            cut.Markup.ShouldContain($"100.3.4/77/SETDA · {sent}");
        });
        // What stays Indonesian whoever reads it (letters, PDFs, stored history) is written with Format…, not Show….
        Wib.FormatDate(row.SenderDate!.Value).ShouldBe("20 Agustus 2026");
    }
}
