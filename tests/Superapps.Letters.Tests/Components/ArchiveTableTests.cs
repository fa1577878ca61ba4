using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Retention;
using Superapps.Letters.Pages.Archive.Components;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.Tests.Components;

/// <summary>The archive list (kind column, links, masking) and the retention decision form (errors in place, input kept).</summary>
public sealed class ArchiveTableTests : SuperappsComponentTest
{
    private static readonly DateTimeOffset Closed = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    private static readonly ArchiveRow Incoming = new(Guid.NewGuid(), ArchiveKind.Incoming, Guid.NewGuid(), "0001/2026", "100.3.4/77/SETDA",
        new DateOnly(2026, 11, 20), Closed, "Sekretariat Daerah", "Undangan rapat koordinasi", "000.1.5", SecurityClass.Biasa, Guid.NewGuid(),
        DisposalStatus.Active, Masked: false);

    private static readonly ArchiveRow Outgoing = new(Guid.NewGuid(), ArchiveKind.Outgoing, Guid.NewGuid(), "000.1.2/12/Diskominfo/2026", null,
        new DateOnly(2026, 11, 21), Closed, "Kepala Dinas Pendidikan", "Permohonan data", "000.1.2", SecurityClass.Biasa, Guid.NewGuid(),
        DisposalStatus.Active, Masked: false);

    private static readonly ArchiveRow Secret = new(Guid.NewGuid(), ArchiveKind.Incoming, Guid.NewGuid(), "0002/2026", null,
        new DateOnly(2026, 11, 22), Closed, null, null, "700.1", SecurityClass.Rahasia, null, DisposalStatus.Active, Masked: true);

    public ArchiveTableTests() => Services.AddSingleton(TimeProvider.System);

    [Fact]
    public void Rows_show_their_kind_open_their_own_page_and_restricted_lines_stay_closed()
    {
        RenderPopoverProvider();
        var searches = new List<ArchiveSearch>();
        var cut = Render<ArchiveTable>(p => p.Add(x => x.Load, (search, _) =>
        {
            searches.Add(search);
            return Task.FromResult(new ArchiveLines([Incoming, Outgoing, Secret], 3));
        }));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=archive-subject]").Count.ShouldBe(3));
        var navigation = Services.GetRequiredService<NavigationManager>();

        cut.FindAll("[data-testid=archive-kind-chip]").Select(c => c.TextContent.Trim()).ShouldBe(["Masuk", "Keluar", "Masuk"]);
        var subjects = cut.FindAll("[data-testid=archive-subject]");
        subjects[0].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/surat/{Incoming.LetterId}");
        subjects[1].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/surat/konsep/{Outgoing.LetterId}");
        subjects[2].GetAttribute("data-masked").ShouldBe("true");
        subjects[2].TextContent.Trim().ShouldBe("[Rahasia]");
        subjects[2].QuerySelector("a").ShouldBeNull();
        cut.FindAll($"a[href='/surat/berkas/{Incoming.FileId}']").Count.ShouldBe(1);
        cut.FindAll($"a[href='/surat/konsep/berkas/{Outgoing.FileId}']").Count.ShouldBe(1);

        cut.FindAll("tbody tr")[2].Click();
        navigation.Uri.ShouldNotContain(Secret.LetterId.ToString());
        cut.FindAll("tbody tr")[1].Click();
        navigation.Uri.ShouldEndWith($"/surat/konsep/{Outgoing.LetterId}");
        searches[0].SortBy.ShouldBe("closed");
    }

    [Fact]
    public async Task A_refused_decision_shows_the_error_in_place_and_keeps_what_was_typed()
    {
        RenderPopoverProvider();
        var row = new RetentionRow(Guid.NewGuid(), ArchiveKind.Incoming, Guid.NewGuid(), Guid.NewGuid(), "0001/2020", new DateOnly(2020, 1, 2), Closed,
            "Undangan lama", "000.1.5", SecurityClass.Biasa, new DateOnly(2022, 1, 2), new DateOnly(2025, 1, 2), RetentionFate.Destroy, DisposalStatus.Active, false);
        var decided = new List<RetentionDecisionInput>();
        var cut = Render<RetentionList>(p => p
            .Add(x => x.Due, RetentionDue.ProposeDestruction)
            .Add(x => x.Load, (_, _, _) => Task.FromResult(new RetentionReport([row], 1, new Dictionary<RetentionDue, int>())))
            .Add(x => x.Decide, input =>
            {
                decided.Add(input);
                return Task.FromException<Guid>(new DomainRuleException(ArchiveErrors.BeritaAcaraRequired));
            }));
        await cut.WaitForAssertionAsync(() => cut.FindAll("tbody tr").Count.ShouldBe(1));

        cut.Find("tbody tr input[type=checkbox]").Change(true);
        Number(cut).Change("BA-12");
        cut.Find("[data-testid=retention-decide]").Click();

        await cut.WaitForAssertionAsync(() => cut.Markup.ShouldContain(ArchiveErrors.BeritaAcaraRequired.Indonesian));
        decided.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            d => d.Kind.ShouldBe(RetentionDecisionKind.Destroy), d => d.EntryIds.ShouldBe([row.EntryId]), d => d.BeritaAcaraNumber.ShouldBe("BA-12"));
        Number(cut).GetAttribute("value").ShouldBe("BA-12");
    }

    // MudBlazor puts the test id on the input itself or on its wrapper, depending on the component's version.
    private static AngleSharp.Dom.IElement Number(IRenderedComponent<RetentionList> cut)
    {
        var element = cut.Find("[data-testid=retention-number]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }
}
