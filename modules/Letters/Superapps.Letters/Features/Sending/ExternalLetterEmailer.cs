using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain.Drafting;
using Superapps.Notifications.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Sending;

/// <summary>
/// What was mailed to an external addressee (<c>letters.external_mails</c>): one row per <see cref="ExternalLetterMail.Key"/>,
/// written once the mail left, so "Kirim ulang" never mails the same addressee twice.
/// </summary>
public sealed class ExternalMailRecord
{
    public string Key { get; set; } = string.Empty;

    public Guid OutgoingLetterId { get; set; }

    public string ToName { get; set; } = string.Empty;

    public string ToEmail { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public DateTimeOffset SentAt { get; set; }
}

/// <summary>
/// Mails a signed letter to an external addressee through the Notifications module's <see cref="IDocumentMailer"/> (SMTP, or
/// the pickup folder without one), the signed PDF attached, once per <see cref="ExternalLetterMail.Key"/>: a key already in
/// <c>letters.external_mails</c> is not mailed again. A failure throws, so the letter stays signed, not sent, with the reason.
/// </summary>
/// <remarks>
/// The record is written after the mail left: a crash between the two would mail once more on the next attempt (at least once,
/// never lost). <see cref="IDocumentMailer"/> is resolved only when there is something to mail, so a host without the
/// Notifications module still signs and delivers internally; an external e-mail addressee then fails with a clear reason.
/// </remarks>
internal sealed class ExternalLetterEmailer(LettersDbContext db, IServiceProvider services, IAuditTrail audit, TimeProvider clock) : IExternalLetterMailer
{
    public async Task SendAsync(ExternalLetterMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (await db.ExternalMails.AsNoTracking().AnyAsync(m => m.Key == mail.Key, cancellationToken))
        {
            return;
        }

        var mailer = services.GetService<IDocumentMailer>() ?? throw new DomainRuleException(DraftingErrors.MailUnavailable);
        await mailer.SendAsync(Compose(mail), cancellationToken);

        var now = clock.GetUtcNow();
        var saved = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO letters.external_mails (key, outgoing_letter_id, to_name, to_email, file_name, sent_at)
            VALUES ({mail.Key}, {mail.LetterId}, {mail.ToName}, {mail.ToEmail}, {mail.FileName}, {now})
            ON CONFLICT (key) DO NOTHING
            """, cancellationToken);
        if (saved > 0)
        {
            await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "draft.mailed", nameof(OutgoingLetter), mail.LetterId.ToString(),
                $"Surat {mail.Number} dikirim lewat e-mail ke {mail.ToName} <{mail.ToEmail}>", new { mail.Key, mail.ToEmail, mail.FileName }), cancellationToken);
        }
    }

    /// <summary>
    /// The e-mail: Indonesian with an English line; the number, the subject (not for a restricted letter: Terbatas, Rahasia,
    /// Sangat Rahasia), the sending OPD and the verification link; the signed PDF attached.
    /// </summary>
    internal static DocumentMail Compose(ExternalLetterMail mail)
    {
        var restricted = mail.SecurityClass != SecurityClass.Biasa;
        var subjectLine = restricted ? null : $"Perihal: {mail.Subject}\n";
        var englishSubject = restricted ? string.Empty : $" (subject: {mail.Subject})";
        var text = $"""
            Yth. {mail.ToName},

            Terlampir surat elektronik dari {mail.SenderAgency}.
            Nomor: {mail.Number}
            {subjectLine}
            Surat ini ditandatangani secara elektronik. Keaslian dan keutuhannya dapat diperiksa di:
            {mail.VerificationUrl}

            English: attached is letter {mail.Number}{englishSubject} from {mail.SenderAgency}, signed electronically; verify it at {mail.VerificationUrl}

            E-mail ini dikirim otomatis; mohon tidak membalas ke alamat ini. / This e-mail was sent automatically; please do not reply to it.
            """;
        return new DocumentMail(mail.ToName, mail.ToEmail, $"Surat {mail.Number} dari {mail.SenderAgency} / Letter from {mail.SenderAgency}", text,
            [new MailAttachment(mail.FileName, "application/pdf", mail.Pdf)]);
    }
}
