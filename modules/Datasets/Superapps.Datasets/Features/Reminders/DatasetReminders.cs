using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Notifications.Contracts;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Reminders;

/// <summary>What one pass of the reminders job did.</summary>
public sealed record ReminderRun(int Reminded, int Escalated, bool NoNotifier = false);

/// <summary>
/// One pass of the reminders job (<see cref="DatasetRemindersJob"/>), for every active dataset (<see cref="ReminderRules"/>):
/// <list type="bullet">
/// <item>A period due within <see cref="ReminderOptions.DaysBefore"/> days with no upload: the OPD's data people are reminded.</item>
/// <item>The latest period whose due date has passed with no approved version: the OPD head is told once (the head position's holders:
/// the definitive one and any Plt or Plh), and the data people are told it was escalated.</item>
/// </list>
/// The OPD's data people: roles live only in the identity database, so they are the employees who uploaded the dataset's latest
/// <see cref="ReminderOptions.RecentVersions"/> versions; a dataset nobody has uploaded yet falls back to the OPD head.
/// Each (dataset, period, kind) is sent once: the record of it (<c>datasets.reminders</c>) is written in the transaction that checked
/// the data, and the notices go out before it commits, with keys the notifier deduplicates, so a failed pass is retried whole.
/// </summary>
public sealed partial class DatasetReminders(
    IDbContextFactory<DatasetsDbContext> contexts,
    IOrganizationDirectory directory,
    IAuditTrail audit,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    IServiceProvider services,
    ILogger<DatasetReminders> logger)
{
    private static readonly CultureInfo Indonesian = Wib.Indonesian;
    private static readonly CultureInfo English = Wib.English;

    private readonly Dictionary<Guid, IReadOnlyList<Guid>> _heads = [];

    public async Task<ReminderRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var notifier = services.GetService<INotifier>();
        if (notifier is null)
        {
            LogNoNotifier(logger);
            return new ReminderRun(0, 0, NoNotifier: true);
        }

        var today = Wib.Today(clock);
        List<(Guid Id, string Code, string Title, Guid AgencyId, UpdateSchedule Schedule, ReportingPeriod Since)> datasets;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var rows = await db.Datasets.AsNoTracking().Where(d => d.IsActive)
                .Select(d => new { d.Id, d.Code, d.Title, d.ProducerAgencyId, d.Frequency, d.DueDay, d.FirstPeriod }).ToListAsync(cancellationToken);
            datasets = [.. rows.Select(r => (r.Id, r.Code, r.Title, r.ProducerAgencyId, new UpdateSchedule(r.Frequency, r.DueDay), ReportingPeriod.Parse(r.Frequency, r.FirstPeriod)))];
        }

        int reminded = 0, escalated = 0;
        foreach (var d in datasets)
        {
            foreach (var (period, kind) in ReminderRules.Candidates(d.Schedule, d.Since, today, options.Value.DaysBefore))
            {
                try
                {
                    if (await StepAsync(notifier, new Target(d.Id, d.Code, d.Title, d.AgencyId, period, d.Schedule.DueOn(period)), kind, cancellationToken))
                    {
                        _ = kind == ReminderKind.Reminder ? reminded++ : escalated++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogStepFailed(logger, d.Code, period.Key, kind, ex);
                }
            }
        }

        return new ReminderRun(reminded, escalated);
    }

    private sealed record Target(Guid DatasetId, string Code, string Title, Guid AgencyId, ReportingPeriod Period, DateOnly DueOn);

    /// <summary>Checks the data and, when the notice is still owed, records and sends it in one transaction. True when sent.</summary>
    private async Task<bool> StepAsync(INotifier notifier, Target target, ReminderKind kind, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Reminders.AnyAsync(r => r.DatasetId == target.DatasetId && r.Period == target.Period.Key && r.Kind == kind, cancellationToken))
        {
            return false;
        }

        var versions = db.Versions.Where(v => v.DatasetId == target.DatasetId && v.Period == target.Period.Key);
        var settled = kind == ReminderKind.Reminder
            ? await versions.AnyAsync(cancellationToken)
            : await versions.AnyAsync(v => v.Status == VersionStatus.Approved, cancellationToken);
        if (settled)
        {
            return false;
        }

        var recent = options.Value.RecentVersions;
        var dataPeople = (await db.Versions.Where(v => v.DatasetId == target.DatasetId).OrderByDescending(v => v.Number).Take(recent)
            .Select(v => v.UploadedById).ToListAsync(cancellationToken)).Distinct().ToList();
        var heads = await HeadsAsync(target.AgencyId, cancellationToken);
        List<Guid> told;
        if (kind == ReminderKind.Reminder)
        {
            told = dataPeople.Count > 0 ? dataPeople : [.. heads];
            if (told.Count > 0)
            {
                await notifier.NotifyAsync(ReminderNotice(target, told), cancellationToken);
            }
        }
        else
        {
            var team = dataPeople.Except(heads).ToList();
            if (heads.Count > 0)
            {
                await notifier.NotifyAsync(EscalationNotice(target, [.. heads]), cancellationToken);
            }

            if (team.Count > 0)
            {
                await notifier.NotifyAsync(EscalatedNotice(target, team), cancellationToken);
            }

            told = [.. heads, .. team];
        }

        db.Reminders.Add(new DatasetReminder { DatasetId = target.DatasetId, Period = target.Period.Key, Kind = kind, SentAt = clock.GetUtcNow(), Recipients = told });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var (action, summary) = kind == ReminderKind.Reminder
            ? ("dataset.reminded", $"{target.Code} {target.Period.Key}: pengingat batas waktu {target.DueOn:yyyy-MM-dd} dikirim ke {told.Count} orang")
            : ("dataset.escalated", $"{target.Code} {target.Period.Key}: batas waktu {target.DueOn:yyyy-MM-dd} terlewati tanpa data disetujui; dieskalasi ke kepala OPD");
        await audit.RecordAsync(new AuditEvent(DatasetsDbContext.Schema, action, nameof(Dataset), target.DatasetId.ToString(), summary,
            new { Period = target.Period.Key, DueOn = target.DueOn, Recipients = told }), cancellationToken);
        return told.Count > 0;
    }

    /// <summary>Who holds the OPD's head position today: the definitive holder and any Plt or Plh (the Organization module lists them).</summary>
    private async Task<IReadOnlyList<Guid>> HeadsAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!_heads.TryGetValue(agencyId, out var heads))
        {
            heads = [.. (await directory.ListAgencyPositionsAsync(agencyId, cancellationToken)).Where(p => p.IsHeadOfAgency && p.IsActive)
                .SelectMany(p => p.Holders).Select(h => h.EmployeeId).Distinct()];
            _heads[agencyId] = heads;
        }

        return heads;
    }

    private static string Link(Target t) => $"/data/{t.Code}/unggah";

    private static Notice ReminderNotice(Target t, IReadOnlyCollection<Guid> to)
    {
        var (periodId, periodEn) = Both(() => t.Period.Label);
        return new Notice(to, NoticeTopic.DeadlineReminder, $"datasets.dataset:{t.DatasetId}:{t.Period.Key}:reminder",
            new BilingualText($"Pengingat: data {t.Title} {periodId} jatuh tempo {Wib.FormatDate(t.DueOn, Indonesian)}",
                $"Reminder: the data {t.Title} for {periodEn} is due on {Wib.FormatDate(t.DueOn, English)}"),
            new BilingualText("Belum ada data yang diunggah untuk periode ini. Unggah sebelum batas waktu agar OPD Anda tercatat tepat waktu.",
                "Nothing has been uploaded for this period yet. Upload it before the due date so your agency counts as on time."),
            Link(t));
    }

    private static Notice EscalationNotice(Target t, IReadOnlyCollection<Guid> to)
    {
        var (periodId, periodEn) = Both(() => t.Period.Label);
        return new Notice(to, NoticeTopic.Overdue, $"datasets.dataset:{t.DatasetId}:{t.Period.Key}:escalation",
            new BilingualText($"Data {t.Title} {periodId} terlambat", $"The data {t.Title} for {periodEn} is late"),
            new BilingualText($"Batas waktu {Wib.FormatDate(t.DueOn, Indonesian)} telah terlewati dan belum ada data yang disetujui walidata. Mohon arahkan operator data OPD Anda.",
                $"The due date {Wib.FormatDate(t.DueOn, English)} has passed and no data has been approved by the walidata. Please ask your agency's data operator to act."),
            Link(t));
    }

    private static Notice EscalatedNotice(Target t, IReadOnlyCollection<Guid> to)
    {
        var (periodId, periodEn) = Both(() => t.Period.Label);
        return new Notice(to, NoticeTopic.Overdue, $"datasets.dataset:{t.DatasetId}:{t.Period.Key}:escalation-team",
            new BilingualText($"Data {t.Title} {periodId} terlambat dan dilaporkan ke kepala OPD", $"The data {t.Title} for {periodEn} is late and was reported to the agency head"),
            new BilingualText($"Batas waktu {Wib.FormatDate(t.DueOn, Indonesian)} telah terlewati. Unggah datanya segera.",
                $"The due date {Wib.FormatDate(t.DueOn, English)} has passed. Upload the data as soon as possible."),
            Link(t));
    }

    /// <summary>A culture-dependent text in Indonesian and in English.</summary>
    private static (string Indonesian, string English) Both(Func<string> text)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Indonesian;
            var id = text();
            CultureInfo.CurrentUICulture = English;
            return (id, text());
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No INotifier is registered: dataset reminders are not sent.")]
    private static partial void LogNoNotifier(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Kind} for dataset {Code} period {Period} failed; the next pass tries again.")]
    private static partial void LogStepFailed(ILogger logger, string code, string period, ReminderKind kind, Exception exception);
}
