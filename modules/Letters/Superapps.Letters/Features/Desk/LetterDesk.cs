using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Inbox;
using Superapps.Letters.Features.Notices;
using Superapps.Letters.Features.Registration;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Desk;

/// <param name="RequestId">The form's submission id: sending the same form twice disposes once.</param>
/// <param name="ParentDispositionId">The disposition being passed down, or null when disposing the letter itself as its addressee.</param>
/// <param name="FromPositionId">The position the viewer acts in (their own, or one they are Plt/Plh of).</param>
public sealed record DisposeInput(
    Guid RequestId,
    Guid LetterId,
    Guid? ParentDispositionId,
    Guid FromPositionId,
    IReadOnlyList<Guid> ToPositionIds,
    IReadOnlyList<string> Instructions,
    string? Note,
    DateTimeOffset? Deadline,
    LetterUpload? VoiceNote);

/// <summary>A letter as one viewer may see it.</summary>
public sealed record LetterView(Letter Letter, AccessLevel Access, IReadOnlyList<LetterRecipient> Recipients, DispositionTree Tree,
    IReadOnlyList<LetterFileInfo> Files, IReadOnlyList<LetterEvent> History)
{
    /// <summary>For a letter imported from a legacy system: its provenance, legacy agenda number and legacy dispositions (read-only history).</summary>
    public LegacyImport.ImportedLetter? Imported { get; init; }
}

public sealed record LetterFileInfo(Guid Id, Guid? DispositionId, LetterFileKind Kind, string FileName, string ContentType, long Length);

/// <summary>
/// What officials do with a letter: open it (read receipts), dispose it down the hierarchy, cancel an unread disposition,
/// work on it, report and complete, accept or reopen. Every step checks access and the hierarchy, is recorded in the
/// letter's history and audited; a letter closes when its whole tree is done and accepted.
/// </summary>
public sealed class LetterDesk(LettersDbContext db, IOrganizationDirectory directory, IAuditTrail audit, IOptions<LettersOptions> options, TimeProvider clock,
    LetterNotices notices, ArchiveIndex archive)
{
    private const string Module = LettersDbContext.Schema;

    /// <summary>Opens a letter: records read receipts for the viewer's positions and, for restricted letters, the view itself.</summary>
    public async Task<LetterView> OpenAsync(Viewer viewer, Guid letterId, CancellationToken cancellationToken = default)
    {
        var (letter, recipients, tree, imported) = await LoadAsync(letterId, cancellationToken);
        var access = LetterAccess.For(viewer, letter, recipients, tree, imported?.Positions);
        if (access == AccessLevel.None)
        {
            throw new DomainRuleException(LetterErrors.NotFound);
        }

        var now = clock.GetUtcNow();
        if (access == AccessLevel.Full)
        {
            foreach (var recipient in recipients.Where(r => viewer.PositionIds.Contains(r.PositionId)))
            {
                if (recipient.MarkRead(viewer.EmployeeId, now))
                {
                    Event(letter.Id, null, "read", viewer, $"Dibaca oleh {viewer.Name} ({recipient.Title})", now);
                }
            }

            foreach (var disposition in tree.All.Where(d => viewer.PositionIds.Contains(d.ToPositionId)))
            {
                if (disposition.MarkRead(now))
                {
                    Event(letter.Id, disposition.Id, "read", viewer, $"Disposisi dibaca oleh {viewer.Name} ({disposition.ToTitle})", now);
                }
            }
        }

        if (LetterAccess.ViewsAreLogged(letter.SecurityClass))
        {
            Event(letter.Id, null, "viewed", viewer, $"Dilihat oleh {viewer.Name}", now);
            await audit.RecordAsync(new AuditEvent(Module, "letter.viewed", nameof(Letter), letter.Id.ToString(),
                $"Surat {letter.SecurityClass} {letter.AgendaLabel} dilihat", new { access }), cancellationToken);
        }

        await SaveAsync(null, cancellationToken);
        var files = access == AccessLevel.Full
            ? await db.Files.AsNoTracking().Where(f => f.LetterId == letterId).OrderBy(f => f.UploadedAt)
                .Select(f => new LetterFileInfo(f.Id, f.DispositionId, f.Kind, f.FileName, f.ContentType, f.Length)).ToListAsync(cancellationToken)
            : [];
        var history = access == AccessLevel.Full
            ? await db.Events.AsNoTracking().Where(e => e.LetterId == letterId).OrderBy(e => e.At).ToListAsync(cancellationToken)
            : [];
        return new LetterView(letter, access, recipients, tree, files, history) { Imported = access == AccessLevel.Full ? imported : null };
    }

    /// <summary>Whether the viewer may open the letter at all, without opening it (no read marks, no view logged).</summary>
    public async Task<bool> CanOpenAsync(Viewer viewer, Guid letterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!await db.Letters.AsNoTracking().AnyAsync(l => l.Id == letterId, cancellationToken))
        {
            return false;
        }

        var (letter, recipients, tree, imported) = await LoadAsync(letterId, cancellationToken);
        db.ChangeTracker.Clear();
        return LetterAccess.For(viewer, letter, recipients, tree, imported?.Positions) != AccessLevel.None;
    }

    /// <summary>A stored file, if the viewer may see the letter it belongs to.</summary>
    public async Task<LetterFile> GetFileAsync(Viewer viewer, Guid fileId, CancellationToken cancellationToken = default)
    {
        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken) ?? throw new DomainRuleException(LetterErrors.NotFound);
        var (letter, recipients, tree, imported) = await LoadAsync(file.LetterId, cancellationToken);
        return LetterAccess.For(viewer, letter, recipients, tree, imported?.Positions) == AccessLevel.Full ? file : throw new DomainRuleException(LetterErrors.NotFound);
    }

    public async Task<IReadOnlyList<Guid>> DisposeAsync(Viewer viewer, DisposeInput input, CancellationToken cancellationToken = default)
    {
        var existing = await db.Dispositions.AsNoTracking().Where(d => d.RequestId == input.RequestId).Select(d => d.Id).ToListAsync(cancellationToken);
        if (existing.Count > 0)
        {
            return existing;
        }

        var (letter, recipients, tree, imported) = await LoadAsync(input.LetterId, cancellationToken);
        if (LetterAccess.For(viewer, letter, recipients, tree, imported?.Positions) != AccessLevel.Full)
        {
            throw new DomainRuleException(LetterErrors.NotFound);
        }

        if (letter.Status == LetterStatus.Closed)
        {
            throw new DomainRuleException(LetterErrors.Closed);
        }

        if (!viewer.PositionIds.Contains(input.FromPositionId))
        {
            throw new DomainRuleException(LetterErrors.NotHolder);
        }

        // One may dispose a letter addressed to one's position, or a disposition one received, and nothing else.
        var onChain = input.ParentDispositionId is { } parentId
            ? tree.All.Any(d => d.Id == parentId && d.ToPositionId == input.FromPositionId && d.Status is not (DispositionStatus.Cancelled or DispositionStatus.Done))
            : recipients.Any(r => r.PositionId == input.FromPositionId);
        if (!onChain)
        {
            throw new DomainRuleException(LetterErrors.NotOnChain);
        }

        var errors = new List<UserError>();
        var targets = input.ToPositionIds.Distinct().ToList();
        if (targets.Count == 0)
        {
            errors.Add(LetterErrors.NoRecipient);
        }

        var resolved = new List<PositionInfo>();
        foreach (var target in targets)
        {
            var position = await directory.GetPositionAsync(target, cancellationToken);
            if (position is not { IsActive: true } || !await directory.IsBelowAsync(input.FromPositionId, target, cancellationToken))
            {
                errors.Add(LetterErrors.RecipientNotBelow);
                break;
            }

            resolved.Add(position);
        }

        CheckedFile? voice = null;
        if (input.VoiceNote is { } upload)
        {
            voice = await Uploads.ReadAsync(upload, options.Value.MaxFileBytes, "voice", FileSniffer.AudioType, LetterErrors.VoiceType, errors, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var from = viewer.As(input.FromPositionId);
        var created = new List<Disposition>();
        foreach (var position in resolved)
        {
            // The definitive holder receives it; a vacant position's Plt does. Everyone acting for it sees it through the position.
            var holder = position.Holders.FirstOrDefault(h => h.Kind == HoldingKind.Definitive) ?? (position.Holders.Count > 0 ? position.Holders[0] : null);
            try
            {
                created.Add(Disposition.Give(Guid.CreateVersion7(), letter.Id, input.ParentDispositionId, from, position.PositionId, position.Title,
                    holder?.EmployeeId, holder?.Name, input.Instructions, input.Note, input.Deadline, now, input.RequestId));
            }
            catch (DomainRuleException ex)
            {
                errors.AddRange(ex.Errors);
                break;
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException([.. errors.Distinct()]);
        }

        db.Dispositions.AddRange(created);
        if (voice is not null)
        {
            // One recording serves every recipient of this disposition; it hangs off the first node.
            db.Files.Add(new LetterFile(Guid.CreateVersion7(), letter.Id, created[0].Id, LetterFileKind.VoiceNote, voice.FileName, voice.ContentType, voice.Content, now));
        }

        foreach (var d in created)
        {
            Event(letter.Id, d.Id, "disposed", viewer,
                $"{from.Title} mendisposisikan kepada {d.ToTitle}: {string.Join(", ", d.Instructions)}{(d.Deadline is { } dl ? $", batas {Wib.FormatDateTime(dl)}" : string.Empty)}", now);
        }

        try
        {
            await SaveAsync(letter.Id, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return await db.Dispositions.AsNoTracking().Where(d => d.RequestId == input.RequestId).Select(d => d.Id).ToListAsync(cancellationToken);
        }

        await audit.RecordAsync(new AuditEvent(Module, "letter.disposed", nameof(Letter), letter.Id.ToString(),
            $"Disposisi {letter.AgendaLabel} dari {from.Title} kepada {string.Join("; ", created.Select(d => d.ToTitle))}",
            new { from = from.Title, to = created.Select(d => d.ToTitle), input.Instructions, input.Deadline, voice = voice is not null }), cancellationToken);
        await notices.DisposedAsync(letter, created, viewer.EmployeeId);
        return [.. created.Select(d => d.Id)];
    }

    public Task CancelAsync(Viewer viewer, Guid dispositionId, CancellationToken cancellationToken = default) =>
        ActAsync(viewer, dispositionId, asGiver: true, "cancelled", (d, position, now) =>
        {
            d.Cancel(position, now);
            return $"Disposisi kepada {d.ToTitle} dibatalkan";
        }, cancellationToken);

    public Task StartAsync(Viewer viewer, Guid dispositionId, CancellationToken cancellationToken = default) =>
        ActAsync(viewer, dispositionId, asGiver: false, "started", (d, position, _) =>
        {
            d.Start(position);
            return $"{d.ToTitle} mulai menindaklanjuti";
        }, cancellationToken);

    public async Task CompleteAsync(Viewer viewer, Guid dispositionId, string report, IReadOnlyList<LetterUpload> attachments, CancellationToken cancellationToken = default)
    {
        var errors = new List<UserError>();
        var files = new List<CheckedFile>();
        foreach (var attachment in attachments)
        {
            if (await Uploads.ReadAsync(attachment, options.Value.MaxFileBytes, "attachments", FileSniffer.ScanType, n => LetterErrors.FileType(n, "attachments"), errors, cancellationToken) is { } file)
            {
                files.Add(file);
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        var (letter, disposition, _) = await ActAsync(viewer, dispositionId, asGiver: false, "completed", (d, position, now) =>
        {
            d.Complete(position, report, now);
            db.Files.AddRange(files.Select(f => new LetterFile(Guid.CreateVersion7(), d.LetterId, d.Id, LetterFileKind.FollowUp, f.FileName, f.ContentType, f.Content, now)));
            return $"{d.ToTitle} melaporkan tindak lanjut: {d.Report}";
        }, cancellationToken);
        await notices.ReportedAsync(letter, disposition, viewer.EmployeeId);
    }

    public async Task AcceptAsync(Viewer viewer, Guid dispositionId, CancellationToken cancellationToken = default)
    {
        var (letter, disposition, _) = await ActAsync(viewer, dispositionId, asGiver: true, "accepted", (d, position, now) =>
        {
            d.Accept(position, now);
            return $"Tindak lanjut {d.ToTitle} diterima";
        }, cancellationToken);
        await notices.AcceptedAsync(letter, disposition, viewer.EmployeeId);
    }

    public async Task ReopenAsync(Viewer viewer, Guid dispositionId, string reason, CancellationToken cancellationToken = default)
    {
        var (letter, disposition, at) = await ActAsync(viewer, dispositionId, asGiver: true, "reopened", (d, position, _) =>
        {
            d.Reopen(position, reason);
            return $"Tindak lanjut {d.ToTitle} dikembalikan: {reason}";
        }, cancellationToken);
        await notices.ReopenedAsync(letter, disposition, reason, at, viewer.EmployeeId);
    }

    /// <summary>Applies one transition to a disposition, records and audits it; returns the letter, the node and the time, for notices.</summary>
    private async Task<(Letter Letter, Disposition Disposition, DateTimeOffset At)> ActAsync(Viewer viewer, Guid dispositionId, bool asGiver, string action, Func<Disposition, Guid, DateTimeOffset, string> apply,
        CancellationToken cancellationToken)
    {
        var disposition = await db.Dispositions.FirstOrDefaultAsync(d => d.Id == dispositionId, cancellationToken)
            ?? throw new DomainRuleException(LetterErrors.NotFound);
        var (letter, recipients, tree, imported) = await LoadAsync(disposition.LetterId, cancellationToken);
        if (LetterAccess.For(viewer, letter, recipients, tree, imported?.Positions) != AccessLevel.Full)
        {
            throw new DomainRuleException(LetterErrors.NotFound);
        }

        var position = asGiver ? disposition.FromPositionId : disposition.ToPositionId;
        if (!viewer.PositionIds.Contains(position))
        {
            throw new DomainRuleException(asGiver ? LetterErrors.NotGiver : LetterErrors.NotYours);
        }

        // The tree loaded its own copy of this node; act on the tracked one and let the tree see the change.
        disposition = tree.All.Single(d => d.Id == dispositionId);
        var now = clock.GetUtcNow();
        var summary = apply(disposition, position, now);
        Event(letter.Id, disposition.Id, action, viewer, summary, now);
        if (letter.Status == LetterStatus.Open && tree.IsFinished)
        {
            letter.Close(now);
            Event(letter.Id, null, "closed", viewer, "Seluruh disposisi selesai; surat diarsipkan", now);
        }
        else if (letter.Status == LetterStatus.Closed && !tree.IsFinished)
        {
            letter.Reopen();
        }

        await SaveAsync(letter.Id, cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, $"disposition.{action}", nameof(Disposition), disposition.Id.ToString(), summary,
            new { letter = letter.Id, letter.AgendaLabel }), cancellationToken);
        return (letter, disposition, now);
    }

    /// <summary>The letter, its recipients and tree, and for an imported letter its provenance (whose positions stand for the chain).</summary>
    private async Task<(Letter Letter, List<LetterRecipient> Recipients, DispositionTree Tree, LegacyImport.ImportedLetter? Imported)> LoadAsync(Guid letterId,
        CancellationToken cancellationToken)
    {
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken) ?? throw new DomainRuleException(LetterErrors.NotFound);
        var recipients = await db.Recipients.Where(r => r.LetterId == letterId).ToListAsync(cancellationToken);
        var dispositions = await db.Dispositions.Where(d => d.LetterId == letterId).ToListAsync(cancellationToken);
        var imported = letter.IsImported
            ? await db.ImportedLetters.AsNoTracking().FirstOrDefaultAsync(i => i.LetterId == letterId, cancellationToken)
            : null;
        return (letter, recipients, new DispositionTree(dispositions), imported);
    }

    private void Event(Guid letterId, Guid? dispositionId, string action, Viewer viewer, string summary, DateTimeOffset now) =>
        db.Events.Add(new LetterEvent(Guid.CreateVersion7(), letterId, dispositionId, action, viewer.EmployeeId, viewer.Name, summary.Length > 1000 ? summary[..1000] : summary, now));

    /// <summary>
    /// Saves the change; with <paramref name="letterId"/>, together with the letter's inbox entries (who sees it, and its
    /// status) and its archive entry in one transaction. Read receipts change neither.
    /// </summary>
    private async Task SaveAsync(Guid? letterId, CancellationToken cancellationToken)
    {
        try
        {
            if (letterId is { } id)
            {
                // The letter's inbox entries and its archive entry (added when it closes, removed when it reopens) change with it.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await InboxProjection.SaveAsync(db, id, cancellationToken);
                await archive.RecordIncomingAsync(id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException(LetterErrors.Concurrency);
        }
        catch (DomainRuleException)
        {
            // Rolled back (e.g. reopening a letter the retention decided on): forget the tracked changes that were not kept.
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
