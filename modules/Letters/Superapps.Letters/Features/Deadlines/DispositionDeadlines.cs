using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Notifications.Contracts;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Deadlines;

/// <summary>What one pass over the deadlines did.</summary>
public sealed record DeadlineRun(int Reminded, int Escalated, bool NoNotifier = false);

/// <summary>
/// Reminds recipients of dispositions close to their deadline and escalates overdue ones to their giver, through the
/// domain's <see cref="Disposition.Remind"/> and <see cref="Disposition.Escalate"/> (each once per deadline). Each step is
/// written to the letter's history and audited. Idempotent: a node done once drops out of the query, and the notices carry
/// keys that the notifier deduplicates, so a pass interrupted between notifying and saving notifies once when retried.
/// </summary>
/// <remarks>
/// The notifier is resolved when a pass runs, not when this service is built: the host may run without a Notifications
/// module, and then a pass does nothing (and says so in the log) rather than mark reminders that nobody received.
/// </remarks>
public sealed partial class DispositionDeadlines(
    LettersDbContext db,
    IOrganizationDirectory directory,
    IAuditTrail audit,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<DispositionDeadlines> logger)
{
    /// <summary>Nodes handled per query.</summary>
    public const int BatchSize = 100;

    private const string Module = LettersDbContext.Schema;
    private const string SystemActor = "Sistem";

    public async Task<DeadlineRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var notifier = services.GetService<INotifier>();
        if (notifier is null)
        {
            LogNoNotifier(logger);
            return new DeadlineRun(0, 0, NoNotifier: true);
        }

        var now = clock.GetUtcNow();
        var horizon = now.AddDays(1);
        var skipped = new HashSet<Guid>();
        int reminded = 0, escalated = 0;
        while (true)
        {
            // Live (status below Done), not escalated, with a deadline within a day or past: the partial index
            // ix_dispositions_deadline_pending holds exactly these. Reminded nodes come back only once overdue.
            var skip = skipped.ToList();
            var batch = await db.Dispositions
                .Where(d => d.Status < DispositionStatus.Done && d.EscalatedAt == null && d.Deadline != null && d.Deadline <= horizon
                    && (d.Deadline < now || d.RemindedAt == null) && !skip.Contains(d.Id))
                .OrderBy(d => d.Deadline).ThenBy(d => d.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var letterIds = batch.Select(d => d.LetterId).Distinct().ToList();
            var letters = await db.Letters.AsNoTracking().Where(l => letterIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
            foreach (var disposition in batch)
            {
                var done = await StepAsync(notifier, letters[disposition.LetterId], disposition, now, cancellationToken);
                reminded += done == Step.Reminded ? 1 : 0;
                escalated += done == Step.Escalated ? 1 : 0;
                if (done == Step.None)
                {
                    skipped.Add(disposition.Id);
                }
            }

            db.ChangeTracker.Clear();
        }

        return new DeadlineRun(reminded, escalated);
    }

    /// <summary>One node: escalate, remind or nothing. A failure is logged and leaves the node to the next run, without holding up the others.</summary>
    private async Task<Step> StepAsync(INotifier notifier, Letter letter, Disposition disposition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return disposition.IsEscalationDue(now) ? await EscalateAsync(notifier, letter, disposition, now, cancellationToken)
                : disposition.IsReminderDue(now) ? await RemindAsync(notifier, letter, disposition, now, cancellationToken)
                : Step.None;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStepFailed(logger, disposition.Id, ex);
            db.Entry(disposition).State = EntityState.Detached;
            foreach (var unsaved in db.ChangeTracker.Entries<LetterEvent>().Where(e => e.State == EntityState.Added).ToList())
            {
                unsaved.State = EntityState.Detached;
            }

            return Step.None;
        }
    }

    private async Task<Step> RemindAsync(INotifier notifier, Letter letter, Disposition d, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deadline = d.Deadline!.Value;
        var recipients = await HoldersAsync(d.ToPositionId, d.ToEmployeeId, cancellationToken);
        await notifier.NotifyAsync(new Notice(recipients, NoticeTopic.DeadlineReminder, Key(d, "reminded"),
            new BilingualText($"Disposisi mendekati batas waktu: {Wib.FormatDateTime(deadline)}",
                $"A disposition is due {Wib.FormatDateTime(deadline, English)}"),
            Body(letter, d), Link(letter), Sensitive(letter)), cancellationToken);

        d.Remind(now);
        var summary = $"Pengingat batas waktu ({Wib.FormatDateTime(deadline)}) dikirim kepada {d.ToTitle}";
        return await SaveAsync(letter, d, "reminded", summary, Step.Reminded, new { deadline, recipients = recipients.Count }, cancellationToken);
    }

    private async Task<Step> EscalateAsync(INotifier notifier, Letter letter, Disposition d, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deadline = d.Deadline!.Value;
        var recipients = await HoldersAsync(d.ToPositionId, d.ToEmployeeId, cancellationToken);
        var givers = (await HoldersAsync(d.FromPositionId, null, cancellationToken)).Append(d.FromEmployeeId).Distinct().ToList();
        await notifier.NotifyAsync(new Notice(recipients, NoticeTopic.Overdue, Key(d, "overdue"),
            new BilingualText($"Disposisi melewati batas waktu {Wib.FormatDateTime(deadline)}",
                $"A disposition is overdue since {Wib.FormatDateTime(deadline, English)}"),
            Body(letter, d), Link(letter), Sensitive(letter)), cancellationToken);
        await notifier.NotifyAsync(new Notice(givers, NoticeTopic.Overdue, Key(d, "escalated"),
            new BilingualText($"Eskalasi: disposisi Anda kepada {d.ToTitle} melewati batas waktu",
                $"Escalation: your disposition to {d.ToTitle} is overdue"),
            Body(letter, d), Link(letter), Sensitive(letter)), cancellationToken);

        d.Escalate(now);
        var summary = $"Disposisi kepada {d.ToTitle} melewati batas waktu {Wib.FormatDateTime(deadline)}; dieskalasi kepada {d.FromTitle}";
        return await SaveAsync(letter, d, "escalated", summary, Step.Escalated, new { deadline, recipients = recipients.Count, givers = givers.Count }, cancellationToken);
    }

    private async Task<Step> SaveAsync(Letter letter, Disposition d, string action, string summary, Step step, object data, CancellationToken cancellationToken)
    {
        var history = new LetterEvent(Guid.CreateVersion7(), letter.Id, d.Id, action, null, SystemActor, summary, clock.GetUtcNow());
        db.Events.Add(history);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on the node meanwhile; the next pass looks at it again (the notice is not repeated: same key).
            db.Entry(history).State = EntityState.Detached;
            db.Entry(d).State = EntityState.Detached;
            return Step.None;
        }

        await audit.RecordAsync(new AuditEvent(Module, $"disposition.{action}", nameof(Disposition), d.Id.ToString(), summary,
            new { letter = letter.Id, letter.AgendaLabel, details = data }), cancellationToken);
        return step;
    }

    /// <summary>Who holds the position now (definitively, as Plt or as Plh); the recorded holder when nobody does.</summary>
    private async Task<IReadOnlyCollection<Guid>> HoldersAsync(Guid positionId, Guid? fallback, CancellationToken cancellationToken)
    {
        var position = await directory.GetPositionAsync(positionId, cancellationToken);
        var holders = position?.Holders.Select(h => h.EmployeeId).Distinct().ToList() ?? [];
        if (holders.Count == 0 && fallback is { } employee)
        {
            holders.Add(employee);
        }

        return holders;
    }

    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    /// <summary>One key per node, step and deadline: a new deadline after a reopen gets notices of its own.</summary>
    private static string Key(Disposition d, string step) => $"letters.disposition:{d.Id}:{step}:{d.Deadline!.Value.ToUnixTimeSeconds()}";

    private static BilingualText Body(Letter letter, Disposition d) => new(
        $"Surat {letter.AgendaLabel} dari {letter.Sender}: {letter.Subject}. Instruksi {d.FromTitle}: {string.Join(", ", d.Instructions)}.",
        $"Letter {letter.AgendaLabel} from {letter.Sender}: {letter.Subject}. Instructions from {d.FromTitle}: {string.Join(", ", d.Instructions)}.");

    private static string Link(Letter letter) => $"/surat/{letter.Id}";

    /// <summary>Terbatas, Rahasia and Sangat Rahasia letters never leave the portal by e-mail or WhatsApp with their content.</summary>
    private static bool Sensitive(Letter letter) => letter.SecurityClass != SecurityClass.Biasa;

    private enum Step
    {
        None,
        Reminded,
        Escalated,
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminding or escalating disposition {DispositionId} failed; the next run tries again.")]
    private static partial void LogStepFailed(ILogger logger, Guid dispositionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No notifier is registered (the Notifications module); disposition reminders and escalations wait until one is.")]
    private static partial void LogNoNotifier(ILogger logger);
}
