using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Registration;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests.Drafting;

/// <summary>
/// The drafter edits a returned draft as the portal's edit form does, with one desk for the whole visit (a Blazor circuit keeps its
/// scope): files added and removed, copies to positions, the reviewers reordered, saved with the version seen, then submitted.
/// </summary>
public sealed class DraftEditingTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[64]];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]];

    private DraftingWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await DraftingWorld.CreateAsync(server);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private Task<Viewer> ViewerOf(Organization.Contracts.PositionInfo position) => _world.ViewerAsync(DraftingWorld.HolderOf(position));

    /// <summary>Created with one attachment and submitted in <paramref name="drafterScope"/>, then returned by the first reviewer elsewhere.</summary>
    private async Task<(Guid Id, DraftInput Input)> ReturnedAsync(IServiceProvider drafterScope, Viewer staf)
    {
        var input = await _world.NotaDinasAsync(_world.Staf.PositionId) with { NewFiles = [LetterUpload.FromBytes("kak.pdf", Pdf)] };
        var desk = drafterScope.GetRequiredService<DraftingDesk>();
        var queries = drafterScope.GetRequiredService<DraftQueries>();
        var id = await desk.CreateAsync(staf, input, Ct);
        await desk.SubmitAsync(staf, id, (await queries.GetAsync(staf, id, Ct)).Letter.Version, Ct);
        var first = (await _world.WithAsync(sp => sp.GetRequiredService<Organization.Contracts.IOrganizationDirectory>().GetPositionAsync(input.ReviewerPositionIds[0], Ct)))!;
        var reviewer = await ViewerOf(first);
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().ReturnAsync(reviewer, id, "Tambahkan tahun anggaran", (await _world.LoadAsync(id)).Version, Ct));
        return (id, input);
    }

    [Fact]
    public async Task A_returned_draft_is_edited_and_resubmitted_from_the_same_visit_with_files_copies_and_a_new_reviewer_order()
    {
        var staf = await ViewerOf(_world.Staf);
        await using var visit = _world.Module.CreateScope();
        var desk = visit.ServiceProvider.GetRequiredService<DraftingDesk>();
        var queries = visit.ServiceProvider.GetRequiredService<DraftQueries>();
        var (id, input) = await ReturnedAsync(visit.ServiceProvider, staf);

        // The edit page reads the draft as it is now, through the same visit's scope.
        var view = await queries.GetAsync(staf, id, Ct);
        view.Letter.State.ShouldBe(OutgoingLetterState.Returned);
        view.Actions.Edit.ShouldBeTrue();
        var attachment = view.Files.ShouldHaveSingleItem();
        input.ReviewerPositionIds.Count.ShouldBeGreaterThan(1, "the staff member's default chain has a Kasi and a Kabid to reorder");
        IReadOnlyList<Guid> reordered = [.. input.ReviewerPositionIds.Reverse()];
        var edited = input with
        {
            BodyHtml = "<p>Mohon dukungan data pembangunan tahun anggaran 2027.</p>",
            CarbonCopies = [new CarbonCopyInput(_world.Kepala.PositionId, null), new CarbonCopyInput(null, "Arsip")],
            ReviewerPositionIds = reordered,
            NewFiles = [LetterUpload.FromBytes("denah.png", Png)],
            RemovedFileIds = [attachment.Id],
        };

        var version = await desk.SaveAsync(staf, id, edited, view.Letter.Version, Ct);
        await desk.SubmitAsync(staf, id, version, Ct);

        var letter = await _world.LoadAsync(id);
        letter.State.ShouldBe(OutgoingLetterState.InReview);
        letter.VersionNumber.ShouldBe(2);
        letter.BodyText.ShouldContain("2027");
        letter.Reviewers.Select(r => r.PositionId).ShouldBe(reordered);
        letter.CurrentPositionId.ShouldBe(reordered[0]);
        letter.CarbonCopies.ShouldBe([new CarbonCopy(_world.Kepala.PositionId, _world.Kepala.Title), new CarbonCopy(null, "Arsip")]);
        var files = await visit.ServiceProvider.GetRequiredService<LettersDbContext>().OutgoingLetterFiles.AsNoTracking()
            .Where(f => f.OutgoingLetterId == id).Select(f => new { f.FileName, f.ContentType }).ToListAsync(Ct);
        files.ShouldHaveSingleItem().ShouldBe(new { FileName = "denah.png", ContentType = FileSniffer.Png });
        var audit = _world.Module.Audit.Events;
        audit.ShouldContain(e => e.Action == "draft.saved" && e.EntityId == id.ToString());
    }

    [Fact]
    public async Task A_refused_file_saves_nothing_and_the_next_save_from_the_same_visit_starts_from_the_stored_draft()
    {
        var staf = await ViewerOf(_world.Staf);
        await using var visit = _world.Module.CreateScope();
        var desk = visit.ServiceProvider.GetRequiredService<DraftingDesk>();
        var (id, input) = await ReturnedAsync(visit.ServiceProvider, staf);
        var before = await _world.LoadAsync(id);

        var refused = await Should.ThrowAsync<DomainRuleException>(() => desk.SaveAsync(staf, id,
            input with { Subject = "Judul yang belum tersimpan", NewFiles = [LetterUpload.FromBytes("virus.exe", "MZ not a pdf"u8.ToArray())] }, before.Version, Ct));

        refused.Error.ShouldBe(LetterErrors.FileType("virus.exe", "files"));
        refused.Error.English.ShouldNotBeNullOrWhiteSpace();
        var after = await _world.LoadAsync(id);
        after.Subject.ShouldBe(before.Subject);
        after.Version.ShouldBe(before.Version);

        // The abandoned attempt left nothing behind in the visit's scope: a plain save of other content stores only that.
        await desk.SaveAsync(staf, id, input with { Attachments = "1 (satu) berkas", NewFiles = null }, before.Version, Ct);
        var saved = await _world.LoadAsync(id);
        saved.Subject.ShouldBe(before.Subject);
        saved.Attachments.ShouldBe("1 (satu) berkas");
    }

    [Fact]
    public async Task Only_the_drafter_may_save_a_returned_draft_and_others_get_the_existing_messages()
    {
        var staf = await ViewerOf(_world.Staf);
        await using var visit = _world.Module.CreateScope();
        var (id, input) = await ReturnedAsync(visit.ServiceProvider, staf);
        var version = (await _world.LoadAsync(id)).Version;
        var kabid = await ViewerOf(_world.Kabid);
        var outsider = await ViewerOf(_world.OtherHead);

        var kabidView = await _world.WithAsync(sp => sp.GetRequiredService<DraftQueries>().GetAsync(kabid, id, Ct));
        kabidView.Actions.Edit.ShouldBeFalse();
        (await Should.ThrowAsync<DomainRuleException>(() => _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().SaveAsync(kabid, id,
            input with { Subject = "Diubah pemeriksa" }, version, Ct)))).Error.ShouldBe(DraftingErrors.NotDrafter);
        (await Should.ThrowAsync<DomainRuleException>(() => _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().SaveAsync(outsider, id,
            input with { Subject = "Diubah orang luar" }, version, Ct)))).Error.ShouldBe(DraftingErrors.NotFound);

        (await _world.LoadAsync(id)).Subject.ShouldBe(input.Subject);
    }
}
