using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Agenda;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Registration;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>The registry clerk's agenda book and the archive of closed letters, in the demo city's Diskominfo.</summary>
public sealed class AgendaAndArchiveTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private ModuleServices _module = null!;
    private Guid _agency;
    private Guid _clerk;
    private Guid _kepalaPosition;
    private Guid _kepala;
    private PositionInfo _kabid = null!;
    private Guid _otherAgency;
    private Guid _otherClerk;
    private Guid _otherHead;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddLettersModule(), seedDemo: true, clock: _clock);
        await using var scope = _module.CreateScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        _agency = await organization.Agencies.Where(a => a.Code == "DISKOMINFO").Select(a => a.Id).SingleAsync(Ct);
        // The clerk is a staff member named on no letter: what they see comes from keeping the agenda alone.
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

    private Task<RegisteredLetter> RegisterAsync(string subject, SecurityClass securityClass = SecurityClass.Biasa, Urgency urgency = Urgency.Biasa,
        string sender = "Sekretariat Daerah Provinsi", bool otherOpd = false) => WithAsync(sp =>
        sp.GetRequiredService<LetterRegistration>().RegisterAsync(
            otherOpd ? new Clerk(_otherClerk, "Pencatat lain", _otherAgency) : new Clerk(_clerk, "Pencatat", _agency),
            new RegisterIncomingLetter(Guid.NewGuid(), sender, "100.3.4/SETDA", new DateOnly(2026, 11, 20), subject,
                securityClass, urgency, "000.1.5", otherOpd ? _otherHead : _kepalaPosition, LetterUpload.FromBytes("surat.pdf", Pdf), []), Ct));

    private Task<AgendaLines> AgendaAsync(Viewer viewer, AgendaSearch search) =>
        WithAsync(sp => sp.GetRequiredService<AgendaQueries>().SearchAsync(viewer, search, Ct));

    [Fact]
    public async Task The_agenda_shows_the_clerks_own_opd_and_masks_restricted_letters_from_view_and_search()
    {
        var open = await RegisterAsync("Undangan evaluasi layanan publik");
        var secret = await RegisterAsync("Penyelidikan pengadaan server", SecurityClass.Rahasia, sender: "Inspektorat Jenderal Kementerian");
        await RegisterAsync("Evaluasi anggaran kecamatan", otherOpd: true);
        var clerk = await ViewerAsync(_clerk, keepsAgenda: true);

        var all = await AgendaAsync(clerk, new AgendaSearch());
        all.Total.ShouldBe(2);
        all.Items.Select(r => r.LetterId).ShouldBe([secret.Id, open.Id], ignoreOrder: true);
        var masked = all.Items.Single(r => r.LetterId == secret.Id);
        masked.Masked.ShouldBeTrue();
        masked.CanOpen.ShouldBeFalse();
        masked.Subject.ShouldBeNull();
        masked.Sender.ShouldBeNull();
        masked.SenderNumber.ShouldBeNull();
        masked.SenderDate.ShouldBeNull();
        masked.AgendaLabel.ShouldBe(secret.AgendaLabel);
        all.Items.Single(r => r.LetterId == open.Id).Subject.ShouldBe("Undangan evaluasi layanan publik");

        // Nothing masked is found by what it hides; the agenda number finds the line.
        (await AgendaAsync(clerk, new AgendaSearch("pengadaan"))).Total.ShouldBe(0);
        (await AgendaAsync(clerk, new AgendaSearch("Inspektorat"))).Total.ShouldBe(0);
        (await AgendaAsync(clerk, new AgendaSearch("evaluasi"))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(open.Id);
        (await AgendaAsync(clerk, new AgendaSearch(secret.AgendaLabel))).Items.ShouldHaveSingleItem().Masked.ShouldBeTrue();

        // The CSV export masks the same way.
        var csv = Encoding.UTF8.GetString(AgendaExportEndpoint.Csv(await WithAsync(sp => sp.GetRequiredService<AgendaQueries>().ExportAsync(clerk, new AgendaSearch(), Ct))));
        csv.ShouldContain("[Rahasia]");
        csv.ShouldContain("Undangan evaluasi layanan publik");
        csv.ShouldNotContain("pengadaan");
        csv.ShouldNotContain("Inspektorat");

        // An admin who is also named on the letter (its addressee) sees it whole; someone who keeps no agenda sees no agenda.
        var kepalaAsAdmin = await ViewerAsync(_kepala, keepsAgenda: true);
        (await AgendaAsync(kepalaAsAdmin, new AgendaSearch("pengadaan"))).Items.ShouldHaveSingleItem().Subject.ShouldBe("Penyelidikan pengadaan server");
        var kepala = await ViewerAsync(_kepala, keepsAgenda: false);
        (await Should.ThrowAsync<DomainRuleException>(() => AgendaAsync(kepala, new AgendaSearch()))).Error.ShouldBe(LetterErrors.NotAgendaKeeper);
        var otherClerk = await ViewerAsync(_otherClerk, keepsAgenda: true);
        (await AgendaAsync(otherClerk, new AgendaSearch())).Items.ShouldHaveSingleItem().Subject.ShouldBe("Evaluasi anggaran kecamatan");
    }

    [Fact]
    public async Task The_agenda_pages_sorts_and_filters_on_the_server()
    {
        var first = await RegisterAsync("Undangan rapat", urgency: Urgency.Segera);
        await RegisterAsync("Permohonan data", urgency: Urgency.SangatSegera);
        await RegisterAsync("Pemberitahuan jadwal", SecurityClass.Terbatas);
        _clock.Advance(TimeSpan.FromDays(10)); // 3 December 2026
        await RegisterAsync("Laporan bulanan", urgency: Urgency.Segera);
        var last = await RegisterAsync("Surat edaran");
        var clerk = await ViewerAsync(_clerk, keepsAgenda: true);

        var page = await AgendaAsync(clerk, new AgendaSearch(PageSize: 2, SortBy: "number", Descending: false));
        page.Total.ShouldBe(5);
        page.Items.Select(r => r.AgendaLabel).ShouldBe(["0001/2026", "0002/2026"]);
        (await AgendaAsync(clerk, new AgendaSearch(Page: 2, PageSize: 2, SortBy: "number", Descending: false))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(last.Id);
        (await AgendaAsync(clerk, new AgendaSearch(PageSize: 1))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(last.Id);

        (await AgendaAsync(clerk, new AgendaSearch(Year: 2026, Month: 11))).Total.ShouldBe(3);
        (await AgendaAsync(clerk, new AgendaSearch(Year: 2026, Month: 12))).Total.ShouldBe(2);
        (await AgendaAsync(clerk, new AgendaSearch(Year: 2025))).Total.ShouldBe(0);
        (await AgendaAsync(clerk, new AgendaSearch(From: new DateOnly(2026, 12, 3), To: new DateOnly(2026, 12, 3)))).Total.ShouldBe(2);
        (await AgendaAsync(clerk, new AgendaSearch(To: new DateOnly(2026, 11, 23)))).Total.ShouldBe(3);
        (await AgendaAsync(clerk, new AgendaSearch(Urgency: Urgency.Segera))).Total.ShouldBe(2);
        (await AgendaAsync(clerk, new AgendaSearch(SecurityClass: SecurityClass.Terbatas))).Items.ShouldHaveSingleItem().Masked.ShouldBeTrue();
        (await AgendaAsync(clerk, new AgendaSearch(Status: LetterStatus.Open))).Total.ShouldBe(5);
        (await AgendaAsync(clerk, new AgendaSearch(Status: LetterStatus.Closed))).Total.ShouldBe(0);
        (await AgendaAsync(clerk, new AgendaSearch("1/2026"))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(first.Id);
        (await AgendaAsync(clerk, new AgendaSearch("0001"))).Items.ShouldHaveSingleItem().LetterId.ShouldBe(first.Id);
        (await AgendaAsync(clerk, new AgendaSearch("100.3.4/SET"))).Total.ShouldBe(4);
    }

    [Fact]
    public async Task The_archive_lists_the_viewers_closed_letters_only()
    {
        var done = await RegisterAsync("Undangan sosialisasi");
        var running = await RegisterAsync("Permintaan narasumber");
        var kepala = await ViewerAsync(_kepala, keepsAgenda: false);
        var kabid = await ViewerAsync(_kabid.Holders[0].EmployeeId, keepsAgenda: false);
        var outsider = await ViewerAsync(_otherClerk, keepsAgenda: false);

        await WithAsync(async sp =>
        {
            var desk = sp.GetRequiredService<LetterDesk>();
            foreach (var letter in new[] { done, running })
            {
                await desk.DisposeAsync(kepala, new DisposeInput(Guid.NewGuid(), letter.Id, null, _kepalaPosition, [_kabid.PositionId], ["Laksanakan"], null, null, null), Ct);
            }

            var node = await sp.GetRequiredService<Data.LettersDbContext>().Dispositions.Where(d => d.LetterId == done.Id).Select(d => d.Id).SingleAsync(Ct);
            await desk.CompleteAsync(kabid, node, "Sudah dilaksanakan.", [], Ct);
            await desk.AcceptAsync(kepala, node, Ct);
            return 0;
        });

        Task<ArchiveLines> ArchiveAsync(Viewer viewer, string? text = null) =>
            WithAsync(sp => sp.GetRequiredService<ArchiveQueries>().SearchAsync(viewer, new ArchiveSearch(text), Ct));

        var archive = await ArchiveAsync(kepala);
        archive.Items.ShouldHaveSingleItem().LetterId.ShouldBe(done.Id);
        archive.Items[0].ClosedAt.ShouldBe(_clock.GetUtcNow());
        (await ArchiveAsync(kabid)).Items.ShouldHaveSingleItem().LetterId.ShouldBe(done.Id);
        (await ArchiveAsync(kabid, "sosialisasi")).Total.ShouldBe(1);
        (await ArchiveAsync(kabid, "narasumber")).Total.ShouldBe(0);
        (await ArchiveAsync(outsider)).Total.ShouldBe(0);
    }
}
