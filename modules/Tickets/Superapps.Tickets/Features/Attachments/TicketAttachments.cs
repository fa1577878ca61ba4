using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.SharedKernel;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Access;

namespace Superapps.Tickets.Features.Attachments;

/// <summary>An upload as a page or endpoint receives it: the name and type the browser declared, and a way to read it.</summary>
/// <param name="DeclaredLength">The length the browser announced; checked before anything is read, then held while reading.</param>
public sealed record TicketUpload(string FileName, string? DeclaredType, long DeclaredLength, Func<CancellationToken, Task<Stream>> OpenAsync);

/// <summary>A file read within the limit and recognised by its content, ready to be saved.</summary>
public sealed record CheckedAttachment(string FileName, string ContentType, byte[] Content)
{
    public bool IsImage => TicketFileSniffer.IsImage(ContentType);
}

/// <summary>An attachment as pages list it; <see cref="Url"/> serves its content to those who may see it.</summary>
public sealed record AttachmentView(Guid Id, Guid TicketId, string FileName, string ContentType, long SizeBytes, bool IsInternal, string UploadedByName, DateTimeOffset At)
{
    public bool IsImage => TicketFileSniffer.IsImage(ContentType);

    public string Url => $"/tiket/berkas/{Id}";
}

/// <summary>An attachment's content for download.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Ticket attachments with their bytes: checks an upload by its content (photos: JPEG, PNG, WebP; documents: PDF), refuses a
/// disguised file and anything over <see cref="TicketsOptions.MaxAttachmentBytes"/> without reading past the limit, saves the record
/// and the bytes in one transaction and audits <c>ticket.attached</c>. Reads: the ticket's reporter sees the files that are not
/// internal, the helpdesk sees all; for anyone else a file does not exist.
/// </summary>
public sealed class TicketAttachments(TicketsDbContext db, IAuditTrail audit, TimeProvider clock, TicketUploadChecker checker, IServiceScopeFactory scopes)
{
    public const int MaxFilesAtOnce = 10;

    /// <summary>Reads and recognises an upload; throws a bilingual <see cref="DomainRuleException"/> naming the file otherwise.</summary>
    public Task<CheckedAttachment> CheckAsync(TicketUpload upload, CancellationToken cancellationToken = default) => checker.CheckAsync(upload, cancellationToken);

    /// <summary>Attaches one upload to a ticket: checked, saved with its bytes in one transaction, audited.</summary>
    public async Task<AttachmentView> AttachAsync(Guid ticketId, TicketUpload upload, TicketActor actor, bool isInternal, CancellationToken cancellationToken = default)
    {
        var file = await CheckAsync(upload, cancellationToken);
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken) ?? throw new DomainRuleException(TicketErrors.NotFound);
        var added = Add(ticket, [file], actor, isInternal, clock.GetUtcNow());
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw new DomainRuleException(TicketErrors.ChangedMeanwhile);
            }

            await transaction.CommitAsync(cancellationToken);
        });
        await AuditAsync(ticket, added, actor, cancellationToken);
        return View(added[0]);
    }

    /// <summary>Adds checked files to a tracked ticket (the caller saves and audits, in its own transaction).</summary>
    internal IReadOnlyList<TicketAttachment> Add(Ticket ticket, IReadOnlyList<CheckedAttachment> files, TicketActor actor, bool isInternal, DateTimeOffset now)
    {
        if (files.Count > MaxFilesAtOnce)
        {
            throw new DomainRuleException(TicketErrors.TooManyFiles);
        }

        var added = new List<TicketAttachment>();
        foreach (var file in files)
        {
            var key = TicketAttachmentContent.StoragePrefix + Guid.CreateVersion7().ToString("N");
            var attachment = ticket.AddAttachment(actor, file.FileName, file.ContentType, file.Content.LongLength, key, isInternal, now);
            db.TicketAttachmentContents.Add(new TicketAttachmentContent(attachment.Id, file.Content));
            added.Add(attachment);
        }

        return added;
    }

    internal async Task AuditAsync(Ticket ticket, IReadOnlyList<TicketAttachment> added, TicketActor actor, CancellationToken cancellationToken)
    {
        foreach (var attachment in added)
        {
            await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "ticket.attached", nameof(Ticket), ticket.Id.ToString(),
                $"Tiket {ticket.Number}: berkas {attachment.FileName} dilampirkan oleh {actor.Name}",
                new { ticket.Number, attachment = attachment.Id, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.IsInternal, actor = actor.UserId, role = actor.Role }),
                cancellationToken);
        }
    }

    /// <summary>The attachments of a ticket <paramref name="viewer"/> may see, oldest first.</summary>
    /// <remarks>Reads in a scope of its own: a page's list may reload while another component of the same circuit is saving.</remarks>
    public async Task<IReadOnlyList<AttachmentView>> ListAsync(Guid ticketId, TicketPrincipal viewer, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reads = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var reporter = await reads.Tickets.Where(t => t.Id == ticketId).Select(t => t.ReporterUserId).FirstOrDefaultAsync(cancellationToken);
        if (reporter is null || (!viewer.IsHelpdesk && reporter != viewer.UserId))
        {
            return [];
        }

        var rows = await reads.TicketAttachments.AsNoTracking()
            .Where(a => a.TicketId == ticketId && (viewer.IsHelpdesk || !a.IsInternal))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(View)];
    }

    /// <summary>An attachment's content for <paramref name="viewer"/>; <see cref="TicketErrors.NotFound"/> when they may not see it.</summary>
    public async Task<AttachmentFile> GetFileAsync(Guid attachmentId, TicketPrincipal viewer, CancellationToken cancellationToken = default)
    {
        var found = await (from a in db.TicketAttachments.AsNoTracking()
                           join t in db.Tickets on a.TicketId equals t.Id
                           join c in db.TicketAttachmentContents on a.Id equals c.AttachmentId
                           where a.Id == attachmentId
                           select new { a.FileName, a.ContentType, a.IsInternal, t.ReporterUserId, c.Content }).FirstOrDefaultAsync(cancellationToken);
        var allowed = found is not null && (viewer.IsHelpdesk || (found.ReporterUserId == viewer.UserId && !found.IsInternal));
        return allowed ? new AttachmentFile(found!.FileName, found.ContentType, found.Content) : throw new DomainRuleException(TicketErrors.NotFound);
    }

    private static AttachmentView View(TicketAttachment a) => new(a.Id, a.TicketId, a.FileName, a.ContentType, a.SizeBytes, a.IsInternal, a.UploadedByName, a.At);
}
