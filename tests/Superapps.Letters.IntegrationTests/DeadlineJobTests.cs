using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Deadlines;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Registration;
using Superapps.Notifications.Contracts;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Scheduling;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>The deadline job over real dispositions in the demo city's Diskominfo, with the clock moved by the test.</summary>
public sealed class DeadlineJobTests(PostgresServer server) : IAsyncLifetime
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

    private RecordingNotifier Notifier => _module.Services.GetRequiredService<RecordingNotifier>();

    private AuditRecorder Audit => _module.Audit;

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
    public void The_job_is_declared_to_run_every_five_minutes_one_run_at_a_time()
    {
        var job = _module.Services.GetServices<RecurringJob>().Single(j => j.Name == DispositionDeadlineJob.Name);

        job.JobType.ShouldBe(typeof(DispositionDeadlineJob));
        job.Interval.ShouldBe(TimeSpan.FromMinutes(5));
        typeof(DispositionDeadlineJob).IsDefined(typeof(DisallowConcurrentExecutionAttribute), inherit: false).ShouldBeTrue();
    }

    [Fact]
    public async Task A_disposition_due_in_twenty_hours_is_reminded_once_however_often_the_job_runs()
    {
        var letter = await RegisterAsync(SecurityClass.Biasa);
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var id = (await DisposeAsync(kepala, letter.Id, null, _kepala.PositionId, [_kabid[0].PositionId], _clock.GetUtcNow().AddHours(48))).Single();
        Notifier.Clear();

        _clock.Advance(TimeSpan.FromHours(20));
        var early = await RunJobAsync();
        _clock.Advance(TimeSpan.FromHours(8));
        var first = await RunJobAsync();
        var remindedAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = await RunJobAsync();

        early.ShouldBe(new DeadlineRun(0, 0), "28 hours before the deadline is too early");
        first.ShouldBe(new DeadlineRun(1, 0));
        second.ShouldBe(new DeadlineRun(0, 0));
        var notice = Notifier.Notices.ShouldHaveSingleItem();
        notice.Topic.ShouldBe(NoticeTopic.DeadlineReminder);
        notice.RecipientEmployeeIds.ShouldBe(_kabid[0].Holders.Select(h => h.EmployeeId).Distinct(), ignoreOrder: true);
        notice.Key.ShouldStartWith($"letters.disposition:{id}:reminded");
        notice.Link.ShouldBe($"/surat/{letter.Id}");
        notice.Sensitive.ShouldBeFalse();
        var node = await NodeAsync(id);
        node.RemindedAt.ShouldBe(remindedAt);
        node.EscalatedAt.ShouldBeNull();
        (await HistoryAsync(id)).ShouldBe(["disposed", "reminded"]);
        Audit.Events.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ShouldBe(["disposition.reminded"]);
    }

    [Fact]
    public async Task An_overdue_disposition_is_escalated_once_to_its_giver_and_restricted_letters_are_sensitive()
    {
        var letter = await RegisterAsync(SecurityClass.Rahasia);
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var id = (await DisposeAsync(kepala, letter.Id, null, _kepala.PositionId, [_kabid[0].PositionId], _clock.GetUtcNow().AddHours(48))).Single();
        Notifier.Clear();

        _clock.Advance(TimeSpan.FromHours(49));
        var first = await RunJobAsync();
        _clock.Advance(TimeSpan.FromHours(3));
        var second = await RunJobAsync();

        first.ShouldBe(new DeadlineRun(0, 1));
        second.ShouldBe(new DeadlineRun(0, 0));
        Notifier.Notices.Count.ShouldBe(2);
        Notifier.Notices.ShouldAllBe(n => n.Topic == NoticeTopic.Overdue && n.Sensitive);
        var recipient = Notifier.Notices.Single(n => n.Key.StartsWith($"letters.disposition:{id}:overdue", StringComparison.Ordinal));
        recipient.RecipientEmployeeIds.ShouldBe(_kabid[0].Holders.Select(h => h.EmployeeId).Distinct(), ignoreOrder: true);
        var giver = Notifier.Notices.Single(n => n.Key.StartsWith($"letters.disposition:{id}:escalated", StringComparison.Ordinal));
        giver.RecipientEmployeeIds.ShouldContain(_kepala.Holders[0].EmployeeId);
        giver.RecipientEmployeeIds.ShouldNotContain(_kabid[0].Holders[0].EmployeeId);
        giver.Title.Indonesian.ShouldNotContain(letter.AgendaLabel);
        (await NodeAsync(id)).RemindedAt.ShouldBeNull("an overdue node is escalated, not reminded too");
        (await HistoryAsync(id)).ShouldBe(["disposed", "escalated"]);
        Audit.Events.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ShouldBe(["disposition.escalated"]);
    }

    [Fact]
    public async Task Done_accepted_and_cancelled_dispositions_are_left_alone()
    {
        var letter = await RegisterAsync(SecurityClass.Biasa);
        var kepala = await ViewerAsync(_kepala.Holders[0].EmployeeId);
        var kabid0 = await ViewerAsync(_kabid[0].Holders[0].EmployeeId);
        var kabid1 = await ViewerAsync(_kabid[1].Holders[0].EmployeeId);
        var deadline = _clock.GetUtcNow().AddHours(48);
        var top = await DisposeAsync(kepala, letter.Id, null, _kepala.PositionId, [_kabid[0].PositionId, _kabid[1].PositionId], deadline);
        var done = await IdOfAsync(top, _kabid[0].PositionId);
        var accepted = await IdOfAsync(top, _kabid[1].PositionId);
        var cancelled = (await DisposeAsync(kabid0, letter.Id, done, _kabid[0].PositionId, [_staf.PositionId], deadline)).Single();
        var live = (await DisposeAsync(kepala, (await RegisterAsync(SecurityClass.Biasa)).Id, null, _kepala.PositionId, [_kabid[1].PositionId], deadline)).Single();
        await WithAsync(async sp =>
        {
            var desk = sp.GetRequiredService<LetterDesk>();
            await desk.CancelAsync(kabid0, cancelled, Ct);
            await desk.CompleteAsync(kabid0, done, "Sudah dikoordinasikan.", [], Ct);
            await desk.CompleteAsync(kabid1, accepted, "Sudah dipelajari.", [], Ct);
            await desk.AcceptAsync(kepala, accepted, Ct);
            return 0;
        });
        Notifier.Clear();

        _clock.Advance(TimeSpan.FromHours(30));
        var dueSoon = await RunJobAsync();
        _clock.Advance(TimeSpan.FromHours(30));
        var overdue = await RunJobAsync();

        dueSoon.ShouldBe(new DeadlineRun(1, 0), "only the live node is reminded");
        overdue.ShouldBe(new DeadlineRun(0, 1), "only the live node is escalated");
        Notifier.Notices.ShouldAllBe(n => n.Key.StartsWith($"letters.disposition:{live}:", StringComparison.Ordinal));
        foreach (var untouched in new[] { done, accepted, cancelled })
        {
            var node = await NodeAsync(untouched);
            node.RemindedAt.ShouldBeNull();
            node.EscalatedAt.ShouldBeNull();
            (await HistoryAsync(untouched)).ShouldNotContain("reminded");
            (await HistoryAsync(untouched)).ShouldNotContain("escalated");
        }
    }

    private Task<DeadlineRun> RunJobAsync() => WithAsync(sp => sp.GetRequiredService<DispositionDeadlines>().RunAsync(Ct));

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _module.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<Viewer> ViewerAsync(Guid employeeId) =>
        WithAsync(async sp => (await sp.GetRequiredService<Viewers>().ForAsync(employeeId, false, Ct))!);

    private Task<RegisteredLetter> RegisterAsync(SecurityClass securityClass) => WithAsync(sp =>
        sp.GetRequiredService<LetterRegistration>().RegisterAsync(new Clerk(_clerk, "Pencatat", _agency), new RegisterIncomingLetter(Guid.NewGuid(),
            "Sekretariat Daerah Provinsi", "100.3.4/77/SETDA", new DateOnly(2026, 11, 20), "Pelaksanaan evaluasi SPBE 2026",
            securityClass, Urgency.Segera, "000.1.5", _kepala.PositionId, LetterUpload.FromBytes("surat.pdf", Pdf), []), Ct));

    private Task<IReadOnlyList<Guid>> DisposeAsync(Viewer viewer, Guid letterId, Guid? parent, Guid from, IReadOnlyList<Guid> to, DateTimeOffset deadline) =>
        WithAsync(sp => sp.GetRequiredService<LetterDesk>().DisposeAsync(viewer, new DisposeInput(Guid.NewGuid(), letterId, parent, from, to,
            ["Tindak lanjuti"], "Siapkan paparan", deadline, null), Ct));

    private Task<Guid> IdOfAsync(IReadOnlyList<Guid> ids, Guid toPositionId) =>
        WithAsync(sp => sp.GetRequiredService<LettersDbContext>().Dispositions.Where(d => ids.Contains(d.Id) && d.ToPositionId == toPositionId).Select(d => d.Id).SingleAsync(Ct));

    private Task<Disposition> NodeAsync(Guid id) =>
        WithAsync(sp => sp.GetRequiredService<LettersDbContext>().Dispositions.AsNoTracking().SingleAsync(d => d.Id == id, Ct));

    private Task<List<string>> HistoryAsync(Guid dispositionId) =>
        WithAsync(sp => sp.GetRequiredService<LettersDbContext>().Events.AsNoTracking().Where(e => e.DispositionId == dispositionId)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
}
