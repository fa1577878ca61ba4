using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;
using Quartz;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Attachments;
using Superapps.Tickets.Features.Reporting;

namespace Superapps.Tickets.Features.MailIntake;

/// <summary>What one run of the intake did.</summary>
public sealed record MailIntakeRun(int Ticketed, int Repeated, int Rejected);

/// <summary>
/// Turns e-mail to the helpdesk address into tickets (journey 8). The sender's address finds the employee (the reporter); a site
/// code in brackets in the subject (<c>[KEL-BERINGIN]</c>) names the site, otherwise the first active site of the sender's OPD; words
/// of the mail suggest the category; the text (HTML turned into text) is the description; images are recorded as attachments whose
/// bytes stay in the kept message. Each Message-ID becomes one ticket at most, and a message that cannot be mapped is set aside with
/// its reason and audited: none is lost.
/// </summary>
public sealed partial class MailIntakeService(
    TicketsDbContext db, TicketReporting reporting, IOrganizationDirectory directory, IInboundMailSource source, IAuditTrail audit, TimeProvider clock,
    TicketUploadChecker checker, ILogger<MailIntakeService> logger)
{
    public async Task<MailIntakeRun> RunAsync(CancellationToken cancellationToken = default)
    {
        int ticketed = 0, repeated = 0, rejected = 0;
        foreach (var mail in source.Pending())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (await TakeAsync(mail, cancellationToken))
            {
                case InboundOutcome.Ticketed: ticketed++; break;
                case InboundOutcome.Rejected: rejected++; break;
                default: repeated++; break;
            }

            db.ChangeTracker.Clear();
        }

        return new MailIntakeRun(ticketed, repeated, rejected);
    }

    /// <summary>Handles one message; <see cref="InboundOutcome.Processing"/> stands for a repeat of a message already ticketed.</summary>
    private async Task<InboundOutcome> TakeAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        MimeMessage message;
        string hash;
        try
        {
            await using var stream = mail.Open();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
            buffer.Position = 0;
            message = await MimeMessage.LoadAsync(buffer, cancellationToken);
        }
        catch (FormatException)
        {
            return await RejectAsync(mail, null, null, "Berkas bukan pesan e-mail yang dapat dibaca. / The file is not a readable e-mail message.", cancellationToken);
        }

        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? hash : message.MessageId.Trim();
        var sender = message.From.Mailboxes.FirstOrDefault()?.Address;
        var record = await db.InboundMessages.FirstOrDefaultAsync(m => m.MessageId == messageId, cancellationToken);
        if (record is { Outcome: InboundOutcome.Ticketed })
        {
            logger.LogInformation("E-mail {MessageId} was already ticket {Number}; {File} moved to done.", messageId, record.TicketNumber, mail.Name);
            source.Done(mail);
            return InboundOutcome.Processing;
        }

        if (record is { Outcome: InboundOutcome.Processing })
        {
            return await RejectAsync(mail, record, message,
                "Pemrosesan pesan ini sebelumnya terhenti; periksa apakah tiketnya sudah dibuat sebelum memasukkannya lagi. / Processing of this message was interrupted earlier; check whether its ticket exists before putting it back.",
                cancellationToken);
        }

        // Claim the Message-ID before the ticket exists: a crash in between leaves a claim (set aside next run), never two tickets.
        if (record is null)
        {
            record = new InboundMessage(messageId, mail.Name, sender, message.Subject, clock.GetUtcNow());
            db.InboundMessages.Add(record);
        }
        else
        {
            record.Claim(mail.Name, clock.GetUtcNow());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run claimed it meanwhile: it is that run's.
            return InboundOutcome.Processing;
        }

        var employee = sender is null ? null : await directory.FindByEmailAsync(sender, cancellationToken);
        if (employee is null)
        {
            return await RejectAsync(mail, record, message,
                $"Pengirim {sender} tidak dikenal sebagai pegawai (alamat e-mail tidak terdaftar). / The sender {sender} is not known as an employee (e-mail address not registered).",
                cancellationToken);
        }

        var code = SiteCode().Match(message.Subject ?? string.Empty) is { Success: true } match ? match.Groups[1].Value.ToUpperInvariant() : null;
        var sites = db.Sites.AsNoTracking().Where(s => s.IsActive);
        var site = code is not null
            ? await sites.FirstOrDefaultAsync(s => s.Code == code, cancellationToken)
            : await sites.Where(s => s.AgencyId == employee.AgencyId).OrderBy(s => s.Code).FirstOrDefaultAsync(cancellationToken);
        if (site is null)
        {
            return await RejectAsync(mail, record, message, code is not null
                    ? $"Kode lokasi [{code}] pada subjek tidak ada di register lokasi. / The site code [{code}] in the subject is not in the sites register."
                    : $"{employee.AgencyName} belum memiliki lokasi jaringan; tulis kode lokasi di subjek, misalnya [KEL-BERINGIN]. / {employee.AgencyName} has no network site; put a site code in the subject, e.g. [KEL-BERINGIN].",
                cancellationToken);
        }

        var body = message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.Convert(html) : null);
        var subject = SiteCode().Replace(message.Subject ?? string.Empty, string.Empty).Trim();
        var description = string.Join("\n\n", new[] { subject, body?.Trim() }.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (description.Length == 0)
        {
            description = "(E-mail tanpa isi / e-mail without text)";
        }

        description = description.Length > Ticket.MaxTextLength ? description[..Ticket.MaxTextLength] : description;
        var reporter = new TicketActor(employee.EmployeeId.ToString(), employee.Name, TicketRole.Reporter);
        var images = await CheckImagesAsync(message, cancellationToken);
        var reported = await reporting.ReportAsync(new ReportTicket(site.Id, MailCategories.Of(message.Subject, body), description, Files: images), reporter,
            cancellationToken);
        var attachments = images.Count;
        record.Ticketed(reported.Id, reported.Number, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        source.Done(mail);
        await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "mail.ticketed", nameof(InboundMessage), record.Id.ToString(),
            $"E-mail dari {sender} menjadi tiket {reported.Number}", new { messageId, mail.Name, sender, reported.Number, attachments }), cancellationToken);
        return InboundOutcome.Ticketed;
    }

    /// <summary>
    /// The message's images, checked by their content as an upload is (<see cref="TicketUploadChecker"/>), to be stored with the
    /// ticket in the report's own transaction. An image that is not one, is empty or too large is left out (the message itself is
    /// kept in <c>done/</c>).
    /// </summary>
    private async Task<IReadOnlyList<CheckedAttachment>> CheckImagesAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var files = new List<CheckedAttachment>();
        var index = 0;
        foreach (var image in message.Attachments.OfType<MimePart>().Where(p => p.ContentType.IsMimeType("image", "*")))
        {
            index++;
            if (image.Content is not { } encoded)
            {
                continue;
            }

            using var bytes = new MemoryStream();
            await encoded.DecodeToAsync(bytes, cancellationToken);
            var content = bytes.ToArray();
            var name = image.FileName ?? $"gambar-{index}.{image.ContentType.MediaSubtype}";
            try
            {
                files.Add(await checker.CheckAsync(new TicketUpload(name, image.ContentType.MimeType, content.LongLength,
                    _ => Task.FromResult<Stream>(new MemoryStream(content, writable: false))), cancellationToken));
            }
            catch (DomainRuleException ex)
            {
                logger.LogInformation("Left out the attachment {Name} of an e-mail: {Reason}", name, ex.Errors[0].English);
            }

            if (files.Count == TicketAttachments.MaxFilesAtOnce)
            {
                break;
            }
        }

        return files;
    }

    private async Task<InboundOutcome> RejectAsync(InboundMail mail, InboundMessage? record, MimeMessage? message, string reason, CancellationToken cancellationToken)
    {
        if (record is null && message is not null)
        {
            record = new InboundMessage(message.MessageId ?? mail.Name, mail.Name, message.From.Mailboxes.FirstOrDefault()?.Address, message.Subject, clock.GetUtcNow());
            db.InboundMessages.Add(record);
        }

        record?.Rejected(reason, clock.GetUtcNow());
        if (record is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        source.Reject(mail, reason);
        logger.LogWarning("E-mail {File} rejected: {Reason}", mail.Name, reason);
        await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "mail.rejected", nameof(InboundMessage), record?.Id.ToString() ?? mail.Name,
            $"E-mail {mail.Name} ditolak: {reason}", new { mail.Name, sender = record?.Sender, subject = record?.Subject, reason }), cancellationToken);
        return InboundOutcome.Rejected;
    }

    [GeneratedRegex(@"\[([A-Za-z0-9._-]{2,40})\]")]
    private static partial Regex SiteCode();
}

/// <summary>Reads the inbound folder every <see cref="MailIntakeOptions.Interval"/> when the intake is enabled; one run at a time.</summary>
[DisallowConcurrentExecution]
public sealed class MailIntakeJob(MailIntakeService intake, Microsoft.Extensions.Options.IOptions<TicketsOptions> options) : IJob
{
    public const string Name = "tickets.mail-intake";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.MailIntake.Enabled)
        {
            await intake.RunAsync(cancellationToken);
        }
    }
}
