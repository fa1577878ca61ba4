using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Notices;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Registration;

/// <summary>A registry clerk (pencatat surat) of one OPD.</summary>
public sealed record Clerk(Guid EmployeeId, string Name, Guid AgencyId);

/// <summary>An uploaded file: its declared length is checked before <see cref="OpenAsync"/> reads a byte of it.</summary>
public sealed record LetterUpload(string FileName, long Length, Func<CancellationToken, Task<Stream>> OpenAsync)
{
    public static LetterUpload FromBytes(string fileName, byte[] content) =>
        new(fileName, content.LongLength, _ => Task.FromResult<Stream>(new MemoryStream(content, writable: false)));
}

/// <param name="RequestId">The form's submission id: submitting the same form twice registers one letter.</param>
public sealed record RegisterIncomingLetter(
    Guid RequestId,
    string Sender,
    string SenderNumber,
    DateOnly SenderDate,
    string Subject,
    SecurityClass SecurityClass,
    Urgency Urgency,
    string ClassificationCode,
    Guid AddresseePositionId,
    LetterUpload? Scan,
    IReadOnlyList<LetterUpload> Attachments);

public sealed record RegisteredLetter(Guid Id, string AgendaLabel, bool AlreadyRegistered);

/// <summary>Registers an incoming paper letter in the clerk's OPD agenda and delivers it to the addressed position.</summary>
public sealed class LetterRegistration(
    LettersDbContext db,
    IOrganizationDirectory directory,
    IAuditTrail audit,
    IOptions<LettersOptions> options,
    TimeProvider clock,
    LetterNotices notices)
{
    public async Task<RegisteredLetter> RegisterAsync(Clerk clerk, RegisterIncomingLetter input, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(input.RequestId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var errors = new List<UserError>();
        var now = clock.GetUtcNow();
        var addressee = await directory.GetPositionAsync(input.AddresseePositionId, cancellationToken);
        if (addressee is not { IsActive: true } || addressee.AgencyId != clerk.AgencyId
            || !(addressee.IsHeadOfAgency || addressee.Level == PositionLevel.Kabid))
        {
            errors.Add(LetterErrors.Addressee);
        }

        if (!await db.ClassificationCodes.AnyAsync(c => c.Code == input.ClassificationCode && c.IsActive, cancellationToken))
        {
            errors.Add(LetterErrors.Classification);
        }

        Letter? letter = null;
        try
        {
            letter = Letter.Register(Guid.CreateVersion7(), clerk.AgencyId, LetterOrigin.Paper, input.Sender, null, input.SenderNumber, input.SenderDate,
                input.Subject, input.SecurityClass, input.Urgency, input.ClassificationCode, input.AddresseePositionId, addressee?.Title ?? string.Empty,
                clerk.EmployeeId, clerk.Name, now, input.RequestId);
        }
        catch (DomainRuleException ex)
        {
            errors.AddRange(ex.Errors);
        }

        var files = new List<(LetterFileKind Kind, CheckedFile File)>();
        if (input.Scan is null)
        {
            errors.Add(LetterErrors.ScanRequired);
        }
        else
        {
            await ReadAsync(input.Scan, LetterFileKind.Letter, "scan", files, errors, cancellationToken);
        }

        foreach (var attachment in input.Attachments)
        {
            await ReadAsync(attachment, LetterFileKind.Attachment, "attachments", files, errors, cancellationToken);
        }

        if (errors.Count > 0 || letter is null)
        {
            throw new DomainRuleException([.. errors.Distinct()]);
        }

        if (!await AgendaBook.EnterAsync(db, letter, files, clerk.EmployeeId, clerk.Name,
            l => $"Dicatat dengan nomor agenda {l.AgendaLabel}, ditujukan kepada {l.AddresseeTitle}", now, cancellationToken))
        {
            // The same form submitted twice at once: the other submission won; answer with its letter.
            return await FindAsync(input.RequestId, cancellationToken) ?? throw new InvalidOperationException("The winning registration vanished.");
        }

        await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "letter.registered", nameof(Letter), letter.Id.ToString(),
            $"Surat masuk {letter.AgendaLabel} dari {letter.Sender}: {letter.Subject}",
            new { letter.AgendaLabel, letter.SenderNumber, letter.SecurityClass, letter.Urgency, letter.ClassificationCode, addressee = letter.AddresseeTitle }), cancellationToken);
        await notices.RegisteredAsync(letter, addressee!);
        return new RegisteredLetter(letter.Id, letter.AgendaLabel, AlreadyRegistered: false);
    }

    private async Task<RegisteredLetter?> FindAsync(Guid requestId, CancellationToken cancellationToken) =>
        await db.Letters.AsNoTracking().Where(l => l.SourceId == requestId)
            .Select(l => new { l.Id, l.AgendaNumber, l.AgendaYear }).FirstOrDefaultAsync(cancellationToken) is { } found
            ? new RegisteredLetter(found.Id, $"{found.AgendaNumber:D4}/{found.AgendaYear}", AlreadyRegistered: true)
            : null;

    private async Task ReadAsync(LetterUpload upload, LetterFileKind kind, string field, List<(LetterFileKind, CheckedFile)> files,
        List<UserError> errors, CancellationToken cancellationToken)
    {
        if (await Uploads.ReadAsync(upload, options.Value.MaxFileBytes, field, FileSniffer.ScanType, name => LetterErrors.FileType(name, field), errors, cancellationToken) is { } file)
        {
            files.Add((kind, file));
        }
    }
}
