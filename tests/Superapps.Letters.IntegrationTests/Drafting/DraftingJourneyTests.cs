using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Inbox;
using Superapps.Letters.Features.Numbering;
using Superapps.Letters.Features.Sending;
using Superapps.Letters.Features.Signing;
using Superapps.Notifications.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests.Drafting;

/// <summary>A nota dinas from a Diskominfo staff member through its reviewers to the Kepala's signature and another OPD head's inbox.</summary>
public sealed class DraftingJourneyTests(PostgresServer server) : IAsyncLifetime
{
    private DraftingWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await DraftingWorld.CreateAsync(server);
        var admin = await _world.ViewerAsync(DraftingWorld.HolderOf(_world.Kepala));
        await _world.WithAsync(sp => sp.GetRequiredService<NumberingSettings>().SaveAsync(admin, isAgencyAdministrator: true,
            new NumberingSettingsInput(LetterNumberFormat.DefaultTemplate, "DISKOMINFO", "Jalan Merdeka No. 1", null), Ct));
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private Task<Viewer> ViewerOf(Organization.Contracts.PositionInfo position) => _world.ViewerAsync(DraftingWorld.HolderOf(position));

    /// <summary>Drafted by the staff member and approved by every reviewer: waiting for the Kepala's signature.</summary>
    private async Task<(Guid Id, IReadOnlyList<Guid> Reviewers)> AtSignerAsync(IReadOnlyList<Features.Drafting.AddresseeInput>? addressees = null)
    {
        var staf = await ViewerOf(_world.Staf);
        var input = await _world.NotaDinasAsync(_world.Staf.PositionId, addressees: addressees);
        var id = await _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().CreateAsync(staf, input, Ct));
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().SubmitAsync(staf, id, (await _world.LoadAsync(id)).Version, Ct));
        foreach (var reviewer in input.ReviewerPositionIds)
        {
            var position = await _world.WithAsync(sp => sp.GetRequiredService<Organization.Contracts.IOrganizationDirectory>().GetPositionAsync(reviewer, Ct));
            var viewer = await ViewerOf(position!);
            await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().ApproveAsync(viewer, id, "Setuju", (await _world.LoadAsync(id)).Version, Ct));
        }

        return (id, input.ReviewerPositionIds);
    }

    private async Task<SigningResult> SignAsync(Viewer viewer, Guid id, string passphrase = FakeSigner.Passphrase) =>
        await _world.WithAsync(async sp => await sp.GetRequiredService<OutgoingLetterSigning>().SignAsync(viewer, id, passphrase, (await _world.LoadAsync(id)).Version, Ct));

    [Fact]
    public async Task A_nota_dinas_is_reviewed_signed_numbered_and_lands_in_the_addressed_OPD_heads_inbox()
    {
        var kabid = await ViewerOf(_world.Kabid);
        var (id, reviewers) = await AtSignerAsync();
        reviewers.ShouldContain(_world.Kabid.PositionId);
        reviewers.Count.ShouldBeGreaterThanOrEqualTo(1);

        var waiting = await _world.LoadAsync(id);
        waiting.State.ShouldBe(OutgoingLetterState.AwaitingSignature);
        waiting.Number.ShouldBe("000.1.5/1/DISKOMINFO/2026");
        waiting.BodyHtml.ShouldNotContain("script");
        waiting.Steps.Count(s => s.Action == DraftStepAction.Approved).ShouldBe(reviewers.Count);
        var kepala = await ViewerOf(_world.Kepala);
        (await _world.WithAsync(sp => sp.GetRequiredService<InboxQueries>().CountersAsync(kepala, Ct))).DraftsToSign.ShouldBe(1);
        _world.Module.Services.GetRequiredService<RecordingNotifier>().Notices
            .ShouldContain(n => n.Key == $"letters.draft:{id}:sign:1" && n.Topic == NoticeTopic.DraftLetter && n.RecipientEmployeeIds.Contains(kepala.EmployeeId));

        var result = await SignAsync(kepala, id);

        result.Sent.ShouldBeTrue();
        var sent = await _world.LoadAsync(id);
        sent.State.ShouldBe(OutgoingLetterState.Sent);
        sent.SignedByTitle.ShouldBe(_world.Kepala.Title);
        sent.LetterDate.ShouldBe(new DateOnly(2026, 11, 23));
        var document = _world.Renderer.Documents[^1];
        document.Signature.IsSigned.ShouldBeTrue();
        document.Number.ShouldBe("000.1.5/1/DISKOMINFO/2026");
        document.VerificationUrl!.ToString().ShouldEndWith(sent.VerificationCode!);
        _world.Signer.Requests.ShouldHaveSingleItem().Document.SourceId.ShouldBe(id);

        await using var scope = _world.Module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        (await db.LetterNumbers.SingleAsync(n => n.OutgoingLetterId == id, Ct)).Status.ShouldBe(LetterNumberStatus.Used);
        var signedFile = await db.OutgoingLetterFiles.SingleAsync(f => f.OutgoingLetterId == id && f.Kind == OutgoingFileKind.SignedLetter, Ct);
        signedFile.Sha256.ShouldBe(sent.SignedSha256);
        signedFile.Content[^FakeSigner.Marker.Length..].ShouldBe(FakeSigner.Marker);

        var head = await ViewerOf(_world.OtherHead);
        var inbox = await scope.ServiceProvider.GetRequiredService<InboxQueries>().SearchAsync(head,
            new InboxSearch(null, null, null, InboxStatus.All, null, null, 0, 20, null, true), Ct);
        var row = inbox.Items.ShouldHaveSingleItem();
        row.SenderNumber.ShouldBe("000.1.5/1/DISKOMINFO/2026");
        row.Subject.ShouldBe("Permohonan data pembangunan");
        (await db.Files.SingleAsync(f => f.LetterId == row.LetterId, Ct)).Content.ShouldBe(signedFile.Content);
        scope.ServiceProvider.GetRequiredService<AuditRecorder>().Events.Select(e => e.Action)
            .ShouldContain(a => a == "draft.signed" || a == "draft.sent");
        (await scope.ServiceProvider.GetRequiredService<InboxQueries>().CountersAsync(kabid, Ct)).DraftsToReview.ShouldBe(0);
    }

    [Fact]
    public async Task A_wrong_passphrase_leaves_the_letter_and_its_number_exactly_as_they_were()
    {
        var (id, _) = await AtSignerAsync();
        var before = await _world.LoadAsync(id);
        var kepala = await ViewerOf(_world.Kepala);

        var error = await Should.ThrowAsync<DomainRuleException>(() => SignAsync(kepala, id, "salah"));

        error.Error.ShouldBe(FakeSigner.WrongPassphrase);
        var after = await _world.LoadAsync(id);
        after.State.ShouldBe(OutgoingLetterState.AwaitingSignature);
        after.Version.ShouldBe(before.Version);
        after.Steps.Count.ShouldBe(before.Steps.Count);
        await using var scope = _world.Module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        (await db.LetterNumbers.SingleAsync(n => n.OutgoingLetterId == id, Ct)).Status.ShouldBe(LetterNumberStatus.Reserved);
        (await db.OutgoingLetterFiles.CountAsync(f => f.OutgoingLetterId == id, Ct)).ShouldBe(0);

        (await SignAsync(kepala, id)).Sent.ShouldBeTrue();
    }

    [Fact]
    public async Task Someone_who_does_not_hold_the_signing_position_is_refused_before_anything_is_signed()
    {
        var (id, _) = await AtSignerAsync();
        var attempts = _world.Signer.Attempts;
        var staf = await ViewerOf(_world.Staf);
        var kabid = await ViewerOf(_world.Kabid);

        (await Should.ThrowAsync<DomainRuleException>(() => SignAsync(kabid, id))).Error.ShouldBe(DraftingErrors.NotSigner);
        (await Should.ThrowAsync<DomainRuleException>(() => SignAsync(staf, id))).Error.ShouldBe(DraftingErrors.NotSigner);
        var outsider = await ViewerOf(_world.OtherHead);
        (await Should.ThrowAsync<DomainRuleException>(() => SignAsync(outsider, id))).Error.ShouldBe(DraftingErrors.NotFound);

        _world.Signer.Attempts.ShouldBe(attempts);
        (await _world.LoadAsync(id)).State.ShouldBe(OutgoingLetterState.AwaitingSignature);
    }

    [Fact]
    public async Task A_failed_sending_leaves_it_signed_and_sending_again_delivers_each_letter_once()
    {
        var (id, _) = await AtSignerAsync([Features.Drafting.AddresseeInput.ToAgency(_world.OtherAgency),
            Features.Drafting.AddresseeInput.External("PT Jaringan Nusantara", "Jalan Sudirman 5, Jakarta", "surat@jaringan.example")]);
        _world.Mailer.Failing = true;
        var kepala = await ViewerOf(_world.Kepala);

        (await SignAsync(kepala, id)).Sent.ShouldBeFalse();

        var signed = await _world.LoadAsync(id);
        signed.State.ShouldBe(OutgoingLetterState.Signed);
        signed.SendError.ShouldNotBeNull();
        var staf = await ViewerOf(_world.Staf);
        (await _world.WithAsync(sp => sp.GetRequiredService<InboxQueries>().CountersAsync(staf, Ct))).SignedNotSent.ShouldBe(1);
        (await Should.ThrowAsync<DomainRuleException>(() => _world.WithAsync(sp => sp.GetRequiredService<OutgoingLetterSending>().SendAsync(staf, id, Ct))))
            .Error.ShouldBe(DraftingErrors.SendFailed);
        var outsider = await ViewerOf(_world.OtherHead);
        (await Should.ThrowAsync<DomainRuleException>(() => _world.WithAsync(sp => sp.GetRequiredService<OutgoingLetterSending>().SendAsync(outsider, id, Ct))))
            .Error.ShouldBe(DraftingErrors.NotFound);

        _world.Mailer.Failing = false;
        await _world.WithAsync(sp => sp.GetRequiredService<OutgoingLetterSending>().SendAsync(staf, id, Ct));

        (await _world.LoadAsync(id)).State.ShouldBe(OutgoingLetterState.Sent);
        _world.Mailer.Sent.ShouldHaveSingleItem().ToEmail.ShouldBe("surat@jaringan.example");
        await using var scope = _world.Module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        var source = OutgoingLetterSending.SourceId(id, _world.OtherHead.PositionId);
        (await db.Letters.CountAsync(l => l.SourceId == source, Ct)).ShouldBe(1);
        (await scope.ServiceProvider.GetRequiredService<InboxQueries>().CountersAsync(staf, Ct)).SignedNotSent.ShouldBe(0);
    }

    [Fact]
    public async Task A_returned_draft_shows_the_changes_as_a_diff_and_the_signers_return_voids_the_number()
    {
        var (id, reviewers) = await AtSignerAsync();
        var kepala = await ViewerOf(_world.Kepala);
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().ReturnAsync(kepala, id, "Tambahkan tahun anggaran", (await _world.LoadAsync(id)).Version, Ct));

        var staf = await ViewerOf(_world.Staf);
        var input = await _world.NotaDinasAsync(_world.Staf.PositionId, body: "<p>Mohon dukungan data pembangunan tahun 2027 untuk <b>SPBE</b>.</p>");
        var stale = (await _world.LoadAsync(id)).Version;
        await _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().SaveAsync(staf, id, input, stale, Ct));
        // A second tab still showing the version before that save: a clear conflict, and the saved text is kept.
        (await Should.ThrowAsync<DomainRuleException>(() => _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().SaveAsync(staf, id,
            input with { Subject = "Judul dari tab lama" }, stale, Ct)))).Error.ShouldBe(DraftingErrors.Concurrency);
        (await _world.LoadAsync(id)).BodyText.ShouldContain("2027");
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().SubmitAsync(staf, id, (await _world.LoadAsync(id)).Version, Ct));

        var first = await ViewerOf((await _world.WithAsync(sp => sp.GetRequiredService<Organization.Contracts.IOrganizationDirectory>().GetPositionAsync(reviewers[0], Ct)))!);
        var view = await _world.WithAsync(sp => sp.GetRequiredService<DraftQueries>().GetAsync(first, id, Ct));
        view.Actions.Approve.ShouldBeTrue();
        view.Actions.Sign.ShouldBeFalse();
        view.Diff!.ShouldContain(new DiffSegment(DiffKind.Inserted, "tahun 2027"));
        await using var scope = _world.Module.CreateScope();
        var number = await scope.ServiceProvider.GetRequiredService<LettersDbContext>().LetterNumbers.SingleAsync(n => n.OutgoingLetterId == id, Ct);
        number.Status.ShouldBe(LetterNumberStatus.Void);
        number.Reason!.ShouldContain("Tambahkan tahun anggaran");
        var outsider = await ViewerOf(_world.OtherHead);
        (await Should.ThrowAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<DraftQueries>().GetAsync(outsider, id, Ct)))
            .Error.ShouldBe(DraftingErrors.NotFound);
    }
}
