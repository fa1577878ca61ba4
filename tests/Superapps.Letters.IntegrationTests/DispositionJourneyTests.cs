using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Registration;
using Superapps.Notifications.Contracts;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>A letter's life in the demo city's Diskominfo: registered, read, disposed down two levels, reported, accepted, closed.</summary>
public sealed class DispositionJourneyTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Webm = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01];
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private ModuleServices _module = null!;
    private Guid _agency;
    private Guid _clerk;
    private PositionInfo _kepala = null!;
    private List<PositionInfo> _kabid = [];
    private PositionInfo _staf = null!;
    private Guid _outsider;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddLettersModule(), seedDemo: true, clock: _clock);
        await using var scope = _module.CreateScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        _agency = await organization.Agencies.Where(a => a.Code == "DISKOMINFO").Select(a => a.Id).SingleAsync(Ct);
        _clerk = await organization.Employees.Where(e => e.AgencyId == _agency).Select(e => e.Id).FirstAsync(Ct);
        var head = await organization.Positions.SingleAsync(p => p.AgencyId == _agency && p.IsHeadOfAgency, Ct);
        _kepala = (await directory.GetPositionAsync(head.Id, Ct))!;
        foreach (var id in await organization.Positions.Where(p => p.ReportsToId == head.Id && p.Level == PositionLevel.Kabid).Select(p => p.Id).ToListAsync(Ct))
        {
            if (await directory.GetPositionAsync(id, Ct) is { Holders.Count: > 0 } held)
            {
                _kabid.Add(held);
            }
        }

        var stafId = await organization.Positions.Where(p => p.ReportsToId != null && p.Level == PositionLevel.Staf && p.AgencyId == _agency)
            .Where(p => organization.Employees.Any(e => e.PositionId == p.Id))
            .Where(p => organization.Positions.Any(s => s.Id == p.ReportsToId && s.ReportsToId == _kabid[0].PositionId)
                || p.ReportsToId == _kabid[0].PositionId)
            .Select(p => p.Id).FirstAsync(Ct);
        _staf = (await directory.GetPositionAsync(stafId, Ct))!;
        _outsider = await organization.Employees.Where(e => e.AgencyId != _agency && e.PositionId != null).Select(e => e.Id).FirstAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _module.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<Viewer> ViewerAsync(Guid employeeId, bool keepsAgenda = false) =>
        WithAsync(async sp => (await sp.GetRequiredService<Viewers>().ForAsync(employeeId, keepsAgenda, Ct))!);

    private Task<RegisteredLetter> RegisterAsync(SecurityClass securityClass = SecurityClass.Biasa) => WithAsync(sp =>
        sp.GetRequiredService<LetterRegistration>().RegisterAsync(new Clerk(_clerk, "Pencatat", _agency), new RegisterIncomingLetter(Guid.NewGuid(),
            "Sekretariat Daerah Provinsi", "100.3.4/77/SETDA", new DateOnly(2026, 11, 20), "Pelaksanaan evaluasi SPBE 2026",
            securityClass, Urgency.SangatSegera, "000.1.5", _kepala.PositionId, LetterUpload.FromBytes("surat.pdf", Pdf), []), Ct));

    private Task<IReadOnlyList<Guid>> DisposeAsync(Viewer viewer, Guid letterId, Guid? parent, Guid from, IReadOnlyList<Guid> to, DateTimeOffset? deadline = null,
        LetterUpload? voice = null, Guid? requestId = null) =>
        WithAsync(sp => sp.GetRequiredService<LetterDesk>().DisposeAsync(viewer, new DisposeInput(requestId ?? Guid.NewGuid(), letterId, parent, from, to,
            ["Tindak lanjuti", "Koordinasikan"], "Siapkan paparan untuk rapat", deadline ?? Disposition.DefaultDeadline(Urgency.SangatSegera, _clock.GetUtcNow()), voice), Ct));

    private Task<LetterView> OpenAsync(Viewer viewer, Guid letterId) => WithAsync(sp => sp.GetRequiredService<LetterDesk>().OpenAsync(viewer, letterId, Ct));

    private RecordingNotifier Notifier => _module.Services.GetRequiredService<RecordingNotifier>();

    /// <summary>The one notice with this key; its recipients are exactly <paramref name="recipients"/>.</summary>
    private Notice NoticeFor(string key, NoticeTopic topic, params Guid[] recipients)
    {
        var notice = Notifier.Notices.Where(n => n.Key == key).ShouldHaveSingleItem();
        notice.Topic.ShouldBe(topic);
        notice.RecipientEmployeeIds.ShouldBe(recipients, ignoreOrder: true);
        return notice;
    }

    [Fact]
    public async Task A_letter_travels_down_the_hierarchy_and_closes_when_every_follow_up_is_accepted()
    {
        var letter = await RegisterAsync();
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var kabid = await ViewerAsync(_kabid[0].Holders[0].EmployeeId);
        var staf = await ViewerAsync(_staf.Holders[0].EmployeeId);

        var registered = NoticeFor($"letters.letter:{letter.Id}:registered", NoticeTopic.NewLetter, [.. _kepala.Holders.Select(h => h.EmployeeId)]);
        registered.Link.ShouldBe($"/surat/{letter.Id}");
        registered.Title.Indonesian.ShouldBe("Surat masuk baru: Pelaksanaan evaluasi SPBE 2026");
        registered.Title.English.ShouldBe("New letter: Pelaksanaan evaluasi SPBE 2026");
        registered.Sensitive.ShouldBeFalse();

        _clock.Advance(TimeSpan.FromMinutes(10));
        var opened = await OpenAsync(kepala, letter.Id);
        opened.Recipients.Single().ReadAt.ShouldBe(_clock.GetUtcNow());

        var top = await DisposeAsync(kepala, letter.Id, null, _kepala.PositionId, [_kabid[0].PositionId, _kabid[1].PositionId],
            voice: LetterUpload.FromBytes("instruksi.webm", Webm));
        top.Count.ShouldBe(2);
        foreach (var (id, kabidPosition) in top.Zip(_kabid))
        {
            var given = NoticeFor($"letters.disposition:{id}:given", NoticeTopic.NewDisposition, [.. kabidPosition.Holders.Select(h => h.EmployeeId)]);
            given.Title.Indonesian.ShouldBe("Disposisi baru: Pelaksanaan evaluasi SPBE 2026");
            given.Body!.Indonesian.ShouldContain("Tindak lanjuti, Koordinasikan");
            given.Link.ShouldBe($"/surat/{letter.Id}");
        }

        _clock.Advance(TimeSpan.FromMinutes(30));
        var kabidView = await OpenAsync(kabid, letter.Id);
        var received = kabidView.Tree.All.Single(d => d.ToPositionId == _kabid[0].PositionId);
        received.ReadAt.ShouldBe(_clock.GetUtcNow());
        kabidView.Files.ShouldContain(f => f.Kind == LetterFileKind.VoiceNote && f.ContentType == "audio/webm");

        var down = (await DisposeAsync(kabid, letter.Id, received.Id, _kabid[0].PositionId, [_staf.PositionId])).Single();
        await WithAsync(async sp =>
        {
            var desk = sp.GetRequiredService<LetterDesk>();
            await desk.CompleteAsync(staf, down, "Bahan paparan sudah disiapkan.", [LetterUpload.FromBytes("paparan.pdf", Pdf)], Ct);
            var reported = Notifier.To(kabid.EmployeeId).Where(n => n.Key.StartsWith($"letters.disposition:{down}:reported", StringComparison.Ordinal)).ShouldHaveSingleItem();
            reported.Topic.ShouldBe(NoticeTopic.FollowUp);
            reported.Body!.Indonesian.ShouldContain("Bahan paparan sudah disiapkan.");
            await desk.AcceptAsync(kabid, down, Ct);
            Notifier.To(staf.EmployeeId).ShouldContain(n => n.Key.StartsWith($"letters.disposition:{down}:accepted", StringComparison.Ordinal) && n.Topic == NoticeTopic.FollowUp);
            await desk.CompleteAsync(kabid, received.Id, "Koordinasi dengan bidang lain selesai.", [], Ct);
            await desk.AcceptAsync(kepala, received.Id, Ct);
            return 0;
        });

        var other = (await OpenAsync(kepala, letter.Id)).Tree.All.Single(d => d.ToPositionId == _kabid[1].PositionId);
        (await OpenAsync(kepala, letter.Id)).Letter.Status.ShouldBe(LetterStatus.Open);
        var otherKabid = await ViewerAsync(_kabid[1].Holders[0].EmployeeId);
        await WithAsync(async sp =>
        {
            var desk = sp.GetRequiredService<LetterDesk>();
            await desk.CompleteAsync(otherKabid, other.Id, "Sudah dipelajari.", [], Ct);
            await desk.AcceptAsync(kepala, other.Id, Ct);
            return 0;
        });

        var closed = await OpenAsync(kepala, letter.Id);
        closed.Letter.Status.ShouldBe(LetterStatus.Closed);
        DispositionTree.StateOf(closed.Tree.All.Single(d => d.Id == down), _clock.GetUtcNow()).ShouldBe(NodeState.Done);
        closed.History.Select(e => e.Action).ShouldContain("closed");
        closed.History.Select(e => e.Action).ShouldContain("disposed");
    }

    [Fact]
    public async Task Everyone_concerned_is_told_and_a_restricted_letter_only_with_neutral_titles()
    {
        var letter = await RegisterAsync(SecurityClass.Rahasia);
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var kabid = await ViewerAsync(_kabid[0].Holders[0].EmployeeId);
        var given = (await DisposeAsync(kepala, letter.Id, null, _kepala.PositionId, [_kabid[0].PositionId])).Single();
        await WithAsync(async sp =>
        {
            var desk = sp.GetRequiredService<LetterDesk>();
            await desk.CompleteAsync(kabid, given, "Sudah dikoordinasikan.", [], Ct);
            _clock.Advance(TimeSpan.FromMinutes(5));
            await desk.ReopenAsync(kepala, given, "Lengkapi dengan notulen rapat.", Ct);
            return 0;
        });

        NoticeFor($"letters.disposition:{given}:given", NoticeTopic.NewDisposition, [.. _kabid[0].Holders.Select(h => h.EmployeeId)])
            .Title.ShouldBe(new BilingualText("Disposisi baru (Rahasia)", "New disposition (Secret)"));
        Notifier.To(kepala.EmployeeId).ShouldContain(n => n.Key.StartsWith($"letters.disposition:{given}:reported", StringComparison.Ordinal));
        var reopened = Notifier.To(kabid.EmployeeId).Where(n => n.Key.StartsWith($"letters.disposition:{given}:reopened", StringComparison.Ordinal)).ShouldHaveSingleItem();
        reopened.Title.Indonesian.ShouldBe("Tindak lanjut dikembalikan (Rahasia)");

        var notices = Notifier.Notices.Where(n => n.Link == $"/surat/{letter.Id}").ToList();
        notices.Count.ShouldBe(4, "registered, disposed, reported, reopened");
        notices.ShouldAllBe(n => n.Sensitive);
        notices.ShouldAllBe(n => n.Body == null && !n.Title.Indonesian.Contains("evaluasi") && !n.Title.English.Contains("evaluasi"));
    }

    [Fact]
    public async Task Nobody_from_another_opd_sees_the_letter_and_nobody_disposes_outside_the_hierarchy()
    {
        var letter = await RegisterAsync();
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var outsider = await ViewerAsync(_outsider);

        (await Should.ThrowAsync<DomainRuleException>(() => OpenAsync(outsider, letter.Id))).Error.ShouldBe(LetterErrors.NotFound);
        var sideways = await Should.ThrowAsync<DomainRuleException>(() => DisposeAsync(kepala, letter.Id, null, _kepala.PositionId,
            [outsider.PositionIds.First()]));
        sideways.Error.ShouldBe(LetterErrors.RecipientNotBelow);
        var past = await Should.ThrowAsync<DomainRuleException>(() => DisposeAsync(kepala, letter.Id, null, _kepala.PositionId,
            [_kabid[0].PositionId], deadline: _clock.GetUtcNow().AddHours(-1)));
        past.Error.ShouldBe(LetterErrors.DeadlineInPast);
        var staf = await ViewerAsync(_staf.Holders[0].EmployeeId);
        (await Should.ThrowAsync<DomainRuleException>(() => DisposeAsync(staf, letter.Id, null, _staf.PositionId, [_kabid[0].PositionId])))
            .Error.ShouldBe(LetterErrors.NotFound);
    }

    [Fact]
    public async Task A_double_submitted_disposition_is_made_once_and_can_be_cancelled_only_while_unread()
    {
        var letter = await RegisterAsync(SecurityClass.Rahasia);
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var requestId = Guid.NewGuid();

        var first = await DisposeAsync(kepala, letter.Id, null, _kepala.PositionId, [_kabid[0].PositionId, _kabid[1].PositionId], requestId: requestId);
        var again = await DisposeAsync(kepala, letter.Id, null, _kepala.PositionId, [_kabid[0].PositionId, _kabid[1].PositionId], requestId: requestId);
        again.ShouldBe(first, ignoreOrder: true);

        await OpenAsync(await ViewerAsync(_kabid[0].Holders[0].EmployeeId), letter.Id);
        var view = await OpenAsync(kepala, letter.Id);
        var read = view.Tree.All.Single(d => d.ToPositionId == _kabid[0].PositionId);
        var unread = view.Tree.All.Single(d => d.ToPositionId == _kabid[1].PositionId);
        await WithAsync(async sp =>
        {
            var desk = sp.GetRequiredService<LetterDesk>();
            (await Should.ThrowAsync<DomainRuleException>(() => desk.CancelAsync(kepala, read.Id, Ct))).Error.ShouldBe(LetterErrors.CancelAfterRead);
            await desk.CancelAsync(kepala, unread.Id, Ct);
            return 0;
        });

        // A Rahasia letter: the cancelled recipient no longer sees it, and every view was logged.
        var cancelledRecipient = await ViewerAsync(_kabid[1].Holders[0].EmployeeId);
        await Should.ThrowAsync<DomainRuleException>(() => OpenAsync(cancelledRecipient, letter.Id));
        (await OpenAsync(kepala, letter.Id)).History.Count(e => e.Action == "viewed").ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Acting_on_a_disposition_someone_else_just_changed_gets_a_clear_conflict_and_keeps_their_work()
    {
        var letter = await RegisterAsync();
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var kabid = await ViewerAsync(_kabid[0].Holders[0].EmployeeId);
        var node = (await DisposeAsync(kepala, letter.Id, null, _kepala.PositionId, [_kabid[0].PositionId])).Single();
        await OpenAsync(kabid, letter.Id);

        // A second tab loaded the disposition before the report below was sent from the first.
        await using var secondTab = _module.CreateScope();
        var loaded = await secondTab.ServiceProvider.GetRequiredService<LettersDbContext>().Dispositions.SingleAsync(d => d.Id == node, Ct);
        loaded.Status.ShouldBe(DispositionStatus.Read);

        await WithAsync(async sp =>
        {
            await sp.GetRequiredService<LetterDesk>().CompleteAsync(kabid, node, "Sudah dilaksanakan.", [], Ct);
            return 0;
        });
        var conflict = await Should.ThrowAsync<DomainRuleException>(() => secondTab.ServiceProvider.GetRequiredService<LetterDesk>().StartAsync(kabid, node, Ct));

        conflict.Error.ShouldBe(LetterErrors.Concurrency);
        conflict.Error.Indonesian.ShouldNotBeNullOrWhiteSpace();
        conflict.Error.English.ShouldNotBeNullOrWhiteSpace();
        var saved = (await OpenAsync(kepala, letter.Id)).Tree.All.Single(d => d.Id == node);
        saved.Status.ShouldBe(DispositionStatus.Done);
        saved.Report.ShouldBe("Sudah dilaksanakan.");
    }

    [Fact]
    public async Task The_inbox_counts_and_finds_letters_by_subject_number_and_disposition_note()
    {
        var letter = await RegisterAsync();
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var kabid = await ViewerAsync(_kabid[0].Holders[0].EmployeeId);
        var outsider = await ViewerAsync(_outsider);

        var before = await WithAsync(sp => sp.GetRequiredService<Features.Inbox.InboxQueries>().CountersAsync(kepala, Ct));
        before.UnreadLetters.ShouldBe(1);
        before.LettersWithoutFollowUp.ShouldBe(1);

        await OpenAsync(kepala, letter.Id);
        await DisposeAsync(kepala, letter.Id, null, _kepala.PositionId, [_kabid[0].PositionId]);
        var after = await WithAsync(sp => sp.GetRequiredService<Features.Inbox.InboxQueries>().CountersAsync(kepala, Ct));
        var kabidCounters = await WithAsync(sp => sp.GetRequiredService<Features.Inbox.InboxQueries>().CountersAsync(kabid, Ct));
        after.UnreadLetters.ShouldBe(0);
        after.LettersWithoutFollowUp.ShouldBe(0);
        kabidCounters.UnreadDispositions.ShouldBe(1);

        async Task<int> FindAsync(Viewer viewer, string text) => (await WithAsync(sp => sp.GetRequiredService<Features.Inbox.InboxQueries>()
            .SearchAsync(viewer, new Features.Inbox.InboxSearch(text, null, null, Features.Inbox.InboxStatus.All, null, null, 0, 20, null, true), Ct))).Total;

        (await FindAsync(kepala, "evaluasi SPBE")).ShouldBe(1);
        (await FindAsync(kabid, "100.3.4/77")).ShouldBe(1);
        (await FindAsync(kabid, "paparan")).ShouldBe(1);
        (await FindAsync(kabid, "anggaran")).ShouldBe(0);
        (await FindAsync(outsider, "evaluasi")).ShouldBe(0);
    }
}
