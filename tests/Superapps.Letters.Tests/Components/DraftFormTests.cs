using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Pages.Drafting.Components;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.Tests.Components;

/// <summary>
/// The draft form (new and edit): required fields with bilingual messages in place, the reviewer chain as an ordered list whose
/// order is what is submitted, internal copies as positions, attachments added, refused and removed, and an existing draft loaded.
/// </summary>
public sealed class DraftFormTests : SuperappsComponentTest
{
    private const long MaxBytes = 4096;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly PositionInfo Kepala = Position("Kepala Dinas Komunikasi dan Informatika", PositionLevel.KepalaOpd, head: true);
    private static readonly PositionInfo Kabid = Position("Kepala Bidang Aplikasi dan Informatika", PositionLevel.Kabid);
    private static readonly PositionInfo Sekretaris = Position("Sekretaris Dinas", PositionLevel.Kabid);
    private static readonly PositionInfo Kasi = Position("Kepala Seksi Pengembangan Aplikasi", PositionLevel.Kabid + 1);
    private static readonly PositionInfo Staf = Position("Pranata Komputer Ahli Pertama", PositionLevel.Kabid + 2);
    private static readonly PositionInfo OtherHead = Position("Kepala Dinas Pendidikan", PositionLevel.KepalaOpd, head: true, agency: Guid.NewGuid());
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[100]];

    private readonly List<(DraftInput Input, bool Submit)> _saved = [];
    private int _defaultChains;

    /// <summary>When set, each default-chain request waits for its own completion source, to make requests overlap.</summary>
    private List<TaskCompletionSource>? _chainGates;

    public DraftFormTests()
    {
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new LettersOptions { MaxFileBytes = MaxBytes }));
        JSInterop.SetupModule(RichTextEditor.ModulePath);
    }

    private static PositionInfo Position(string title, PositionLevel level, bool head = false, Guid? agency = null) =>
        new(Guid.NewGuid(), title, level, agency ?? Agency, "Dinas", head, true, []);

    private static DraftFormModel NewModel(string? subject = "Permohonan data aplikasi") => new()
    {
        Kind = LetterKind.NotaDinas,
        DrafterPositionId = Staf.PositionId,
        Subject = subject,
        BodyHtml = "<p>Dengan hormat,</p>",
    };

    /// <summary>Kasi then Kabid, signed by the Kabid within the OPD or by the Kepala when it leaves the OPD.</summary>
    private async Task<(IReadOnlyList<ChainPosition> Reviewers, ChainPosition? Signer)> DefaultChain(LetterKind kind, bool leavesAgency)
    {
        _defaultChains++;
        if (_chainGates is { } gates)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gates.Add(gate);
            await gate.Task;
        }

        IReadOnlyList<ChainPosition> reviewers = leavesAgency ? [Chain(Kasi), Chain(Kabid)] : [Chain(Kasi)];
        return (reviewers, Chain(leavesAgency ? Kepala : Kabid));
    }

    private static ChainPosition Chain(PositionInfo p) => new(p.PositionId, p.Title);

    private IRenderedComponent<DraftForm> RenderForm(DraftFormModel model, Func<DraftInput, bool, Task>? save = null, bool canSubmit = true)
    {
        RenderPopoverProvider();
        return Render<DraftForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Positions, new[] { Kepala, Kabid, Sekretaris, Kasi, Staf })
            .Add(x => x.OtherAgencyHeads, new[] { OtherHead })
            .Add(x => x.DefaultChain, DefaultChain)
            .Add(x => x.CanSubmit, canSubmit)
            .Add(x => x.Save, save ?? ((input, submit) =>
            {
                _saved.Add((input, submit));
                return Task.CompletedTask;
            })));
    }

    private static async Task ChooseAsync<T>(IRenderedComponent<DraftForm> cut, string testId, T value)
    {
        var select = cut.FindComponents<MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<DraftForm> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }

    private static List<string> ReviewerTitles(IRenderedComponent<DraftForm> cut) =>
        [.. cut.FindAll("[data-testid=draft-reviewer-title]").Select(e => e.TextContent.Trim())];

    [Fact]
    public void Saving_without_a_subject_is_refused_in_place_in_Indonesian_and_the_typed_fields_stay()
    {
        var model = NewModel(subject: null);
        model.ClassificationCode = "000.1.5";
        var cut = RenderForm(model);

        cut.Find("[data-testid=draft-save]").Click();

        cut.Find("[data-testid=draft-errors]").TextContent.ShouldContain(DraftingErrors.Subject.Indonesian);
        _saved.ShouldBeEmpty();
        Input(cut, "draft-classification").GetAttribute("value").ShouldBe("000.1.5");
        cut.Find(".mud-input-error").ShouldNotBeNull();
    }

    [Fact]
    public async Task Submitting_an_incomplete_draft_names_every_missing_field_in_English_for_an_English_user()
    {
        UseEnglish();
        var model = NewModel(subject: " ");
        model.BodyHtml = "<p>&nbsp;</p>";
        var cut = RenderForm(model);
        cut.WaitForAssertion(() => ReviewerTitles(cut).Count.ShouldBe(1));
        await ChooseAsync<Guid?>(cut, "draft-signer", null);

        cut.Find("[data-testid=draft-save-submit]").Click();

        var errors = cut.Find("[data-testid=draft-errors]").TextContent;
        foreach (var error in new[] { DraftingErrors.Subject, DraftingErrors.Classification, DraftingErrors.Body, DraftingErrors.NoAddressee, DraftingErrors.NoSigner })
        {
            errors.ShouldContain(error.English);
        }

        errors.ShouldNotContain(DraftingErrors.Subject.Indonesian);
        _saved.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_save_shows_the_servers_bilingual_error_and_keeps_what_was_typed()
    {
        var cut = RenderForm(NewModel(), (_, _) => Task.FromException(new DomainRuleException(DraftingErrors.Concurrency)));
        Input(cut, "draft-subject").Change("Hal yang baru diketik");

        cut.Find("[data-testid=draft-save]").Click();

        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=draft-errors]").TextContent.ShouldContain(DraftingErrors.Concurrency.Indonesian));
        Input(cut, "draft-subject").GetAttribute("value").ShouldBe("Hal yang baru diketik");
        cut.Find("[data-testid=draft-save]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Moving_removing_and_adding_reviewers_changes_the_submitted_order_and_stops_the_default_chain_overwriting_it()
    {
        var model = NewModel();
        model.ClassificationCode = "000.1.5";
        var cut = RenderForm(model);
        await ChooseAsync<Guid?>(cut, "draft-addressee", OtherHead.PositionId);
        cut.Find("[data-testid=draft-addressee-add]").Click();
        cut.WaitForAssertion(() => ReviewerTitles(cut).ShouldBe([Kasi.Title, Kabid.Title]));
        var chainsSoFar = _defaultChains;

        cut.FindAll("[data-testid=draft-reviewer-down]")[0].Click();
        cut.WaitForAssertion(() => ReviewerTitles(cut).ShouldBe([Kabid.Title, Kasi.Title]));
        await ChooseAsync<Guid?>(cut, "draft-reviewer-pick", Sekretaris.PositionId);
        cut.Find("[data-testid=draft-reviewer-add]").Click();
        cut.FindAll("[data-testid=draft-reviewer-up]")[2].Click();
        cut.FindAll("[data-testid=draft-reviewer-remove]")[0].Click();
        cut.WaitForAssertion(() => ReviewerTitles(cut).ShouldBe([Sekretaris.Title, Kasi.Title]));
        cut.Find("[data-testid=draft-chain-manual]").ShouldNotBeNull();

        // A new addressee no longer recomputes the chain the user arranged.
        Input(cut, "draft-external-name").Change("PT Jaringan Nusantara");
        Input(cut, "draft-external-address").Change("Jalan Sudirman 5, Jakarta");
        cut.Find("[data-testid=draft-external-add]").Click();
        _defaultChains.ShouldBe(chainsSoFar);

        cut.Find("[data-testid=draft-save-submit]").Click();

        var (input, submit) = _saved.ShouldHaveSingleItem();
        submit.ShouldBeTrue();
        input.ReviewerPositionIds.ShouldBe([Sekretaris.PositionId, Kasi.PositionId]);
        input.SignerPositionId.ShouldBe(Kepala.PositionId);

        // Putting the default back follows the addressees again.
        cut.Find("[data-testid=draft-chain-default]").Click();
        cut.WaitForAssertion(() => ReviewerTitles(cut).ShouldBe([Kasi.Title, Kabid.Title]));
        model.ChainChosenByHand.ShouldBeFalse();
    }

    [Fact]
    public async Task A_slow_first_default_chain_answering_last_does_not_overwrite_the_chain_for_the_addressee_added_meanwhile()
    {
        // The form asks for the default chain when it opens and again when an addressee leaves the OPD. Under load the first
        // answer can come last; it must not put back the chain of a letter that stays in the OPD.
        _chainGates = [];
        var model = NewModel();
        model.ClassificationCode = "000.1.5";
        var cut = RenderForm(model);
        await ChooseAsync<Guid?>(cut, "draft-addressee", OtherHead.PositionId);
        cut.Find("[data-testid=draft-addressee-add]").Click();
        cut.WaitForAssertion(() => _chainGates.Count.ShouldBe(2));

        await cut.InvokeAsync(() => _chainGates[1].SetResult());
        cut.WaitForAssertion(() => ReviewerTitles(cut).ShouldBe([Kasi.Title, Kabid.Title]));
        await cut.InvokeAsync(() => _chainGates[0].SetResult());

        cut.Render();
        ReviewerTitles(cut).ShouldBe([Kasi.Title, Kabid.Title]);
        cut.Find("[data-testid=draft-save-submit]").Click();
        var (input, _) = _saved.ShouldHaveSingleItem();
        input.ReviewerPositionIds.ShouldBe([Kasi.PositionId, Kabid.PositionId]);
        input.SignerPositionId.ShouldBe(Kepala.PositionId);
    }

    [Fact]
    public async Task Adding_an_addressee_or_a_copy_waits_for_a_chosen_position()
    {
        // "Tambah" before a position is chosen would add nothing; it stays disabled until the select holds one.
        var cut = RenderForm(NewModel());
        cut.Find("[data-testid=draft-addressee-add]").HasAttribute("disabled").ShouldBeTrue();
        cut.Find("[data-testid=draft-copy-add]").HasAttribute("disabled").ShouldBeTrue();

        await ChooseAsync<Guid?>(cut, "draft-addressee", OtherHead.PositionId);
        cut.WaitForAssertion(() => cut.Find("[data-testid=draft-addressee-add]").HasAttribute("disabled").ShouldBeFalse());
        cut.Find("[data-testid=draft-copy-add]").HasAttribute("disabled").ShouldBeTrue();
        cut.Find("[data-testid=draft-addressee-add]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=draft-addressee-chip]").TextContent.ShouldContain(OtherHead.Title));
    }

    [Fact]
    public async Task Copies_to_positions_and_free_text_copies_both_reach_the_input()
    {
        var cut = RenderForm(NewModel(), canSubmit: false);
        await ChooseAsync<Guid?>(cut, "draft-copy-position", OtherHead.PositionId);
        cut.Find("[data-testid=draft-copy-add]").Click();
        await ChooseAsync<Guid?>(cut, "draft-copy-position", Sekretaris.PositionId);
        cut.Find("[data-testid=draft-copy-add]").Click();
        Input(cut, "draft-copies").Input("Walikota (sebagai laporan)\nArsip");

        cut.FindAll("[data-testid=draft-copy-chip]").Select(c => c.TextContent.Trim()).ShouldBe([OtherHead.Title, Sekretaris.Title]);
        cut.Find("[data-testid=draft-save]").Click();

        _saved.ShouldHaveSingleItem().Input.CarbonCopies.ShouldBe([
            new CarbonCopyInput(OtherHead.PositionId, null), new CarbonCopyInput(Sekretaris.PositionId, null),
            new CarbonCopyInput(null, "Walikota (sebagai laporan)"), new CarbonCopyInput(null, "Arsip")]);
    }

    [Fact]
    public async Task Attachments_are_checked_when_chosen_listed_and_removable_and_a_refused_one_leaves_the_form_alone()
    {
        var saved = new OutgoingFileInfo(Guid.NewGuid(), OutgoingFileKind.Attachment, "lama.pdf", "application/pdf", 2048);
        var model = NewModel();
        model.SavedFiles.Add(saved);
        var cut = RenderForm(model);
        Input(cut, "draft-subject").Change("Hal tetap ada");

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(Pdf, "kak.pdf", contentType: "application/pdf"),
            InputFileContent.CreateFromText("bukan pdf", "palsu.pdf", contentType: "application/pdf"),
            InputFileContent.CreateFromBinary(new byte[MaxBytes + 1], "besar.pdf", contentType: "application/pdf"));

        await cut.WaitForAssertionAsync(() => cut.FindAll("[data-testid=draft-file]").Count.ShouldBe(2));
        var errors = cut.Find("[data-testid=errors]").TextContent;
        errors.ShouldContain(LetterErrors.FileType("palsu.pdf", "files").Indonesian);
        errors.ShouldContain(LetterErrors.FileTooLarge("besar.pdf", MaxBytes, "files").Indonesian);
        var listed = cut.FindAll("[data-testid=draft-file]").Select(f => f.TextContent).ToList();
        listed[0].ShouldContain("lama.pdf");
        listed[1].ShouldContain("kak.pdf");
        Input(cut, "draft-subject").GetAttribute("value").ShouldBe("Hal tetap ada");

        cut.FindAll("[data-testid=draft-file-remove]")[0].Click();
        cut.FindAll("[data-testid=draft-file]").ShouldHaveSingleItem().TextContent.ShouldContain("kak.pdf");
        cut.Find("[data-testid=draft-save]").Click();

        var input = _saved.ShouldHaveSingleItem().Input;
        input.RemovedFileIds.ShouldBe([saved.Id]);
        var upload = input.NewFiles.ShouldNotBeNull().ShouldHaveSingleItem();
        upload.FileName.ShouldBe("kak.pdf");
        await using var stream = await upload.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        stream.Length.ShouldBe(Pdf.Length);

        cut.FindAll("[data-testid=draft-file-remove]")[0].Click();
        cut.FindAll("[data-testid=draft-file]").ShouldBeEmpty();
    }

    [Fact]
    public void A_returned_draft_opens_with_everything_it_had_and_the_reviewers_notes_beside_it()
    {
        var drafter = new DraftingActor(Guid.NewGuid(), "Rina", Staf.PositionId, Staf.Title, HoldingKind.Definitive);
        var content = new DraftContent("Permohonan data", "000.1.5", SecurityClass.Terbatas, Urgency.Segera, "1 (satu) berkas", "<p>Isi lama</p>", "Isi lama",
            [Addressee.Internal(OtherHead.PositionId, OtherHead.AgencyId, OtherHead.Title), Addressee.External("PT Jaringan", "Jakarta", null)],
            [new CarbonCopy(Sekretaris.PositionId, Sekretaris.Title), new CarbonCopy(null, "Arsip")],
            [Chain(Kabid), Chain(Kasi)], Chain(Kepala));
        var letter = OutgoingLetter.Create(Guid.NewGuid(), Agency, "Dinas", LetterKind.NotaDinas, drafter, content, Now);
        letter.Submit(drafter, Now);
        letter.Return(new DraftingActor(Guid.NewGuid(), "Daniel", Kabid.PositionId, Kabid.Title, HoldingKind.Definitive), "Tambahkan tahun anggaran", Now);
        var file = new OutgoingFileInfo(Guid.NewGuid(), OutgoingFileKind.Attachment, "kak.pdf", "application/pdf", 2048);

        var model = DraftFormModel.From(letter, [file]);
        var cut = RenderForm(model);
        var notes = Render<ReturnNotes>(p => p.Add(x => x.Steps, letter.Steps));

        _defaultChains.ShouldBe(0);
        Input(cut, "draft-subject").GetAttribute("value").ShouldBe("Permohonan data");
        Input(cut, "draft-classification").GetAttribute("value").ShouldBe("000.1.5");
        cut.FindAll("[data-testid=draft-addressee-chip]").Select(c => c.TextContent.Trim()).ShouldBe([OtherHead.Title, "PT Jaringan"]);
        cut.FindAll("[data-testid=draft-copy-chip]").ShouldHaveSingleItem().TextContent.Trim().ShouldBe(Sekretaris.Title);
        Input(cut, "draft-copies").GetAttribute("value").ShouldBe("Arsip");
        ReviewerTitles(cut).ShouldBe([Kabid.Title, Kasi.Title]);
        cut.Find("[data-testid=draft-file]").TextContent.ShouldContain("kak.pdf");
        notes.Find("[data-testid=draft-return-text]").TextContent.ShouldBe("Tambahkan tahun anggaran");

        cut.Find("[data-testid=draft-save-submit]").Click();

        var input = _saved.ShouldHaveSingleItem().Input;
        input.ShouldSatisfyAllConditions(
            i => i.Subject.ShouldBe("Permohonan data"),
            i => i.SecurityClass.ShouldBe(SecurityClass.Terbatas),
            i => i.ReviewerPositionIds.ShouldBe([Kabid.PositionId, Kasi.PositionId]),
            i => i.SignerPositionId.ShouldBe(Kepala.PositionId),
            i => i.Addressees.Count.ShouldBe(2),
            i => i.CarbonCopies.ShouldBe([new CarbonCopyInput(Sekretaris.PositionId, null), new CarbonCopyInput(null, "Arsip")]),
            i => i.RemovedFileIds.ShouldNotBeNull().ShouldBeEmpty());
    }
}
