using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Reminders;
using Superapps.Notifications.Contracts;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The reminders job's pass on PostgreSQL with a moved clock. The datasets' November data is due on 10 December 2026 (WIB), with the
/// reminder window opening three days before.
/// </summary>
public sealed class ReminderTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestClock _clock = new(SmallCity.At(12, 6, 9));
    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync() =>
        _services = await ModuleServices.CreateAsync(server, s => s.AddDatasetsModule().AddSingleton<IOrganizationDirectory, CityDirectory>(), clock: _clock);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private RecordingNotifier Notifier => _services.Services.GetRequiredService<RecordingNotifier>();

    private IDbContextFactory<DatasetsDbContext> Contexts => _services.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>();

    private void On(int day, int hour = 7) => _clock.Advance(SmallCity.At(12, day, hour) - _clock.GetUtcNow());

    private async Task<ReminderRun> RunAsync()
    {
        await using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DatasetReminders>().RunAsync(Ct);
    }

    /// <summary>A monthly dataset required from November 2026; with an October upload by the operator when <paramref name="withOperator"/>.</summary>
    private async Task<Dataset> DatasetAsync(AgencyProfile agency, bool withOperator = true)
    {
        var dataset = SmallCity.Monthly($"data-{Guid.NewGuid():N}"[..20], "Jumlah Sekolah", agency.AgencyId, since: "2026-11");
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        db.Datasets.Add(dataset);
        if (withOperator)
        {
            db.Versions.Add(SmallCity.Version(dataset, "2026-10", 1, SmallCity.At(11, 9, 10)));
        }

        await db.SaveChangesAsync(Ct);
        return dataset;
    }

    private async Task AddVersionAsync(Dataset dataset, int number, DateTimeOffset uploadedAt, bool approve)
    {
        var version = SmallCity.Version(dataset, "2026-11", number, uploadedAt);
        if (approve)
        {
            version.Approve(SmallCity.Walidata, "Walidata", null, uploadedAt.AddHours(1));
        }

        await using var db = await Contexts.CreateDbContextAsync(Ct);
        db.Versions.Add(version);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_data_people_are_reminded_once_inside_the_window_and_not_before()
    {
        var dataset = await DatasetAsync(CityDirectory.Disdik);

        (await RunAsync()).ShouldBe(new ReminderRun(0, 0));
        Notifier.Notices.ShouldBeEmpty("4 days before the due date is before the window");

        On(7);
        (await RunAsync()).ShouldBe(new ReminderRun(1, 0));
        var notice = Notifier.Notices.ShouldHaveSingleItem();
        notice.RecipientEmployeeIds.ShouldBe([SmallCity.Operator]);
        (notice.Topic, notice.Key, notice.Link).ShouldBe((NoticeTopic.DeadlineReminder, $"datasets.dataset:{dataset.Id}:2026-11:reminder", $"/data/{dataset.Code}/unggah"));
        notice.Title.Indonesian.ShouldContain("November 2026");
        notice.Title.English.ShouldContain("10 December 2026");
        _services.Audit.Events.ShouldContain(e => e.Action == "dataset.reminded" && e.EntityId == dataset.Id.ToString());

        On(8);
        (await RunAsync()).ShouldBe(new ReminderRun(0, 0));
        Notifier.Notices.Count.ShouldBe(1);
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        (await db.Reminders.SingleAsync(Ct)).ShouldSatisfyAllConditions(
            r => r.Kind.ShouldBe(ReminderKind.Reminder), r => r.Period.ShouldBe("2026-11"), r => r.Recipients.ShouldBe([SmallCity.Operator]));
    }

    [Fact]
    public async Task An_upload_stops_the_reminder_and_a_dataset_nobody_uploaded_reminds_the_head()
    {
        var uploaded = await DatasetAsync(CityDirectory.Disdik);
        await AddVersionAsync(uploaded, 2, SmallCity.At(12, 6, 10), approve: false);
        var untouched = await DatasetAsync(CityDirectory.Dukcapil, withOperator: false);

        On(7);
        (await RunAsync()).ShouldBe(new ReminderRun(1, 0));

        Notifier.Notices.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            n => n.Key.ShouldStartWith($"datasets.dataset:{untouched.Id}:"),
            n => n.RecipientEmployeeIds.ShouldBe([CityDirectory.DukcapilHead.EmployeeId]));
    }

    [Fact]
    public async Task The_day_after_the_due_date_the_head_is_told_once_and_the_data_people_learn_of_it()
    {
        var dataset = await DatasetAsync(CityDirectory.Disdik);
        On(10);
        await RunAsync();
        Notifier.Clear();

        On(11);
        (await RunAsync()).ShouldBe(new ReminderRun(0, 1));

        Notifier.Notices.Select(n => (n.Key, n.Topic, n.RecipientEmployeeIds.Single())).ShouldBe([
            ($"datasets.dataset:{dataset.Id}:2026-11:escalation", NoticeTopic.Overdue, CityDirectory.DisdikHead.EmployeeId),
            ($"datasets.dataset:{dataset.Id}:2026-11:escalation-team", NoticeTopic.Overdue, SmallCity.Operator),
        ]);
        _services.Audit.Events.ShouldContain(e => e.Action == "dataset.escalated" && e.EntityId == dataset.Id.ToString());

        On(12);
        (await RunAsync()).ShouldBe(new ReminderRun(0, 0));
        Notifier.Notices.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_vacant_head_position_escalates_to_its_plt()
    {
        var dataset = await DatasetAsync(CityDirectory.Dinkes, withOperator: false);
        On(11);

        (await RunAsync()).ShouldBe(new ReminderRun(0, 1));

        Notifier.Notices.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            n => n.Key.ShouldBe($"datasets.dataset:{dataset.Id}:2026-11:escalation"),
            n => n.RecipientEmployeeIds.ShouldBe([CityDirectory.DinkesActingHead.EmployeeId]));
    }

    [Fact]
    public async Task Approved_data_stops_the_escalation_even_when_uploaded_late()
    {
        var dataset = await DatasetAsync(CityDirectory.Disdik);
        await AddVersionAsync(dataset, 2, SmallCity.At(12, 9, 10), approve: true);
        var late = await DatasetAsync(CityDirectory.Dukcapil);
        await AddVersionAsync(late, 2, SmallCity.At(12, 10, 23), approve: false);
        On(11);

        (await RunAsync()).ShouldBe(new ReminderRun(0, 1));

        Notifier.Notices.ShouldAllBe(n => n.Key.StartsWith($"datasets.dataset:{late.Id}:", StringComparison.Ordinal), "an upload not yet approved is still escalated");
    }
}
