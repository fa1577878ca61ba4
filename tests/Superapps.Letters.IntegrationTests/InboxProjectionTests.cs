using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Inbox;
using Superapps.Letters.Features.Registration;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>
/// The inbox entries (<c>letters.inbox_entries</c>) after every change of the desk: always exactly the positions the visibility
/// rule names, with the letter's status, and a letter once in the inbox of a Plt/Plh holding two of them.
/// </summary>
public sealed class InboxProjectionTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private ModuleServices _module = null!;
    private Guid _agency;
    private Guid _clerk;
    private PositionInfo _kepala = null!;
    private List<PositionInfo> _kabid = [];
    private PositionInfo _staf = null!;

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
    }

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    [Fact]
    public async Task Dispose_cancel_close_and_reopen_keep_the_entries_equal_to_the_visibility_rule()
    {
        var letter = await RegisterAsync();
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var kabid = await ViewerAsync(_kabid[0].Holders[0].EmployeeId);
        var staf = await ViewerAsync(_staf.Holders[0].EmployeeId);
        (await EntriesAsync(letter)).ShouldBe([(_kepala.PositionId, LetterStatus.Open)]);
        await ShouldFollowTheRuleAsync(letter);
        (await CountersAsync(kepala)).LettersWithoutFollowUp.ShouldBe(1);

        await using var scope = _module.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<LetterDesk>();
        var top = await DisposeAsync(desk, kepala, letter, null, _kepala.PositionId, _kabid[0].PositionId, _kabid[1].PositionId);
        (await EntriesAsync(letter)).Select(e => e.Position).ShouldBe([_kepala.PositionId, _kabid[0].PositionId, _kabid[1].PositionId], ignoreOrder: true);
        await ShouldFollowTheRuleAsync(letter);

        (await CountersAsync(kepala)).LettersWithoutFollowUp.ShouldBe(0);

        // Cancelling the second Kabid's unread disposition takes the letter out of that inbox, and only that one.
        await desk.CancelAsync(kepala, top[1], Ct);
        (await EntriesAsync(letter)).Select(e => e.Position).ShouldBe([_kepala.PositionId, _kabid[0].PositionId], ignoreOrder: true);
        await ShouldFollowTheRuleAsync(letter);

        var down = (await DisposeAsync(desk, kabid, letter, top[0], _kabid[0].PositionId, _staf.PositionId)).Single();
        (await EntriesAsync(letter)).Select(e => e.Position).ShouldBe([_kepala.PositionId, _kabid[0].PositionId, _staf.PositionId], ignoreOrder: true);
        await ShouldFollowTheRuleAsync(letter);

        // The tree finishes: the letter closes, and every entry says so (the "closed" filter reads the entries).
        await desk.CompleteAsync(staf, down, "Selesai.", [], Ct);
        await desk.AcceptAsync(kabid, down, Ct);
        await desk.CompleteAsync(kabid, top[0], "Selesai.", [], Ct);
        await desk.AcceptAsync(kepala, top[0], Ct);
        (await EntriesAsync(letter)).ShouldAllBe(e => e.Status == LetterStatus.Closed);
        (await EntriesAsync(letter)).Count.ShouldBe(3);
        await ShouldFollowTheRuleAsync(letter);
        (await SearchAsync(staf, InboxStatus.Closed)).Items.Select(i => i.LetterId).ShouldBe([letter]);

        // Reopening a follow-up reopens the letter in every inbox.
        await desk.ReopenAsync(kepala, top[0], "Lengkapi notulen.", Ct);
        (await EntriesAsync(letter)).ShouldAllBe(e => e.Status == LetterStatus.Open);
        await ShouldFollowTheRuleAsync(letter);
        (await SearchAsync(staf, InboxStatus.Closed)).Items.ShouldBeEmpty();
        (await SearchAsync(staf, InboxStatus.Open)).Items.Select(i => i.LetterId).ShouldBe([letter]);
    }

    [Fact]
    public async Task A_Plt_holding_two_named_positions_sees_the_letter_once_until_both_dispositions_are_cancelled()
    {
        var letter = await RegisterAsync();
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var plt = new Viewer(Guid.NewGuid(), "Plt. Kabid", _agency, new HashSet<Guid> { _kabid[0].PositionId, _kabid[1].PositionId }, KeepsAgenda: false);

        await using var scope = _module.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<LetterDesk>();
        var top = await DisposeAsync(desk, kepala, letter, null, _kepala.PositionId, _kabid[0].PositionId, _kabid[1].PositionId);
        await ShouldFollowTheRuleAsync(letter);
        var page = await SearchAsync(plt, InboxStatus.All);
        page.Items.Select(i => i.LetterId).ShouldBe([letter]);
        page.Total.ShouldBe(1);
        (await SearchAsync(plt, InboxStatus.Unread)).Items.Select(i => i.LetterId).ShouldBe([letter]);

        await desk.CancelAsync(kepala, top[0], Ct);
        await ShouldFollowTheRuleAsync(letter);
        page = await SearchAsync(plt, InboxStatus.All);
        page.Items.Select(i => i.LetterId).ShouldBe([letter]);
        page.Total.ShouldBe(1);

        await desk.CancelAsync(kepala, top[1], Ct);
        await ShouldFollowTheRuleAsync(letter);
        page = await SearchAsync(plt, InboxStatus.All);
        page.Items.ShouldBeEmpty();
        page.Total.ShouldBe(0);
        (await EntriesAsync(letter)).ShouldBe([(_kepala.PositionId, LetterStatus.Open)]);

        // Every disposition the Kepala gave is cancelled: the letter is waiting for the Kepala's follow-up again.
        (await CountersAsync(kepala)).LettersWithoutFollowUp.ShouldBe(1);
    }

    private async Task<Viewer> ViewerAsync(Guid employeeId)
    {
        await using var scope = _module.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<Viewers>().ForAsync(employeeId, false, Ct))!;
    }

    private async Task<Guid> RegisterAsync()
    {
        await using var scope = _module.CreateScope();
        var registered = await scope.ServiceProvider.GetRequiredService<LetterRegistration>().RegisterAsync(new Clerk(_clerk, "Pencatat", _agency),
            new RegisterIncomingLetter(Guid.NewGuid(), "Sekretariat Daerah Provinsi", "100.3.4/78/SETDA", new DateOnly(2026, 11, 20), "Rapat koordinasi SPBE",
                SecurityClass.Biasa, Urgency.Segera, "000.1.5", _kepala.PositionId, LetterUpload.FromBytes("surat.pdf", Pdf), []), Ct);
        return registered.Id;
    }

    private Task<IReadOnlyList<Guid>> DisposeAsync(LetterDesk desk, Viewer viewer, Guid letterId, Guid? parent, Guid from, params Guid[] to) =>
        desk.DisposeAsync(viewer, new DisposeInput(Guid.NewGuid(), letterId, parent, from, to, ["Tindak lanjuti"], "Catatan", null, null), Ct);

    private async Task<InboxPage> SearchAsync(Viewer viewer, InboxStatus status)
    {
        await using var scope = _module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InboxQueries>()
            .SearchAsync(viewer, new InboxSearch(null, null, null, status, null, null, 0, 20, null, true), Ct);
    }

    private async Task<InboxCounters> CountersAsync(Viewer viewer)
    {
        await using var scope = _module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InboxQueries>().CountersAsync(viewer, Ct);
    }

    private async Task<List<(Guid Position, LetterStatus Status)>> EntriesAsync(Guid letterId)
    {
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        var entries = await db.InboxEntries.Where(e => e.LetterId == letterId).Select(e => new { e.PositionId, e.Status }).ToListAsync(Ct);
        return [.. entries.Select(e => (e.PositionId, e.Status))];
    }

    /// <summary>The entries are the plain rule: addressed or copied, or a live disposition to or from the position; with the letter's columns.</summary>
    private async Task ShouldFollowTheRuleAsync(Guid letterId)
    {
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId, Ct);
        var named = (await db.Recipients.Where(r => r.LetterId == letterId).Select(r => r.PositionId).ToListAsync(Ct))
            .Concat(await db.Dispositions.Where(d => d.LetterId == letterId && d.Status != DispositionStatus.Cancelled).Select(d => d.ToPositionId).ToListAsync(Ct))
            .Concat(await db.Dispositions.Where(d => d.LetterId == letterId && d.Status != DispositionStatus.Cancelled).Select(d => d.FromPositionId).ToListAsync(Ct))
            .Distinct().ToList();
        var entries = await db.InboxEntries.AsNoTracking().Where(e => e.LetterId == letterId).ToListAsync(Ct);
        entries.Select(e => e.PositionId).ShouldBe(named, ignoreOrder: true);
        entries.ShouldAllBe(e => e.ReceivedAt == letter.ReceivedAt && e.Status == letter.Status && e.Urgency == letter.Urgency
            && e.SecurityClass == letter.SecurityClass && e.SenderDate == letter.SenderDate);
        var addressed = await db.Recipients.Where(r => r.LetterId == letterId && r.Kind == RecipientKind.To).Select(r => r.PositionId).ToListAsync(Ct);
        var gave = await db.Dispositions.Where(d => d.LetterId == letterId && d.Status != DispositionStatus.Cancelled).Select(d => d.FromPositionId).ToListAsync(Ct);
        entries.ShouldAllBe(e => e.Addressed == addressed.Contains(e.PositionId) && e.FollowedUp == gave.Contains(e.PositionId));
    }
}
