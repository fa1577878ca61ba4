using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Archive;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Retention;

/// <summary>Who manages retention: an OPD's registry clerk or admin (<see cref="Viewer.KeepsAgenda"/>) for their OPD, a system administrator for all.</summary>
public sealed record RetentionActor(Viewer Viewer, bool IsSystemAdministrator);

/// <summary>The report's lists: what each archived letter is due for.</summary>
public enum RetentionDue
{
    /// <summary>Active period ended: "Pindah ke unit kearsipan".</summary>
    Transfer = 0,

    /// <summary>Inactive period ended, fate Musnah: "Usul musnah".</summary>
    ProposeDestruction = 1,

    /// <summary>Inactive period ended, fate Permanen: "Serahkan ke Lembaga Kearsipan Daerah".</summary>
    HandOver = 2,

    /// <summary>Inactive period ended, fate Dinilai kembali: to be appraised, then destroyed or handed over.</summary>
    Review = 3,
}

/// <param name="AgencyId">For a system administrator, one OPD (null: all). Everyone else sees their own OPD: null or their own OPD's id;
/// another OPD's id is refused (<see cref="ArchiveErrors.OtherAgencyReport"/>).</param>
public sealed record RetentionReportSearch(RetentionDue Due, Guid? AgencyId = null, int Page = 0, int PageSize = 20);

/// <summary>A letter due for a retention decision; restricted letters the viewer is not named on come masked (subject null).</summary>
public sealed record RetentionRow(Guid EntryId, ArchiveKind Kind, Guid LetterId, Guid AgencyId, string Number, DateOnly LetterDate, DateTimeOffset ClosedAt,
    string? Subject, string ClassificationCode, SecurityClass SecurityClass, DateOnly? ActiveUntil, DateOnly? InactiveUntil, RetentionFate? Fate,
    DisposalStatus DisposalStatus, bool Masked);

/// <param name="Counts">How many letters are due in each list (up to <see cref="ArchiveQueries.TotalBound"/>).</param>
public sealed record RetentionReport(IReadOnlyList<RetentionRow> Items, int Total, IReadOnlyDictionary<RetentionDue, int> Counts);

/// <param name="DecidedOn">The berita acara's date (WIB calendar day), not after today.</param>
public sealed record RetentionDecisionInput(RetentionDecisionKind Kind, IReadOnlyList<Guid> EntryIds, string BeritaAcaraNumber, DateOnly DecidedOn, string? Reason);

/// <summary>A letter's destruction as its page tells it: the berita acara's date and number, who decided, when it was recorded, why.</summary>
public sealed record LetterDestruction(DateOnly DecidedOn, string BeritaAcaraNumber, string DecidedByName, DateTimeOffset RecordedAt, string? Reason);

/// <summary>
/// Erases an outgoing letter's stored content (its signed PDF and text) when a destruction decision is carried out, inside the
/// decision's transaction. Implemented by the outgoing letters' storage; without it outgoing letters cannot be destroyed.
/// </summary>
public interface IArchivedOutgoingEraser
{
    Task EraseAsync(IReadOnlyCollection<Guid> outgoingLetterIds, CancellationToken cancellationToken);
}

/// <summary>
/// The retention of the archive (jadwal retensi arsip): the report of letters due for transfer, destruction, hand-over or
/// review, and the recorded decisions that carry them out. Nothing is removed without a decision; a destruction removes the
/// letter's stored files and body text and keeps its entry (metadata, tree, history) as a tombstone with the decision.
/// </summary>
public sealed class RetentionDesk(LettersDbContext db, IAuditTrail audit, TimeProvider clock, IArchivedOutgoingEraser eraser)
{
    private const string Module = LettersDbContext.Schema;

    public async Task<RetentionReport> ReportAsync(RetentionActor actor, RetentionReportSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(search);
        var scope = Scope(actor, search.AgencyId);
        var today = Today();
        var counts = new Dictionary<RetentionDue, int>();
        foreach (var due in Enum.GetValues<RetentionDue>())
        {
            counts[due] = await Due(scope, due, today).Take(ArchiveQueries.TotalBound).CountAsync(cancellationToken);
        }

        var positions = actor.Viewer.PositionIds.ToArray();
        var size = Math.Clamp(search.PageSize, 1, 100);
        var items = await Due(scope, search.Due, today)
            .OrderBy(e => search.Due == RetentionDue.Transfer ? e.ActiveUntil : e.InactiveUntil).ThenBy(e => e.Id)
            .Skip(Math.Max(0, search.Page) * size).Take(size)
            .Select(e => new { Entry = e, Visible = e.SecurityClass == SecurityClass.Biasa || e.VisiblePositions.Any(p => positions.Contains(p)) })
            .Select(x => new RetentionRow(x.Entry.Id, x.Entry.Kind, x.Entry.SourceId, x.Entry.AgencyId, x.Entry.Number, x.Entry.LetterDate, x.Entry.ClosedAt,
                x.Visible ? x.Entry.Subject : null, x.Entry.ClassificationCode, x.Entry.SecurityClass, x.Entry.ActiveUntil, x.Entry.InactiveUntil, x.Entry.Fate,
                x.Entry.DisposalStatus, !x.Visible))
            .ToListAsync(cancellationToken);
        return new RetentionReport(items, counts[search.Due], counts);
    }

    /// <summary>Records a decision and carries it out, all or nothing; returns the decision's id.</summary>
    public async Task<Guid> DecideAsync(RetentionActor actor, RetentionDecisionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.IsSystemAdministrator && !actor.Viewer.KeepsAgenda)
        {
            throw new DomainRuleException(ArchiveErrors.NotRetentionKeeper);
        }

        var today = Today();
        var number = (input.BeritaAcaraNumber ?? string.Empty).Trim();
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        var ids = (input.EntryIds ?? []).Distinct().ToArray();
        var errors = new List<UserError>();
        if (number.Length is 0 or > 100)
        {
            errors.Add(ArchiveErrors.BeritaAcaraRequired);
        }

        if (reason is { Length: > 1000 })
        {
            errors.Add(ArchiveErrors.ReasonTooLong);
        }

        if (ids.Length == 0)
        {
            errors.Add(ArchiveErrors.NoEntries);
        }

        if (input.DecidedOn > today)
        {
            errors.Add(ArchiveErrors.DecisionDateInFuture);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked until the decision is saved: two clerks deciding on the same letters at once decide once.
        var entries = await db.ArchiveEntries.FromSqlRaw("SELECT * FROM letters.archive_entries WHERE id = ANY({0}) FOR UPDATE", ids).ToListAsync(cancellationToken);
        if (entries.Count != ids.Length || entries.Select(e => e.AgencyId).Distinct().Count() != 1)
        {
            throw new DomainRuleException(entries.Count != ids.Length ? LetterErrors.NotFound : ArchiveErrors.OneAgency);
        }

        var agency = entries[0].AgencyId;
        if (!actor.IsSystemAdministrator && agency != actor.Viewer.AgencyId)
        {
            throw new DomainRuleException(ArchiveErrors.NotRetentionKeeper);
        }

        if (!entries.All(e => IsDue(e, input.Kind, today)))
        {
            throw new DomainRuleException(ArchiveErrors.NotDue);
        }

        var outgoing = entries.Where(e => e.Kind == ArchiveKind.Outgoing).Select(e => e.SourceId).ToList();
        var now = clock.GetUtcNow();
        var decision = new RetentionDecision
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency,
            Kind = input.Kind,
            EntryIds = ids,
            BeritaAcaraNumber = number,
            DecidedOn = input.DecidedOn,
            Reason = reason,
            DecidedByEmployeeId = actor.Viewer.EmployeeId,
            DecidedByName = actor.Viewer.Name,
            RecordedAt = now,
        };
        db.RetentionDecisions.Add(decision);
        var incoming = entries.Where(e => e.Kind == ArchiveKind.Incoming).Select(e => e.SourceId).ToList();
        foreach (var entry in entries)
        {
            entry.DecisionId = decision.Id;
            entry.DisposalStatus = input.Kind switch
            {
                RetentionDecisionKind.Transfer => DisposalStatus.AtRecordsCentre,
                RetentionDecisionKind.Destroy => DisposalStatus.Destroyed,
                _ => DisposalStatus.HandedOver,
            };
            if (input.Kind == RetentionDecisionKind.Destroy)
            {
                entry.FileId = null;
                entry.BodyText = null;
            }
        }

        foreach (var letterId in incoming)
        {
            db.Events.Add(new LetterEvent(Guid.CreateVersion7(), letterId, null, $"retention.{Action(input.Kind)}", actor.Viewer.EmployeeId, actor.Viewer.Name,
                $"{Summary(input.Kind)} (berita acara {number})", now));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (input.Kind == RetentionDecisionKind.Destroy)
        {
            // The tombstone keeps the letter, its tree and history; the scan, attachments, reports and voice notes go.
            await db.Files.Where(f => incoming.Contains(f.LetterId)).ExecuteDeleteAsync(cancellationToken);
            if (outgoing.Count > 0)
            {
                await eraser.EraseAsync(outgoing, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, $"retention.{Action(input.Kind)}", nameof(RetentionDecision), decision.Id.ToString(),
            $"{Summary(input.Kind)}: {ids.Length} arsip, berita acara {number}",
            new { agency, entries = ids, beritaAcara = number, decidedOn = input.DecidedOn, reason }), cancellationToken);
        if (input.Kind == RetentionDecisionKind.Destroy)
        {
            foreach (var entry in entries)
            {
                await audit.RecordAsync(new AuditEvent(Module, "archive.destroyed", "ArchiveEntry", entry.Id.ToString(),
                    $"Arsip {entry.Number} dimusnahkan (berita acara {number})", new { entry.Kind, letter = entry.SourceId, decision = decision.Id }), cancellationToken);
            }
        }

        return decision.Id;
    }

    internal static bool IsDue(ArchiveEntry entry, RetentionDecisionKind kind, DateOnly today) => kind switch
    {
        RetentionDecisionKind.Transfer => entry.DisposalStatus == DisposalStatus.Active && entry.ActiveUntil <= today,
        RetentionDecisionKind.Destroy => (entry.DisposalStatus is DisposalStatus.Active or DisposalStatus.AtRecordsCentre) && entry.InactiveUntil <= today
            && (entry.Fate is RetentionFate.Destroy or RetentionFate.Review),
        RetentionDecisionKind.HandOver => (entry.DisposalStatus is DisposalStatus.Active or DisposalStatus.AtRecordsCentre) && entry.InactiveUntil <= today
            && (entry.Fate is RetentionFate.Permanent or RetentionFate.Review),
        _ => false,
    };

    private IQueryable<ArchiveEntry> Scope(RetentionActor actor, Guid? agencyId)
    {
        var entries = db.ArchiveEntries.AsNoTracking();
        if (actor.IsSystemAdministrator)
        {
            return agencyId is { } only ? entries.Where(e => e.AgencyId == only) : entries;
        }

        if (!actor.Viewer.KeepsAgenda)
        {
            throw new DomainRuleException(ArchiveErrors.NotRetentionKeeper);
        }

        var own = actor.Viewer.AgencyId;
        if (agencyId is { } asked && asked != own)
        {
            // Never silently widened or narrowed: asking for another OPD's report is refused, whatever the page sent.
            throw new DomainRuleException(ArchiveErrors.OtherAgencyReport);
        }

        return entries.Where(e => e.AgencyId == own);
    }

    private static IQueryable<ArchiveEntry> Due(IQueryable<ArchiveEntry> entries, RetentionDue due, DateOnly today) => due switch
    {
        RetentionDue.Transfer => entries.Where(e => e.DisposalStatus == DisposalStatus.Active && e.ActiveUntil <= today && e.InactiveUntil > today),
        RetentionDue.ProposeDestruction => Ended(entries, today).Where(e => e.Fate == RetentionFate.Destroy),
        RetentionDue.HandOver => Ended(entries, today).Where(e => e.Fate == RetentionFate.Permanent),
        _ => Ended(entries, today).Where(e => e.Fate == RetentionFate.Review),
    };

    private static IQueryable<ArchiveEntry> Ended(IQueryable<ArchiveEntry> entries, DateOnly today) =>
        entries.Where(e => (e.DisposalStatus == DisposalStatus.Active || e.DisposalStatus == DisposalStatus.AtRecordsCentre) && e.InactiveUntil <= today);

    private DateOnly Today() => Wib.Today(clock);

    private static string Action(RetentionDecisionKind kind) => kind switch
    {
        RetentionDecisionKind.Transfer => "transferred",
        RetentionDecisionKind.Destroy => "destroyed",
        _ => "handed-over",
    };

    private static string Summary(RetentionDecisionKind kind) => kind switch
    {
        RetentionDecisionKind.Transfer => "Dipindahkan ke unit kearsipan",
        RetentionDecisionKind.Destroy => "Dimusnahkan",
        _ => "Diserahkan ke Lembaga Kearsipan Daerah",
    };
}
