using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Superapps.Notifications.Contracts;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Scheduling;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Features.Sla;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The SLA job's pass over real tickets of the demo city (its organisation chart and network), with the clock moved by the test
/// from Monday 23 November 2026, 09.00 WIB. An internet-down report is P2: response 2 h (warning at 1 h 30 min), resolution 8 h
/// (warning at 6 h).
/// </summary>
public sealed class SlaJobTests(PostgresServer server) : IAsyncLifetime
{
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private ModuleServices _module = null!;
    private SlaPeople _people = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RecordingNotifier Notifier => _module.Services.GetRequiredService<RecordingNotifier>();

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddTicketsModule(), seedDemo: true, clock: _clock);
        _people = await SlaPeople.FindAsync(_module.Services);
    }

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    [Fact]
    public void The_job_is_declared_to_run_every_five_minutes_one_run_at_a_time()
    {
        var job = _module.Services.GetServices<RecurringJob>().Single(j => j.Name == SlaJob.Name);

        job.JobType.ShouldBe(typeof(SlaJob));
        job.Interval.ShouldBe(TimeSpan.FromMinutes(5));
        typeof(SlaJob).IsDefined(typeof(DisallowConcurrentExecutionAttribute), inherit: false).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unanswered_ticket_warns_the_lead_once_then_escalates_once_to_the_lead_and_the_head_of_diskominfo()
    {
        var ticket = await _people.ReportAsync(_module.Services);
        Notifier.Clear();

        _clock.Advance(TimeSpan.FromMinutes(80));
        var early = await RunAsync();
        _clock.Advance(TimeSpan.FromMinutes(15));
        var warned = await RunAsync();
        var again = await RunAsync();
        _clock.Advance(TimeSpan.FromMinutes(30));
        var breached = await RunAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var after = await RunAsync();

        early.ShouldBe(new SlaRun(0, 0, 0), "1 h 20 min of a 2 h target is below 75 %");
        warned.ShouldBe(new SlaRun(1, 0, 0));
        again.ShouldBe(new SlaRun(0, 0, 0));
        breached.ShouldBe(new SlaRun(0, 1, 0));
        after.ShouldBe(new SlaRun(0, 0, 0));
        var notices = Notifier.Notices;
        notices.Count.ShouldBe(2);
        notices.ShouldAllBe(n => n.Topic == NoticeTopic.Ticket && n.Link == $"/tiket/{ticket.Number}");
        notices[0].Key.ShouldBe($"tickets.ticket:{ticket.Id}:response-warning:P2");
        notices[0].RecipientEmployeeIds.ShouldBe(_people.Leads, ignoreOrder: true);
        notices[1].Key.ShouldBe($"tickets.ticket:{ticket.Id}:response-breach:P2");
        notices[1].RecipientEmployeeIds.ShouldBe(_people.Leads.Concat(_people.Heads).Distinct(), ignoreOrder: true);
        notices[1].Title.Indonesian.ShouldStartWith("Eskalasi");
        var stored = await TicketAsync(ticket.Id);
        stored.ResponseWarnedAt.ShouldNotBeNull();
        stored.ResponseEscalatedAt.ShouldNotBeNull();
        _module.Audit.Events.Where(e => e.EntityId == ticket.Id.ToString()).Select(e => e.Action)
            .ShouldBe(["ticket.reported", "ticket.sla-warned", "ticket.sla-escalated"]);
    }

    [Fact]
    public async Task The_resolution_warning_goes_to_the_assigned_technician_and_a_wait_for_the_opd_holds_it_back()
    {
        var ticket = await _people.ReportAsync(_module.Services);
        await WithAsync(async sp =>
        {
            var desk = sp.GetRequiredService<TicketDesk>();
            await desk.AssignAsync(ticket.Id, _people.LeadActor, _people.Technician.ToString(), "Teknisi Jaringan", null, Ct);
            await desk.StartAsync(ticket.Id, _people.LeadActor, Ct);
            return 0;
        });
        _clock.Advance(TimeSpan.FromHours(5));
        await WithAsync(async sp =>
        {
            await sp.GetRequiredService<TicketDesk>().WaitForOpdAsync(ticket.Id, _people.LeadActor, "Ruang server terkunci.", Ct);
            return 0;
        });
        Notifier.Clear();

        _clock.Advance(TimeSpan.FromHours(2));
        var paused = await RunAsync();
        await WithAsync(async sp =>
        {
            await sp.GetRequiredService<TicketDesk>().ResumeAsync(ticket.Id, _people.LeadActor, null, Ct);
            return 0;
        });
        _clock.Advance(new TimeSpan(16, 35, 0)); // Tuesday 08.35: 5 h on Monday before the wait and 1 h 05 min on Tuesday, past the 6 h warning
        var resumed = await RunAsync();

        paused.ShouldBe(new SlaRun(0, 0, 0), "the customer clock stands while waiting for the OPD");
        resumed.Warned.ShouldBe(1);
        var warning = Notifier.Notices.ShouldHaveSingleItem();
        warning.Key.ShouldBe($"tickets.ticket:{ticket.Id}:resolution-warning:P2");
        warning.RecipientEmployeeIds.ShouldBe([_people.Technician]);
    }

    [Fact]
    public async Task A_resolved_ticket_closes_itself_after_the_configured_days_and_the_reporter_is_told_once()
    {
        var ticket = await _people.ReportAsync(_module.Services);
        await WithAsync(async sp =>
        {
            var desk = sp.GetRequiredService<TicketDesk>();
            await desk.AssignAsync(ticket.Id, _people.LeadActor, _people.Technician.ToString(), "Teknisi Jaringan", null, Ct);
            await desk.StartAsync(ticket.Id, _people.LeadActor, Ct);
            await desk.ResolveAsync(ticket.Id, _people.LeadActor, "Modem diganti.", Ct);
            return 0;
        });
        Notifier.Clear();

        _clock.Advance(TimeSpan.FromDays(2));
        var early = await RunAsync();
        _clock.Advance(TimeSpan.FromDays(1));
        var due = await RunAsync();
        var again = await RunAsync();

        early.AutoClosed.ShouldBe(0);
        due.AutoClosed.ShouldBe(1);
        again.AutoClosed.ShouldBe(0);
        (await TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Closed);
        var notice = Notifier.Notices.ShouldHaveSingleItem();
        notice.RecipientEmployeeIds.ShouldBe([_people.Reporter]);
        notice.Key.ShouldStartWith($"tickets.ticket:{ticket.Id}:auto-closed:");
        _module.Audit.Events.Count(e => e.EntityId == ticket.Id.ToString() && e.Action == "ticket.auto-closed").ShouldBe(1);
    }

    private Task<SlaRun> RunAsync() => WithAsync(sp => sp.GetRequiredService<SlaWatch>().RunAsync(Ct));

    private Task<Ticket> TicketAsync(Guid id) => WithAsync(sp => sp.GetRequiredService<TicketsDbContext>().Tickets.AsNoTracking().SingleAsync(t => t.Id == id, Ct));

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _module.CreateScope();
        return await action(scope.ServiceProvider);
    }
}

/// <summary>Who the SLA job tells in the demo city: the helpdesk lead, the head of Diskominfo, a technician, and a kelurahan reporter and site.</summary>
internal sealed record SlaPeople(IReadOnlyList<Guid> Leads, IReadOnlyList<Guid> Heads, Guid Technician, Guid Reporter, Guid SiteId)
{
    public TicketActor LeadActor => new(Leads[0].ToString(), "Kepala Seksi Infrastruktur Jaringan", TicketRole.HelpdeskAgent);

    public TicketActor ReporterActor => new(Reporter.ToString(), "Staf Kelurahan", TicketRole.Reporter);

    public static async Task<SlaPeople> FindAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var agencies = await directory.ListAgenciesAsync();
        var diskominfo = agencies.Single(a => a.Code == "DISKOMINFO");
        var positions = await directory.ListAgencyPositionsAsync(diskominfo.AgencyId);
        var leads = positions.Where(p => p.Title == "Kepala Seksi Infrastruktur Jaringan").SelectMany(p => p.Holders).Select(h => h.EmployeeId).Distinct().ToList();
        var heads = positions.Where(p => p.IsHeadOfAgency).SelectMany(p => p.Holders).Select(h => h.EmployeeId).Distinct().ToList();
        var technician = positions.Where(p => p.Level == PositionLevel.Staf).SelectMany(p => p.Holders).Select(h => h.EmployeeId).First(id => !leads.Contains(id));
        var site = await db.Sites.AsNoTracking().Where(s => s.Kind == SiteKind.Kelurahan).OrderBy(s => s.Code).FirstAsync();
        var reporter = (await directory.ListAgencyPositionsAsync(site.AgencyId)).SelectMany(p => p.Holders).Select(h => h.EmployeeId).First();
        leads.ShouldNotBeEmpty("the demo chart has the lead's position, held");
        heads.ShouldNotBeEmpty();
        return new SlaPeople(leads, heads, technician, reporter, site.Id);
    }

    public async Task<ReportedTicket> ReportAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketReporting>()
            .ReportAsync(new ReportTicket(SiteId, TicketCategory.InternetDown, "Internet tidak terkoneksi."), ReporterActor, TestContext.Current.CancellationToken);
    }
}
