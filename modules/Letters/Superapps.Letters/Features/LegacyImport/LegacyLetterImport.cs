using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Registration;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.LegacyImport;

/// <summary>
/// Imports archived letters of a legacy e-office system (<see cref="ILegacyLetterImport"/>), ADR 0016. The OPD is resolved by its
/// code and every disposition's giver and recipient by NIP through the organisation directory; the scan is read within the module's
/// file limits and recognised by content; every problem of the letter is reported at once, in both languages, and nothing saved.
/// An incoming letter becomes a closed <see cref="Letter"/> (origin Legacy) numbered in its OPD's agenda of the year it was received,
/// with its scan in <c>letters.files</c> and its archive entry; an outgoing one an archive entry (kind Keluar, imported) with its scan
/// in <c>letters.imported_scans</c>. Either way
/// <c>letters.imported_letters</c> keeps the provenance, the legacy fields and the dispositions, all in one transaction.
/// Idempotent by (source, legacy id), also under concurrency (the unique index decides, and the loser's agenda number is rolled
/// back with it). Each import is audited (<c>letter.imported</c>).
/// </summary>
internal sealed class LegacyLetterImport(LettersDbContext db, IOrganizationDirectory directory, IAuditTrail audit, TimeProvider clock,
    IOptions<LettersOptions> options, ArchiveIndex archive) : ILegacyLetterImport
{
    private Dictionary<string, AgencyProfile>? _agencies;
    private readonly Dictionary<string, EmployeeProfile?> _employees = new(StringComparer.Ordinal);

    public async Task<LegacyLetterImported> ImportAsync(LegacyLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var source = letter.Source?.Trim().ToLowerInvariant() ?? string.Empty;
        var legacyId = letter.LegacyId?.Trim() ?? string.Empty;
        if (source.Length is 0 or > 40 || legacyId.Length is 0 or > 100)
        {
            throw new DomainRuleException(LegacyImportErrors.Key);
        }

        if (await ExistingAsync(source, legacyId, cancellationToken) is { } existing)
        {
            return new LegacyLetterImported(existing, false);
        }

        var errors = new List<UserError>();
        _agencies ??= (await directory.ListAgenciesAsync(cancellationToken)).ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        var agency = _agencies.GetValueOrDefault(letter.AgencyCode?.Trim() ?? string.Empty);
        if (agency is null)
        {
            errors.Add(LegacyImportErrors.UnknownAgency(letter.AgencyCode));
        }

        Check(errors, letter.Number, 100, LegacyImportErrors.Number);
        Check(errors, letter.Subject, Domain.Letter.MaxSubjectLength, LegacyImportErrors.Subject);
        Check(errors, letter.Correspondent, 250, LegacyImportErrors.Correspondent);
        Check(errors, letter.ClassificationCode, 30, LegacyImportErrors.Classification);
        var today = Wib.Today(clock);
        if (letter.Date > today || letter.ReceivedOn > today)
        {
            errors.Add(LegacyImportErrors.FutureDate);
        }

        var dispositions = new List<ImportedDisposition>();
        var positions = new Dictionary<Guid, HeldPosition>();
        foreach (var d in letter.Dispositions ?? [])
        {
            var from = await EmployeeAsync(d.FromNip, cancellationToken);
            var to = await EmployeeAsync(d.ToNip, cancellationToken);
            if (from is null)
            {
                errors.Add(LegacyImportErrors.UnknownNip(d.LegacyId, d.FromNip));
            }

            if (to is null)
            {
                errors.Add(LegacyImportErrors.UnknownNip(d.LegacyId, d.ToNip));
            }

            if (from is not null && to is not null)
            {
                foreach (var person in new[] { from, to })
                {
                    if (person.PrimaryPosition is { } held)
                    {
                        positions[person.EmployeeId] = held;
                    }
                }

                dispositions.Add(new ImportedDisposition
                {
                    LegacyId = d.LegacyId,
                    FromEmployeeId = from.EmployeeId,
                    FromName = from.Name,
                    FromNip = from.Nip ?? d.FromNip,
                    ToEmployeeId = to.EmployeeId,
                    ToName = to.Name,
                    ToNip = to.Nip ?? d.ToNip,
                    Instruction = (d.Instruction ?? string.Empty).Trim(),
                    Deadline = d.Deadline,
                    Status = (d.Status ?? string.Empty).Trim(),
                    GivenAt = d.GivenAt.ToUniversalTime(),
                });
            }
        }

        CheckedFile? scan = null;
        if (letter.Scan is { } upload)
        {
            scan = await Uploads.ReadAsync(new LetterUpload(upload.FileName, upload.Length, upload.OpenAsync), options.Value.MaxFileBytes, "file_scan",
                FileSniffer.ScanType, name => LetterErrors.FileType(name, "file_scan"), errors, cancellationToken);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        var now = clock.GetUtcNow();
        var imported = new ImportedLetter
        {
            Id = Guid.CreateVersion7(now),
            Source = source,
            LegacyId = legacyId,
            Kind = letter.Kind,
            AgencyId = agency!.AgencyId,
            AgencyName = agency.Name,
            AgendaNumber = string.IsNullOrWhiteSpace(letter.AgendaNumber) ? null : letter.AgendaNumber.Trim(),
            Number = letter.Number.Trim(),
            Date = letter.Date,
            ReceivedOn = letter.ReceivedOn,
            Correspondent = letter.Correspondent.Trim(),
            Subject = letter.Subject.Trim(),
            Urgency = letter.Urgency,
            SecurityClass = letter.SecurityClass,
            ClassificationCode = letter.ClassificationCode.Trim(),
            ScanFileName = scan?.FileName ?? letter.Scan?.FileName,
            ImportedAt = now,
            Dispositions = [.. dispositions.OrderBy(d => d.GivenAt)],
            Positions = [.. positions.Values.Select(p => p.PositionId).Distinct()],
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Letter? entered = null;
        try
        {
            if (letter.Kind == LegacyLetterKind.Incoming)
            {
                entered = await EnterAsync(imported, positions, scan, source, now, cancellationToken);
                db.ImportedLetters.Add(imported);
                await db.SaveChangesAsync(cancellationToken);
                await archive.RecordIncomingAsync(entered.Id, cancellationToken);
            }
            else
            {
                db.ImportedLetters.Add(imported);
                if (scan is not null)
                {
                    db.ImportedScans.Add(new ImportedScan(imported.Id, scan.FileName, scan.ContentType, scan.Content, now));
                }

                await db.SaveChangesAsync(cancellationToken);
                // The archive's file of an imported outgoing letter is its scan, keyed by the imported letter.
                await archive.RecordOutgoingAsync(new ArchivedOutgoing(imported.Id, imported.AgencyId, imported.Number, imported.Date,
                    StartOfDay(imported.ReceivedOn ?? imported.Date), imported.Subject, imported.Correspondent, imported.ClassificationCode,
                    imported.SecurityClass, scan is null ? null : imported.Id, null, imported.Positions) { Imported = true }, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Imported by another run at the same moment: that import stands, and this one's agenda number is rolled back with it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new LegacyLetterImported((await ExistingAsync(source, legacyId, cancellationToken))!.Value, false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        var resultId = entered?.Id ?? imported.Id;
        await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "letter.imported", entered is null ? nameof(ImportedLetter) : nameof(Letter), resultId.ToString(),
            entered is null
                ? $"Surat keluar {imported.Number} diimpor dari {source} ({legacyId})"
                : $"Surat masuk {imported.Number} diimpor dari {source} ({legacyId}) sebagai agenda {entered.AgendaLabel}",
            new { source, legacyId, kind = letter.Kind.ToString(), agency = agency.Code, dispositions = dispositions.Count, legacyAgenda = imported.AgendaNumber,
                agenda = entered?.AgendaLabel, scan = scan is not null }), cancellationToken);
        return new LegacyLetterImported(resultId, true);
    }

    /// <summary>
    /// Enters an incoming legacy letter in its OPD's agenda (inside the open transaction): closed, numbered with the next number of
    /// the year it was received, addressed to the position of whoever gave its first disposition, with its scan and one history line.
    /// </summary>
    private async Task<Letter> EnterAsync(ImportedLetter imported, Dictionary<Guid, HeldPosition> positions, CheckedFile? scan, string source, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var receivedAt = StartOfDay(imported.ReceivedOn ?? imported.Date);
        var addressee = imported.Dispositions.FirstOrDefault() is { } first ? positions.GetValueOrDefault(first.FromEmployeeId) : null;
        var closedAt = imported.Dispositions.Count > 0 ? imported.Dispositions.Max(d => d.GivenAt) : receivedAt;
        var letter = Letter.Import(Guid.CreateVersion7(now), imported.AgencyId, imported.Correspondent, imported.Number, imported.Date, imported.Subject,
            imported.SecurityClass, imported.Urgency, imported.ClassificationCode, addressee?.PositionId ?? Guid.Empty, addressee?.Title ?? "-",
            $"Impor {source.ToUpperInvariant()}", receivedAt, closedAt);
        letter.Number(await AgendaNumbering.NextAsync(db, letter.AgencyId, letter.AgendaYear, cancellationToken));
        db.Letters.Add(letter);
        imported.LetterId = letter.Id;
        if (scan is not null)
        {
            var file = new LetterFile(Guid.CreateVersion7(now), letter.Id, null, LetterFileKind.Letter, scan.FileName, scan.ContentType, scan.Content, now);
            db.Files.Add(file);
            imported.ScanFileId = file.Id;
        }

        db.Events.Add(new LetterEvent(Guid.CreateVersion7(now), letter.Id, null, "imported", null, $"Impor {source.ToUpperInvariant()}",
            $"Diimpor dari {source.ToUpperInvariant()} ({imported.LegacyId}) dengan nomor agenda {letter.AgendaLabel}"
            + (imported.AgendaNumber is { } legacy ? $"; nomor agenda lama {legacy}" : string.Empty), now));
        return letter;
    }

    /// <summary>A legacy date as an instant: the start of that day in WIB.</summary>
    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Wib.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private Task<Guid?> ExistingAsync(string source, string legacyId, CancellationToken cancellationToken) =>
        db.ImportedLetters.AsNoTracking().Where(l => l.Source == source && l.LegacyId == legacyId).Select(l => l.LetterId ?? (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<EmployeeProfile?> EmployeeAsync(string? nip, CancellationToken cancellationToken)
    {
        var key = (nip ?? string.Empty).Trim();
        if (key.Length == 0)
        {
            return null;
        }

        if (!_employees.TryGetValue(key, out var employee))
        {
            employee = await directory.FindByNipAsync(key, cancellationToken);
            _employees[key] = employee;
        }

        return employee;
    }

    private static void Check(List<UserError> errors, string? value, int max, UserError error)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors.Add(error);
        }
    }
}

/// <summary>Why a legacy letter is refused, in Indonesian and English.</summary>
public static class LegacyImportErrors
{
    public static readonly UserError Key = new("letters.legacy.key", "Sumber dan id lama surat wajib diisi.", "The letter's source and legacy id are required.");

    public static readonly UserError Number = new("letters.legacy.number", "Nomor surat kosong atau lebih dari 100 karakter.", "The letter number is empty or longer than 100 characters.", "no_surat");

    public static readonly UserError Subject = new("letters.legacy.subject", "Perihal kosong atau lebih dari 500 karakter.", "The subject is empty or longer than 500 characters.", "perihal");

    public static readonly UserError Correspondent = new("letters.legacy.correspondent", "Asal/tujuan surat kosong atau lebih dari 250 karakter.", "The sender/addressee is empty or longer than 250 characters.", "asal_surat");

    public static readonly UserError Classification = new("letters.legacy.classification", "Kode klasifikasi kosong atau lebih dari 30 karakter.", "The classification code is empty or longer than 30 characters.", "klasifikasi");

    public static readonly UserError FutureDate = new("letters.legacy.future-date", "Tanggal surat atau tanggal terima di masa depan.", "The letter date or date received is in the future.", "tgl_surat");

    public static UserError UnknownAgency(string? code) => new("letters.legacy.agency",
        $"Kode OPD \"{code}\" tidak ada di direktori organisasi.", $"The OPD code \"{code}\" is not in the organisation directory.", "kode_opd");

    public static UserError UnknownNip(string dispositionId, string? nip) => new("letters.legacy.nip",
        $"Disposisi {dispositionId}: NIP \"{nip}\" tidak ada di direktori pegawai.", $"Disposition {dispositionId}: NIP \"{nip}\" is not in the employee directory.", "nip");
}
