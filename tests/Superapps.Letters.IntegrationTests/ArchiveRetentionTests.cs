using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Registration;
using Superapps.Letters.Features.Retention;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>The archive index (incoming and outgoing letters), its search and visibility, and retention with recorded decisions.</summary>
public sealed class ArchiveRetentionTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly RecordingEraser _eraser = new();
    private ModuleServices _module = null!;
    private Guid _agency;
    private Guid _clerk;
    private Guid _kepalaPosition;
    private Guid _kepala;
    private PositionInfo _kabid = null!;
    private Guid _staffOfOtherBidang;
    private Guid _otherAgency;
    private Guid _otherClerk;
    private Guid _otherHead;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddLettersModule().AddSingleton<IArchivedOutgoingEraser>(_eraser),
            seedDemo: true, clock: _clock);
        await using var scope = _module.CreateScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        _agency = await organization.Agencies.Where(a => a.Code == "DISKOMINFO").Select(a => a.Id).SingleAsync(Ct);
        _clerk = await organization.Employees.Where(e => e.AgencyId == _agency && organization.Positions.Any(p => p.Id == e.PositionId && p.Level == PositionLevel.Staf))
            .OrderBy(e => e.Name).Select(e => e.Id).FirstAsync(Ct);
        var head = await organization.Positions.SingleAsync(p => p.AgencyId == _agency && p.IsHeadOfAgency, Ct);
        _kepalaPosition = head.Id;
        _kepala = (await directory.GetPositionAsync(head.Id, Ct))!.Holders[0].EmployeeId;
        foreach (var id in await organization.Positions.Where(p => p.ReportsToId == head.Id && p.Level == PositionLevel.Kabid).Select(p => p.Id).ToListAsync(Ct))
        {
            if (await directory.GetPositionAsync(id, Ct) is { Holders.Count: > 0 } held)
            {
                _kabid = held;
                break;
            }
        }

        _staffOfOtherBidang = await organization.Employees.Where(e => e.AgencyId == _agency && e.Id != _clerk && e.Id != _kepala
                && e.Id != _kabid.Holders[0].EmployeeId && organization.Positions.Any(p => p.Id == e.PositionId && p.Level == PositionLevel.Staf))
            .OrderByDescending(e => e.Name).Select(e => e.Id).FirstAsync(Ct);
        var otherHead = await organization.Positions.Where(p => p.AgencyId != _agency && p.IsHeadOfAgency).OrderBy(p => p.Title).FirstAsync(Ct);
        _otherAgency = otherHead.AgencyId;
        _otherHead = otherHead.Id;
        _otherClerk = await organization.Employees.Where(e => e.AgencyId == _otherAgency).OrderBy(e => e.Name).Select(e => e.Id).FirstAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _module.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<Viewer> ViewerAsync(Guid employeeId, bool keepsAgenda) =>
        WithAsync(async sp => (await sp.GetRequiredService<Viewers>().ForAsync(employeeId, keepsAgenda, Ct))!);

    private Task<RegisteredLetter> RegisterAsync(string subject, SecurityClass securityClass = SecurityClass.Biasa, string code = "000.1.5",
        string sender = "Sekretariat Daerah Provinsi", bool otherOpd = false) => WithAsync(sp =>
        sp.GetRequiredService<LetterRegistration>().RegisterAsync(
            otherOpd ? new Clerk(_otherClerk, "Pencatat lain", _otherAgency) : new Clerk(_clerk, "Pencatat", _agency),
            new RegisterIncomingLetter(Guid.NewGuid(), sender, "100.3.4/SETDA", new DateOnly(2026, 11, 20), subject,
                securityClass, Urgency.Biasa, code, otherOpd ? _otherHead : _kepalaPosition, LetterUpload.FromBytes("surat.pdf", Pdf), []), Ct));

    /// <summary>Kepala disposes to the Kabid, who reports; Kepala accepts: the letter closes. Returns the disposition.</summary>
    private async Task<Guid> CloseAsync(Guid letterId)
    {
        var kepala = await ViewerAsync(_kepala, keepsAgenda: false);
        var kabid = await ViewerAsync(_kabid.Holders[0].EmployeeId, keepsAgenda: false);
        return await WithAsync(async sp =>
        {
            var desk = sp.GetRequiredService<LetterDesk>();
            var node = (await desk.DisposeAsync(kepala, new DisposeInput(Guid.NewGuid(), letterId, null, _kepalaPosition, [_kabid.PositionId], ["Laksanakan"], null, null, null), Ct))[0];
            await desk.CompleteAsync(kabid, node, "Sudah dilaksanakan.", [LetterUpload.FromBytes("laporan.pdf", Pdf)], Ct);
            await desk.AcceptAsync(kepala, node, Ct);
            return node;
        });
    }

    private Task<ArchiveEntry?> EntryAsync(ArchiveKind kind, Guid sourceId) =>
        WithAsync(sp => sp.GetRequiredService<LettersDbContext>().ArchiveEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Kind == kind && e.SourceId == sourceId, Ct));

    private Task<ArchiveLines> SearchAsync(Viewer viewer, ArchiveSearch search) =>
        WithAsync(sp => sp.GetRequiredService<ArchiveQueries>().SearchAsync(viewer, search, Ct));

    private ArchivedOutgoing Outgoing(string subject, string code = "000.1.2", DateTimeOffset? sentAt = null, SecurityClass securityClass = SecurityClass.Biasa,
        string addressees = "Kepala Dinas Pendidikan", string? body = null, Guid? agency = null, Guid[]? positions = null)
    {
        var sent = sentAt ?? _clock.GetUtcNow();
        return new ArchivedOutgoing(Guid.NewGuid(), agency ?? _agency, $"{code}/{Random.Shared.Next(1, 9999)}/Diskominfo/{Wib.ToWib(sent).Year}",
            DateOnly.FromDateTime(Wib.ToWib(sent).DateTime), sent, subject, addressees, code, securityClass, Guid.NewGuid(), body,
            positions ?? [_kabid.PositionId]);
    }

    private Task<int> RecordAsync(params ArchivedOutgoing[] letters) => WithAsync(async sp =>
    {
        foreach (var letter in letters)
        {
            await sp.GetRequiredService<ArchiveIndex>().RecordOutgoingAsync(letter, Ct);
        }

        return 0;
    });

    [Fact]
    public async Task Closing_an_incoming_letter_indexes_it_with_its_retention_and_reopening_removes_it()
    {
        var letter = await RegisterAsync("Undangan sosialisasi keamanan siber");
        (await EntryAsync(ArchiveKind.Incoming, letter.Id)).ShouldBeNull();

        var node = await CloseAsync(letter.Id);
        var entry = (await EntryAsync(ArchiveKind.Incoming, letter.Id)).ShouldNotBeNull();
        entry.AgencyId.ShouldBe(_agency);
        entry.Number.ShouldBe(letter.AgendaLabel);
        entry.ReferenceNumber.ShouldBe("100.3.4/SETDA");
        entry.Subject.ShouldBe("Undangan sosialisasi keamanan siber");
        entry.Correspondent.ShouldBe("Sekretariat Daerah Provinsi");
        entry.ClosedAt.ShouldBe(_clock.GetUtcNow());
        entry.VisiblePositions.ShouldBe([_kepalaPosition, _kabid.PositionId], ignoreOrder: true);
        var scan = await WithAsync(sp => sp.GetRequiredService<LettersDbContext>().Files.Where(f => f.LetterId == letter.Id && f.Kind == LetterFileKind.Letter).Select(f => f.Id).SingleAsync(Ct));
        entry.FileId.ShouldBe(scan);
        // 000.1.5 has no line of its own: it inherits 000 (2 years active, 3 inactive, destroy), counted from the WIB day it closed.
        entry.ActiveUntil.ShouldBe(new DateOnly(2028, 11, 23));
        entry.InactiveUntil.ShouldBe(new DateOnly(2031, 11, 23));
        entry.Fate.ShouldBe(RetentionFate.Destroy);
        entry.DisposalStatus.ShouldBe(DisposalStatus.Active);

        var kepala = await ViewerAsync(_kepala, keepsAgenda: false);
        await WithAsync(async sp =>
        {
            await sp.GetRequiredService<LetterDesk>().ReopenAsync(kepala, node, "Laporan belum lengkap", Ct);
            return 0;
        });
        (await EntryAsync(ArchiveKind.Incoming, letter.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task An_outgoing_letter_is_indexed_directly_and_found_by_its_text()
    {
        var letter = Outgoing("Permohonan data pelanggan jaringan", code: "100.3.4", body: "Sehubungan dengan pemetaan serat optik kecamatan ...",
            addressees: "Kepala Dinas Pendidikan; Camat Kota Baru", positions: [_kabid.PositionId, _kepalaPosition]);
        await RecordAsync(letter);
        await RecordAsync(letter with { Subject = "Permohonan data pelanggan jaringan (ralat)" }); // repeated: one entry, updated

        var entry = (await EntryAsync(ArchiveKind.Outgoing, letter.OutgoingLetterId)).ShouldNotBeNull();
        entry.Subject.ShouldBe("Permohonan data pelanggan jaringan (ralat)");
        entry.FileId.ShouldBe(letter.PdfFileId);
        entry.ActiveUntil.ShouldBe(new DateOnly(2031, 11, 23)); // 100.3: 5 + 10 years, permanent
        entry.InactiveUntil.ShouldBe(new DateOnly(2041, 11, 23));
        entry.Fate.ShouldBe(RetentionFate.Permanent);

        var kabid = await ViewerAsync(_kabid.Holders[0].EmployeeId, keepsAgenda: false);
        var found = (await SearchAsync(kabid, new ArchiveSearch("serat optik"))).Items.ShouldHaveSingleItem();
        found.Kind.ShouldBe(ArchiveKind.Outgoing);
        found.Href.ShouldBe($"/surat/konsep/{letter.OutgoingLetterId}");
        found.PdfHref.ShouldBe($"/surat/konsep/berkas/{letter.PdfFileId}");
        (await SearchAsync(kabid, new ArchiveSearch("\"serat optik\" -kecamatan"))).Total.ShouldBe(0);

        var incomplete = await Should.ThrowAsync<DomainRuleException>(() => RecordAsync(letter with { Number = " " }));
        incomplete.Error.ShouldBe(ArchiveErrors.OutgoingIncomplete);
    }

    [Fact]
    public async Task Retention_dates_follow_the_nearest_scheduled_code()
    {
        var planning = Outgoing("RPJMD", code: "000.7.1");
        var personnel = Outgoing("Kenaikan pangkat", code: "800.1.2.3");
        var unknown = Outgoing("Kode kota sendiri", code: "999.1");
        var general = Outgoing("Surat biasa", code: "000.10.1"); // not under 000.1: inherits 000
        await RecordAsync(planning, personnel, unknown, general);

        (await EntryAsync(ArchiveKind.Outgoing, planning.OutgoingLetterId))!.ShouldSatisfyAllConditions(
            e => e.ActiveUntil.ShouldBe(new DateOnly(2031, 11, 23)), e => e.InactiveUntil.ShouldBe(new DateOnly(2041, 11, 23)), e => e.Fate.ShouldBe(RetentionFate.Permanent));
        (await EntryAsync(ArchiveKind.Outgoing, personnel.OutgoingLetterId))!.ShouldSatisfyAllConditions(
            e => e.ActiveUntil.ShouldBe(new DateOnly(2031, 11, 23)), e => e.InactiveUntil.ShouldBe(new DateOnly(2056, 11, 23)), e => e.Fate.ShouldBe(RetentionFate.Review));
        (await EntryAsync(ArchiveKind.Outgoing, unknown.OutgoingLetterId))!.ShouldSatisfyAllConditions(
            e => e.ActiveUntil.ShouldBeNull(), e => e.InactiveUntil.ShouldBeNull(), e => e.Fate.ShouldBeNull());
        (await EntryAsync(ArchiveKind.Outgoing, general.OutgoingLetterId))!.Fate.ShouldBe(RetentionFate.Destroy);

        // A line the city adds later applies to entries that had none, at the next start (the seeder).
        await WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<LettersDbContext>();
            db.RetentionSchedules.Add(new RetentionSchedule { Code = "999", ActiveYears = 1, InactiveYears = 1, Fate = RetentionFate.Destroy });
            await db.SaveChangesAsync(Ct);
            return await ArchiveIndex.ApplyMissingRetentionAsync(db, Ct);
        });
        (await EntryAsync(ArchiveKind.Outgoing, unknown.OutgoingLetterId))!.InactiveUntil.ShouldBe(new DateOnly(2028, 11, 23));

        // A changed line re-dates the entries under its code (and only those).
        await WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<LettersDbContext>();
            var line = await db.RetentionSchedules.SingleAsync(s => s.Code == "000.7", Ct);
            line.ActiveYears = 1;
            line.Fate = RetentionFate.Destroy;
            await db.SaveChangesAsync(Ct);
            return await ArchiveIndex.ReapplyRetentionAsync(db, "000.7", Ct);
        });
        (await EntryAsync(ArchiveKind.Outgoing, planning.OutgoingLetterId))!.ShouldSatisfyAllConditions(
            e => e.ActiveUntil.ShouldBe(new DateOnly(2027, 11, 23)), e => e.InactiveUntil.ShouldBe(new DateOnly(2037, 11, 23)), e => e.Fate.ShouldBe(RetentionFate.Destroy));
        (await EntryAsync(ArchiveKind.Outgoing, general.OutgoingLetterId))!.ActiveUntil.ShouldBe(new DateOnly(2028, 11, 23));
    }

    [Fact]
    public async Task The_archive_searches_full_text_and_metadata_with_paging_and_sorting()
    {
        var incoming = await RegisterAsync("Undangan rapat koordinasi jaringan", sender: "Badan Siber dan Sandi Negara");
        await CloseAsync(incoming.Id);
        var old = Outgoing("Laporan jaringan tahunan", code: "000.1.2", sentAt: new DateTimeOffset(2024, 3, 5, 3, 0, 0, TimeSpan.Zero), addressees: "Sekretaris Daerah");
        var legal = Outgoing("Rancangan peraturan wali kota tentang SPBE", code: "100.3.1", addressees: "Bagian Hukum Setda");
        var secret = Outgoing("Audit keamanan jaringan", code: "000.1.2", securityClass: SecurityClass.Rahasia, addressees: "Inspektorat");
        await RecordAsync(old, legal, secret);
        var kabid = await ViewerAsync(_kabid.Holders[0].EmployeeId, keepsAgenda: false);

        (await SearchAsync(kabid, new ArchiveSearch())).Total.ShouldBe(4);
        (await SearchAsync(kabid, new ArchiveSearch("jaringan"))).Total.ShouldBe(3);
        (await SearchAsync(kabid, new ArchiveSearch("jaringan", Kind: ArchiveKind.Incoming))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(incoming.Id);
        (await SearchAsync(kabid, new ArchiveSearch("siber sandi"))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(incoming.Id);
        (await SearchAsync(kabid, new ArchiveSearch(incoming.AgendaLabel))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(incoming.Id);
        (await SearchAsync(kabid, new ArchiveSearch(Year: 2024))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(old.OutgoingLetterId);
        (await SearchAsync(kabid, new ArchiveSearch(From: new DateOnly(2024, 3, 5), To: new DateOnly(2024, 3, 5)))).Total.ShouldBe(1);
        (await SearchAsync(kabid, new ArchiveSearch(ClassificationPrefix: "100.3"))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(legal.OutgoingLetterId);
        (await SearchAsync(kabid, new ArchiveSearch(ClassificationPrefix: "000.1"))).Total.ShouldBe(3);
        (await SearchAsync(kabid, new ArchiveSearch(ClassificationPrefix: "000.1.2"))).Total.ShouldBe(2);
        (await SearchAsync(kabid, new ArchiveSearch(Correspondent: "hukum"))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(legal.OutgoingLetterId);
        (await SearchAsync(kabid, new ArchiveSearch(SecurityClass: SecurityClass.Rahasia))).Items.ShouldHaveSingleItem().Masked.ShouldBeFalse();

        var byDate = await SearchAsync(kabid, new ArchiveSearch(PageSize: 2, SortBy: "date", Descending: false));
        byDate.Total.ShouldBe(4);
        byDate.Items[0].LetterId.ShouldBe(old.OutgoingLetterId);
        (await SearchAsync(kabid, new ArchiveSearch(Page: 1, PageSize: 3, SortBy: "date", Descending: false))).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Each_person_sees_their_own_archive_and_the_clerk_sees_the_opds_with_restricted_letters_masked()
    {
        var open = await RegisterAsync("Undangan pelatihan");
        await CloseAsync(open.Id);
        var secret = await RegisterAsync("Penyelidikan pengadaan server", SecurityClass.Rahasia, sender: "Inspektorat Jenderal");
        await CloseAsync(secret.Id);
        var outgoingSecret = Outgoing("Laporan insiden kebocoran data", securityClass: SecurityClass.Terbatas, positions: [_kepalaPosition]);
        await RecordAsync(outgoingSecret);
        var otherOpd = Outgoing("Surat dinas lain", agency: _otherAgency, positions: [_otherHead]);
        await RecordAsync(otherOpd);

        var kepala = await ViewerAsync(_kepala, keepsAgenda: false);
        var kabid = await ViewerAsync(_kabid.Holders[0].EmployeeId, keepsAgenda: false);
        var colleague = await ViewerAsync(_staffOfOtherBidang, keepsAgenda: false);
        var clerk = await ViewerAsync(_clerk, keepsAgenda: true);
        var otherOfficial = await ViewerAsync(_otherClerk, keepsAgenda: false);
        var otherClerk = await ViewerAsync(_otherClerk, keepsAgenda: true);

        (await SearchAsync(kepala, new ArchiveSearch())).Items.Select(r => r.LetterId).ShouldBe([open.Id, secret.Id, outgoingSecret.OutgoingLetterId], ignoreOrder: true);
        (await SearchAsync(kabid, new ArchiveSearch())).Items.Select(r => r.LetterId).ShouldBe([open.Id, secret.Id], ignoreOrder: true);
        (await SearchAsync(kabid, new ArchiveSearch("pengadaan"))).Items.ShouldHaveSingleItem().Subject.ShouldBe("Penyelidikan pengadaan server");
        (await SearchAsync(colleague, new ArchiveSearch())).Total.ShouldBe(0);
        (await SearchAsync(otherOfficial, new ArchiveSearch())).Total.ShouldBe(0);
        (await SearchAsync(otherOfficial, new ArchiveSearch("pelatihan"))).Total.ShouldBe(0);

        var byClerk = await SearchAsync(clerk, new ArchiveSearch());
        byClerk.Items.Select(r => r.LetterId).ShouldBe([open.Id, secret.Id, outgoingSecret.OutgoingLetterId], ignoreOrder: true);
        byClerk.Items.Single(r => r.LetterId == open.Id).ShouldSatisfyAllConditions(r => r.Masked.ShouldBeFalse(), r => r.Subject.ShouldBe("Undangan pelatihan"));
        foreach (var masked in byClerk.Items.Where(r => r.LetterId != open.Id))
        {
            masked.Masked.ShouldBeTrue();
            masked.CanOpen.ShouldBeFalse();
            masked.Subject.ShouldBeNull();
            masked.Correspondent.ShouldBeNull();
            masked.ReferenceNumber.ShouldBeNull();
            masked.PdfHref.ShouldBeNull();
        }

        // Not found by what is masked; found by its number.
        (await SearchAsync(clerk, new ArchiveSearch("pengadaan"))).Total.ShouldBe(0);
        (await SearchAsync(clerk, new ArchiveSearch("kebocoran"))).Total.ShouldBe(0);
        (await SearchAsync(clerk, new ArchiveSearch(Correspondent: "Inspektorat"))).Total.ShouldBe(0);
        (await SearchAsync(clerk, new ArchiveSearch(secret.AgendaLabel))).Items.ShouldHaveSingleItem().Masked.ShouldBeTrue();
        (await SearchAsync(otherClerk, new ArchiveSearch())).Items.ShouldHaveSingleItem().LetterId.ShouldBe(otherOpd.OutgoingLetterId);

        // An OPD admin holding no position sees the same lines, masked the same way.
        var positionless = new Viewer(Guid.NewGuid(), "Admin OPD", _agency, new HashSet<Guid>(), KeepsAgenda: true);
        var byAdmin = await SearchAsync(positionless, new ArchiveSearch());
        byAdmin.Total.ShouldBe(3);
        byAdmin.Items.Count(r => r.Masked).ShouldBe(2);
        (await SearchAsync(positionless, new ArchiveSearch("kebocoran"))).Total.ShouldBe(0);
        (await SearchAsync(positionless, new ArchiveSearch("pelatihan"))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(open.Id);
    }

    [Fact]
    public async Task A_common_term_is_checked_on_the_viewers_own_rows_with_the_same_rules_and_a_plt_sees_each_letter_once()
    {
        var open = await RegisterAsync("Undangan pelatihan");
        await CloseAsync(open.Id);
        var secret = await RegisterAsync("Undangan penyelidikan", SecurityClass.Rahasia, sender: "Inspektorat Jenderal");
        await CloseAsync(secret.Id);
        var clerk = await ViewerAsync(_clerk, keepsAgenda: true);
        var kepala = await ViewerAsync(_kepala, keepsAgenda: false);

        // Every term counts as common here: the viewer's rows are walked, newest first, instead of starting from the index.
        Task<ArchiveLines> WalkAsync(Viewer viewer, ArchiveSearch search) =>
            WithAsync(sp => new ArchiveQueries(sp.GetRequiredService<IDbContextFactory<LettersDbContext>>()) { RareTermLimit = 0 }.SearchAsync(viewer, search, Ct));

        (await WalkAsync(clerk, new ArchiveSearch("undangan"))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(open.Id);
        (await WalkAsync(clerk, new ArchiveSearch("penyelidikan"))).Total.ShouldBe(0);
        (await WalkAsync(clerk, new ArchiveSearch(secret.AgendaLabel))).Items.ShouldHaveSingleItem().Masked.ShouldBeTrue();
        (await WalkAsync(kepala, new ArchiveSearch("undangan"))).Items.Select(r => r.LetterId).ShouldBe([secret.Id, open.Id], ignoreOrder: true);

        // A Plt of the Kabid's position who is also the Kepala is named twice on both letters: each is listed and counted once.
        var acting = kepala with { PositionIds = new HashSet<Guid>(kepala.PositionIds) { _kabid.PositionId } };
        var both = await SearchAsync(acting, new ArchiveSearch());
        both.Total.ShouldBe(2);
        both.Items.Select(r => r.LetterId).ShouldBe([secret.Id, open.Id], ignoreOrder: true);
        (await WalkAsync(acting, new ArchiveSearch("undangan"))).Total.ShouldBe(2);
    }

    [Fact]
    public async Task The_report_lists_what_is_due_and_a_destruction_keeps_a_tombstone_and_the_decision()
    {
        var incoming = await RegisterAsync("Undangan upacara");
        var node = await CloseAsync(incoming.Id);
        var transfer = Outgoing("Nota dinas lama", sentAt: new DateTimeOffset(2024, 1, 2, 3, 0, 0, TimeSpan.Zero));
        var destroy = Outgoing("Surat pengantar lama", sentAt: new DateTimeOffset(2020, 1, 2, 3, 0, 0, TimeSpan.Zero), body: "isi surat pengantar");
        var handOver = Outgoing("Keputusan wali kota", code: "100.3.2", sentAt: new DateTimeOffset(2010, 1, 4, 3, 0, 0, TimeSpan.Zero));
        var review = Outgoing("Laporan pemerintahan", code: "100.1", sentAt: new DateTimeOffset(2015, 1, 5, 3, 0, 0, TimeSpan.Zero));
        var fresh = Outgoing("Surat baru");
        var elsewhere = Outgoing("Surat OPD lain", agency: _otherAgency, positions: [_otherHead], sentAt: new DateTimeOffset(2020, 1, 2, 3, 0, 0, TimeSpan.Zero));
        await RecordAsync(transfer, destroy, handOver, review, fresh, elsewhere);
        var clerk = new RetentionActor(await ViewerAsync(_clerk, keepsAgenda: true), false);

        Task<RetentionReport> ReportAsync(RetentionActor actor, RetentionDue due) =>
            WithAsync(sp => sp.GetRequiredService<RetentionDesk>().ReportAsync(actor, new RetentionReportSearch(due), Ct));
        Task<Guid> DecideAsync(RetentionActor actor, RetentionDecisionInput input) =>
            WithAsync(sp => sp.GetRequiredService<RetentionDesk>().DecideAsync(actor, input, Ct));

        var report = await ReportAsync(clerk, RetentionDue.Transfer);
        report.Items.ShouldHaveSingleItem().LetterId.ShouldBe(transfer.OutgoingLetterId);
        report.Counts[RetentionDue.ProposeDestruction].ShouldBe(1);
        report.Counts[RetentionDue.HandOver].ShouldBe(1);
        report.Counts[RetentionDue.Review].ShouldBe(1);
        (await ReportAsync(clerk, RetentionDue.ProposeDestruction)).Items.ShouldHaveSingleItem().LetterId.ShouldBe(destroy.OutgoingLetterId);
        (await ReportAsync(clerk, RetentionDue.HandOver)).Items.ShouldHaveSingleItem().LetterId.ShouldBe(handOver.OutgoingLetterId);
        (await ReportAsync(clerk, RetentionDue.Review)).Items.ShouldHaveSingleItem().LetterId.ShouldBe(review.OutgoingLetterId);
        var admin = new RetentionActor(await ViewerAsync(_kepala, keepsAgenda: false), IsSystemAdministrator: true);
        (await ReportAsync(admin, RetentionDue.ProposeDestruction)).Total.ShouldBe(2); // every OPD
        var official = new RetentionActor(await ViewerAsync(_kepala, keepsAgenda: false), false);
        (await Should.ThrowAsync<DomainRuleException>(() => ReportAsync(official, RetentionDue.Transfer))).Error.ShouldBe(ArchiveErrors.NotRetentionKeeper);

        var entryOf = async (ArchivedOutgoing o) => (await EntryAsync(ArchiveKind.Outgoing, o.OutgoingLetterId))!.Id;
        await DecideAsync(clerk, new RetentionDecisionInput(RetentionDecisionKind.Transfer, [await entryOf(transfer)], "BA-01/2026", new DateOnly(2026, 11, 20), null));
        (await EntryAsync(ArchiveKind.Outgoing, transfer.OutgoingLetterId))!.DisposalStatus.ShouldBe(DisposalStatus.AtRecordsCentre);
        (await ReportAsync(clerk, RetentionDue.Transfer)).Total.ShouldBe(0);
        await DecideAsync(clerk, new RetentionDecisionInput(RetentionDecisionKind.HandOver, [await entryOf(review)], "BA-02/2026", new DateOnly(2026, 11, 20), "Dinilai bernilai guna sejarah"));
        (await EntryAsync(ArchiveKind.Outgoing, review.OutgoingLetterId))!.DisposalStatus.ShouldBe(DisposalStatus.HandedOver);

        // Six years on, the incoming letter (000.1.5 → 000: 2 + 3 years, destroy) is due for destruction with the old outgoing one.
        _clock.Advance(TimeSpan.FromDays(6 * 366));
        var due = await ReportAsync(clerk, RetentionDue.ProposeDestruction);
        due.Items.Select(r => r.LetterId).ShouldBe([incoming.Id, destroy.OutgoingLetterId, fresh.OutgoingLetterId, transfer.OutgoingLetterId], ignoreOrder: true);
        var incomingEntry = (await EntryAsync(ArchiveKind.Incoming, incoming.Id))!.Id;
        var decisionId = await DecideAsync(clerk, new RetentionDecisionInput(RetentionDecisionKind.Destroy, [incomingEntry, await entryOf(destroy)], "BA-PMS/07/2032",
            Wib.Today(_clock), "Tidak bernilai guna lagi"));

        await WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<LettersDbContext>();
            (await db.Files.CountAsync(f => f.LetterId == incoming.Id, Ct)).ShouldBe(0);
            var tombstone = await db.ArchiveEntries.SingleAsync(e => e.Id == incomingEntry, Ct);
            tombstone.DisposalStatus.ShouldBe(DisposalStatus.Destroyed);
            tombstone.FileId.ShouldBeNull();
            tombstone.Subject.ShouldBe("Undangan upacara");
            tombstone.DecisionId.ShouldBe(decisionId);
            var outgoingTombstone = await db.ArchiveEntries.SingleAsync(e => e.SourceId == destroy.OutgoingLetterId, Ct);
            outgoingTombstone.BodyText.ShouldBeNull();
            outgoingTombstone.FileId.ShouldBeNull();
            (await db.Letters.AnyAsync(l => l.Id == incoming.Id, Ct)).ShouldBeTrue();
            (await db.Dispositions.AnyAsync(d => d.LetterId == incoming.Id, Ct)).ShouldBeTrue();
            (await db.Events.AnyAsync(e => e.LetterId == incoming.Id && e.Action == "retention.destroyed", Ct)).ShouldBeTrue();
            var decision = await db.RetentionDecisions.SingleAsync(d => d.Id == decisionId, Ct);
            decision.BeritaAcaraNumber.ShouldBe("BA-PMS/07/2032");
            decision.EntryIds.ShouldBe([incomingEntry, outgoingTombstone.Id], ignoreOrder: true);
            decision.DecidedByEmployeeId.ShouldBe(_clerk);
            return 0;
        });
        _eraser.Erased.ShouldBe([destroy.OutgoingLetterId]);

        // The letters' pages say they were destroyed, under which decision and by whom; a transferred letter is not destroyed.
        var told = await WithAsync(sp => sp.GetRequiredService<ArchiveQueries>().DestructionOfAsync(ArchiveKind.Incoming, incoming.Id, Ct));
        told.ShouldNotBeNull();
        told.BeritaAcaraNumber.ShouldBe("BA-PMS/07/2032");
        told.DecidedOn.ShouldBe(Wib.Today(_clock));
        told.DecidedByName.ShouldNotBeNullOrWhiteSpace();
        told.Reason.ShouldBe("Tidak bernilai guna lagi");
        (await WithAsync(sp => sp.GetRequiredService<ArchiveQueries>().DestructionOfAsync(ArchiveKind.Outgoing, destroy.OutgoingLetterId, Ct)))!
            .BeritaAcaraNumber.ShouldBe("BA-PMS/07/2032");
        (await WithAsync(sp => sp.GetRequiredService<ArchiveQueries>().DestructionOfAsync(ArchiveKind.Outgoing, transfer.OutgoingLetterId, Ct))).ShouldBeNull();
        var audit = _module.Audit.Events;
        audit.ShouldContain(e => e.Action == "retention.destroyed" && e.EntityId == decisionId.ToString());
        audit.Count(e => e.Action == "archive.destroyed").ShouldBe(2);
        var kepala = await ViewerAsync(_kepala, keepsAgenda: false);
        (await SearchAsync(kepala, new ArchiveSearch("upacara"))).Items.ShouldHaveSingleItem().DisposalStatus.ShouldBe(DisposalStatus.Destroyed);

        // A destroyed letter cannot be reopened: nothing changes.
        var refused = await Should.ThrowAsync<DomainRuleException>(() => WithAsync(async sp =>
        {
            await sp.GetRequiredService<LetterDesk>().ReopenAsync(kepala, node, "Buka lagi", Ct);
            return 0;
        }));
        refused.Error.ShouldBe(ArchiveErrors.UnderRetentionDecision);
        (await WithAsync(sp => sp.GetRequiredService<LettersDbContext>().Letters.Where(l => l.Id == incoming.Id).Select(l => l.Status).SingleAsync(Ct))).ShouldBe(LetterStatus.Closed);
    }

    [Fact]
    public async Task A_clerk_or_opd_admin_reads_only_their_own_opds_report_even_when_asking_for_another_and_a_system_administrator_picks_any()
    {
        var own = Outgoing("Surat pengantar Diskominfo", sentAt: new DateTimeOffset(2020, 1, 2, 3, 0, 0, TimeSpan.Zero));
        var other = Outgoing("Surat pengantar OPD lain", agency: _otherAgency, positions: [_otherHead], sentAt: new DateTimeOffset(2020, 1, 2, 3, 0, 0, TimeSpan.Zero));
        await RecordAsync(own, other);
        var clerk = new RetentionActor(await ViewerAsync(_clerk, keepsAgenda: true), false);
        var otherClerk = new RetentionActor(await ViewerAsync(_otherClerk, keepsAgenda: true), false);
        var admin = new RetentionActor(await ViewerAsync(_kepala, keepsAgenda: false), IsSystemAdministrator: true);
        Task<RetentionReport> ReportAsync(RetentionActor actor, Guid? agency) => WithAsync(sp =>
            sp.GetRequiredService<RetentionDesk>().ReportAsync(actor, new RetentionReportSearch(RetentionDue.ProposeDestruction, agency), Ct));

        // Their own OPD, asked for or not.
        (await ReportAsync(clerk, null)).Items.Select(i => i.LetterId).ShouldBe([own.OutgoingLetterId]);
        (await ReportAsync(clerk, _agency)).Items.Select(i => i.LetterId).ShouldBe([own.OutgoingLetterId]);
        (await ReportAsync(otherClerk, null)).Items.Select(i => i.LetterId).ShouldBe([other.OutgoingLetterId]);

        // A crafted request for another OPD is refused with a bilingual error, in both directions; nothing of it is returned.
        var refused = await Should.ThrowAsync<DomainRuleException>(() => ReportAsync(clerk, _otherAgency));
        refused.Error.ShouldBe(ArchiveErrors.OtherAgencyReport);
        refused.Error.Indonesian.ShouldNotBe(refused.Error.English);
        (await Should.ThrowAsync<DomainRuleException>(() => ReportAsync(otherClerk, _agency))).Error.ShouldBe(ArchiveErrors.OtherAgencyReport);
        (await Should.ThrowAsync<DomainRuleException>(() => ReportAsync(otherClerk, Guid.NewGuid()))).Error.ShouldBe(ArchiveErrors.OtherAgencyReport);

        // The system administrator sees every OPD, or the one picked.
        (await ReportAsync(admin, null)).Items.Select(i => i.LetterId).ShouldBe([own.OutgoingLetterId, other.OutgoingLetterId], ignoreOrder: true);
        (await ReportAsync(admin, _otherAgency)).Items.Select(i => i.LetterId).ShouldBe([other.OutgoingLetterId]);
        (await ReportAsync(admin, _agency)).Items.Select(i => i.LetterId).ShouldBe([own.OutgoingLetterId]);
    }

    [Fact]
    public async Task Bad_decisions_are_refused_and_change_nothing()
    {
        var due = Outgoing("Surat pengantar lama", sentAt: new DateTimeOffset(2020, 1, 2, 3, 0, 0, TimeSpan.Zero), body: "isi");
        var notDue = Outgoing("Surat baru");
        var elsewhere = Outgoing("Surat OPD lain", agency: _otherAgency, positions: [_otherHead], sentAt: new DateTimeOffset(2020, 1, 2, 3, 0, 0, TimeSpan.Zero));
        await RecordAsync(due, notDue, elsewhere);
        var dueEntry = (await EntryAsync(ArchiveKind.Outgoing, due.OutgoingLetterId))!.Id;
        var notDueEntry = (await EntryAsync(ArchiveKind.Outgoing, notDue.OutgoingLetterId))!.Id;
        var elsewhereEntry = (await EntryAsync(ArchiveKind.Outgoing, elsewhere.OutgoingLetterId))!.Id;
        var clerk = new RetentionActor(await ViewerAsync(_clerk, keepsAgenda: true), false);
        var otherClerk = new RetentionActor(await ViewerAsync(_otherClerk, keepsAgenda: true), false);
        var official = new RetentionActor(await ViewerAsync(_kepala, keepsAgenda: false), false);
        var today = Wib.Today(_clock);

        async Task RefusedAsync(RetentionActor actor, RetentionDecisionInput input, UserError error)
        {
            var refused = await Should.ThrowAsync<DomainRuleException>(() => WithAsync(sp => sp.GetRequiredService<RetentionDesk>().DecideAsync(actor, input, Ct)));
            refused.Errors.ShouldContain(error);
        }

        await RefusedAsync(clerk, new RetentionDecisionInput(RetentionDecisionKind.Destroy, [dueEntry], "  ", today, null), ArchiveErrors.BeritaAcaraRequired);
        await RefusedAsync(clerk, new RetentionDecisionInput(RetentionDecisionKind.Destroy, [dueEntry, notDueEntry], "BA-1", today, null), ArchiveErrors.NotDue);
        await RefusedAsync(clerk, new RetentionDecisionInput(RetentionDecisionKind.HandOver, [dueEntry], "BA-1", today, null), ArchiveErrors.NotDue);
        await RefusedAsync(clerk, new RetentionDecisionInput(RetentionDecisionKind.Destroy, [dueEntry], "BA-1", today.AddDays(1), null), ArchiveErrors.DecisionDateInFuture);
        await RefusedAsync(clerk, new RetentionDecisionInput(RetentionDecisionKind.Destroy, [], "BA-1", today, null), ArchiveErrors.NoEntries);
        await RefusedAsync(otherClerk, new RetentionDecisionInput(RetentionDecisionKind.Destroy, [dueEntry], "BA-1", today, null), ArchiveErrors.NotRetentionKeeper);
        await RefusedAsync(clerk, new RetentionDecisionInput(RetentionDecisionKind.Destroy, [elsewhereEntry], "BA-1", today, null), ArchiveErrors.NotRetentionKeeper);
        await RefusedAsync(official, new RetentionDecisionInput(RetentionDecisionKind.Destroy, [dueEntry], "BA-1", today, null), ArchiveErrors.NotRetentionKeeper);

        await WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<LettersDbContext>();
            (await db.RetentionDecisions.CountAsync(Ct)).ShouldBe(0);
            (await db.ArchiveEntries.CountAsync(e => e.DisposalStatus != DisposalStatus.Active || e.DecisionId != null, Ct)).ShouldBe(0);
            (await db.ArchiveEntries.SingleAsync(e => e.Id == dueEntry, Ct)).BodyText.ShouldBe("isi");
            return 0;
        });
        _eraser.Erased.ShouldBeEmpty();
    }

    private sealed class RecordingEraser : IArchivedOutgoingEraser
    {
        private readonly List<Guid> _erased = [];

        public IReadOnlyList<Guid> Erased => _erased;

        public Task EraseAsync(IReadOnlyCollection<Guid> outgoingLetterIds, CancellationToken cancellationToken)
        {
            _erased.AddRange(outgoingLetterIds);
            return Task.CompletedTask;
        }
    }
}
