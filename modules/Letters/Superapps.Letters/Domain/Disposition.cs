using Superapps.Letters.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Domain;

/// <summary>Where a disposition stands. Overdue is not stored: it is an open disposition past its deadline.</summary>
public enum DispositionStatus
{
    Unread = 0,
    Read = 1,
    InProgress = 2,

    /// <summary>The recipient reported and marked it done; the giver may accept it or reopen it.</summary>
    Done = 3,
    Cancelled = 4,
}

/// <summary>The holder of a position acting on a letter: who, for which position, and how they hold it.</summary>
/// <param name="Title">The title as shown, "Plt. Kepala Dinas …" for an acting holder.</param>
public sealed record Actor(Guid EmployeeId, string Name, Guid PositionId, string Title);

/// <summary>
/// One node of a letter's disposition tree: an instruction from the holder of one position to another position below it.
/// A top-level disposition (no parent) is given by a recipient of the letter itself.
/// </summary>
public sealed class Disposition
{
    /// <summary>The preset instructions, as officials write them on a lembar disposisi.</summary>
    public static readonly IReadOnlyList<string> PresetInstructions =
        ["Laksanakan", "Tindak lanjuti", "Pelajari", "Hadiri/Wakili", "Siapkan bahan", "Koordinasikan", "Untuk diketahui", "Arsipkan"];

    private Disposition()
    {
    }

    public Guid Id { get; private set; }

    public Guid LetterId { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>The submission that created it: the same form sent twice creates each disposition once.</summary>
    public Guid? RequestId { get; private set; }

    public Guid FromEmployeeId { get; private set; }

    public string FromName { get; private set; } = string.Empty;

    public Guid FromPositionId { get; private set; }

    public string FromTitle { get; private set; } = string.Empty;

    public Guid ToPositionId { get; private set; }

    public string ToTitle { get; private set; } = string.Empty;

    /// <summary>Who held the position (or acted for it) when the disposition was sent.</summary>
    public Guid? ToEmployeeId { get; private set; }

    public string? ToName { get; private set; }

    public List<string> Instructions { get; private set; } = [];

    public string? Note { get; private set; }

    public DateTimeOffset? Deadline { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DispositionStatus Status { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? Report { get; private set; }

    /// <summary>When a reminder before the deadline went out (so it goes out once).</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>When the overdue disposition was escalated to its giver (once).</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The deadline a disposition gets by default from the letter's urgency: Sangat Segera 24 hours, Segera 48 hours, Biasa none.</summary>
    public static DateTimeOffset? DefaultDeadline(Urgency urgency, DateTimeOffset now) => urgency switch
    {
        Urgency.SangatSegera => now.AddHours(24),
        Urgency.Segera => now.AddHours(48),
        _ => null,
    };

    /// <summary>Creates a disposition after the caller checked that <paramref name="to"/> sits below the giver's position.</summary>
    public static Disposition Give(Guid id, Guid letterId, Guid? parentId, Actor from, Guid toPositionId, string toTitle, Guid? toEmployeeId, string? toName,
        IEnumerable<string> instructions, string? note, DateTimeOffset? deadline, DateTimeOffset now, Guid? requestId = null)
    {
        var errors = new List<UserError>();
        var list = instructions.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0)
        {
            errors.Add(LetterErrors.NoInstruction);
        }

        if (list.Any(i => i.Length > 200))
        {
            errors.Add(LetterErrors.InstructionTooLong);
        }

        if (note is { Length: > 2000 })
        {
            errors.Add(LetterErrors.NoteTooLong);
        }

        if (deadline is { } d && d <= now)
        {
            errors.Add(LetterErrors.DeadlineInPast);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        return new Disposition
        {
            Id = id,
            LetterId = letterId,
            ParentId = parentId,
            RequestId = requestId,
            FromEmployeeId = from.EmployeeId,
            FromName = from.Name,
            FromPositionId = from.PositionId,
            FromTitle = from.Title,
            ToPositionId = toPositionId,
            ToTitle = toTitle,
            ToEmployeeId = toEmployeeId,
            ToName = toName,
            Instructions = list,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Deadline = deadline,
            SentAt = now,
            Status = DispositionStatus.Unread,
        };
    }

    /// <summary>The first opening by a holder of the target position records the read receipt; later openings change nothing.</summary>
    public bool MarkRead(DateTimeOffset now)
    {
        if (Status != DispositionStatus.Unread)
        {
            return false;
        }

        Status = DispositionStatus.Read;
        ReadAt = now;
        return true;
    }

    public void Cancel(Guid byPositionId, DateTimeOffset now)
    {
        RequireGiver(byPositionId);
        if (Status != DispositionStatus.Unread)
        {
            throw new DomainRuleException(LetterErrors.CancelAfterRead);
        }

        Status = DispositionStatus.Cancelled;
        CancelledAt = now;
    }

    public void Start(Guid byPositionId)
    {
        RequireRecipient(byPositionId);
        if (Status is not (DispositionStatus.Read or DispositionStatus.Unread))
        {
            throw new DomainRuleException(LetterErrors.WrongState);
        }

        Status = DispositionStatus.InProgress;
    }

    /// <summary>The recipient reports what they did and marks the disposition done.</summary>
    public void Complete(Guid byPositionId, string report, DateTimeOffset now)
    {
        RequireRecipient(byPositionId);
        if (Status is DispositionStatus.Done or DispositionStatus.Cancelled)
        {
            throw new DomainRuleException(LetterErrors.WrongState);
        }

        report = (report ?? string.Empty).Trim();
        if (report.Length is 0 or > 4000)
        {
            throw new DomainRuleException(LetterErrors.ReportRequired);
        }

        ReadAt ??= now;
        Status = DispositionStatus.Done;
        DoneAt = now;
        Report = report;
    }

    public void Accept(Guid byPositionId, DateTimeOffset now)
    {
        RequireGiver(byPositionId);
        if (Status != DispositionStatus.Done || AcceptedAt is not null)
        {
            throw new DomainRuleException(LetterErrors.WrongState);
        }

        AcceptedAt = now;
    }

    /// <summary>The giver is not satisfied: the disposition goes back to work, with the giver's reason as a new note.</summary>
    public void Reopen(Guid byPositionId, string reason)
    {
        RequireGiver(byPositionId);
        if (Status != DispositionStatus.Done)
        {
            throw new DomainRuleException(LetterErrors.WrongState);
        }

        Status = DispositionStatus.InProgress;
        DoneAt = null;
        AcceptedAt = null;
        Note = string.IsNullOrWhiteSpace(reason) ? Note : $"{Note}\n[Dibuka kembali] {reason.Trim()}".Trim();
    }

    /// <summary>
    /// The giver reopens the follow-up and sets a new deadline. The reminder and the escalation belong to a deadline, so both
    /// are cleared: the new deadline gets its own reminder and, if missed, its own escalation. (A reopen without a new deadline
    /// keeps the old one with its marks: a node already escalated for it is not escalated again.)
    /// </summary>
    public void Reopen(Guid byPositionId, string reason, DateTimeOffset newDeadline, DateTimeOffset now)
    {
        if (newDeadline <= now)
        {
            throw new DomainRuleException(LetterErrors.DeadlineInPast);
        }

        Reopen(byPositionId, reason);
        Deadline = newDeadline;
        RemindedAt = null;
        EscalatedAt = null;
    }

    /// <summary>Unread, read or in progress: the recipient still has to act. Done (accepted or not) and cancelled nodes are not.</summary>
    public bool IsLive => Status is DispositionStatus.Unread or DispositionStatus.Read or DispositionStatus.InProgress;

    /// <summary>
    /// How long before the deadline the reminder goes out: a day, or half the time given when the disposition was given less than
    /// two days before its deadline (so a 24-hour Sangat Segera disposition is not "reminded" minutes after it arrived).
    /// </summary>
    public TimeSpan ReminderLead => Deadline is { } d ? TimeSpan.FromTicks(Math.Min(TimeSpan.FromDays(1).Ticks, (d - SentAt).Ticks / 2)) : TimeSpan.Zero;

    /// <summary>
    /// A reminder is due once per deadline: the node is live, its deadline has not passed but is within <see cref="ReminderLead"/>,
    /// and neither a reminder nor an escalation went out for it.
    /// </summary>
    public bool IsReminderDue(DateTimeOffset now) =>
        IsLive && RemindedAt is null && EscalatedAt is null && Deadline is { } d && d > now && d - now <= ReminderLead;

    /// <summary>An escalation to the giver is due once per deadline: the node is live, past its deadline, and not escalated yet.</summary>
    public bool IsEscalationDue(DateTimeOffset now) => IsLive && EscalatedAt is null && Deadline is { } d && d < now;

    /// <summary>Records that the recipient was reminded of the deadline. Only when <see cref="IsReminderDue"/>; never twice.</summary>
    public void Remind(DateTimeOffset now)
    {
        if (!IsReminderDue(now))
        {
            throw new DomainRuleException(LetterErrors.ReminderNotDue);
        }

        RemindedAt = now;
    }

    /// <summary>Records that the overdue disposition was escalated to its giver. Only when <see cref="IsEscalationDue"/>; never twice.</summary>
    public void Escalate(DateTimeOffset now)
    {
        if (!IsEscalationDue(now))
        {
            throw new DomainRuleException(LetterErrors.EscalationNotDue);
        }

        EscalatedAt = now;
    }

    /// <summary>Open (not done, not cancelled) and past its deadline.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status is not (DispositionStatus.Done or DispositionStatus.Cancelled) && Deadline is { } d && d < now;

    /// <summary>Open and due within a day: shown in yellow, and a reminder goes out.</summary>
    public bool IsDueSoon(DateTimeOffset now) =>
        Status is not (DispositionStatus.Done or DispositionStatus.Cancelled) && Deadline is { } d && d >= now && d - now <= TimeSpan.FromDays(1);

    private void RequireRecipient(Guid positionId)
    {
        if (positionId != ToPositionId)
        {
            throw new DomainRuleException(LetterErrors.NotYours);
        }
    }

    private void RequireGiver(Guid positionId)
    {
        if (positionId != FromPositionId)
        {
            throw new DomainRuleException(LetterErrors.NotGiver);
        }
    }
}
