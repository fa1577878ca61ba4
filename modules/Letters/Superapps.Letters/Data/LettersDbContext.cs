using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Domain;

namespace Superapps.Letters.Data;

/// <summary>The Letters module's data, in schema <c>letters</c>.</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project modules/Letters/Superapps.Letters --context LettersDbContext --output-dir Data/Migrations</code>
/// </remarks>
public sealed class LettersDbContext(DbContextOptions<LettersDbContext> options) : DbContext(options)
{
    public const string Schema = "letters";

    public DbSet<Letter> Letters => Set<Letter>();

    public DbSet<LetterRecipient> Recipients => Set<LetterRecipient>();

    public DbSet<Disposition> Dispositions => Set<Disposition>();

    public DbSet<LetterFile> Files => Set<LetterFile>();

    public DbSet<LetterEvent> Events => Set<LetterEvent>();

    public DbSet<AgendaCounter> AgendaCounters => Set<AgendaCounter>();

    public DbSet<ClassificationCode> ClassificationCodes => Set<ClassificationCode>();

    public DbSet<Domain.Drafting.OutgoingLetter> OutgoingLetters => Set<Domain.Drafting.OutgoingLetter>();

    public DbSet<Domain.Drafting.OutgoingLetterStep> OutgoingLetterSteps => Set<Domain.Drafting.OutgoingLetterStep>();

    public DbSet<Domain.Drafting.OutgoingLetterVersion> OutgoingLetterVersions => Set<Domain.Drafting.OutgoingLetterVersion>();

    public DbSet<Domain.Drafting.OutgoingLetterFile> OutgoingLetterFiles => Set<Domain.Drafting.OutgoingLetterFile>();

    /// <summary>The register of outgoing letter numbers: reserved, used and void.</summary>
    public DbSet<Features.Numbering.LetterNumber> LetterNumbers => Set<Features.Numbering.LetterNumber>();

    public DbSet<Features.Numbering.NumberingFormat> NumberingFormats => Set<Features.Numbering.NumberingFormat>();

    public DbSet<Features.Numbering.OutgoingNumberCounter> OutgoingNumberCounters => Set<Features.Numbering.OutgoingNumberCounter>();

    /// <summary>Each position's inbox lines, maintained by <see cref="Features.Inbox.InboxProjection"/>.</summary>
    internal DbSet<Features.Inbox.InboxEntry> InboxEntries => Set<Features.Inbox.InboxEntry>();

    /// <summary>The archive index of closed incoming and sent outgoing letters, maintained by <see cref="Features.Archive.ArchiveIndex"/>.</summary>
    internal DbSet<Features.Archive.ArchiveEntry> ArchiveEntries => Set<Features.Archive.ArchiveEntry>();

    /// <summary>Who finds each archive entry (a position named on it, or its OPD); kept by triggers on the entries.</summary>
    internal DbSet<Features.Archive.ArchiveReader> ArchiveReaders => Set<Features.Archive.ArchiveReader>();

    public DbSet<Features.Sending.ExternalMailRecord> ExternalMails => Set<Features.Sending.ExternalMailRecord>();

    public DbSet<Features.Retention.RetentionSchedule> RetentionSchedules => Set<Features.Retention.RetentionSchedule>();

    public DbSet<Features.Retention.RetentionDecision> RetentionDecisions => Set<Features.Retention.RetentionDecision>();

    /// <summary>Archived letters imported from a legacy e-office system (<see cref="Contracts.ILegacyLetterImport"/>).</summary>
    public DbSet<Features.LegacyImport.ImportedLetter> ImportedLetters => Set<Features.LegacyImport.ImportedLetter>();

    /// <summary>The scans of imported outgoing letters (incoming ones keep theirs in <see cref="Files"/>).</summary>
    public DbSet<Features.LegacyImport.ImportedScan> ImportedScans => Set<Features.LegacyImport.ImportedScan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        // Trigram indexes let the inbox find letter numbers by their start (ILIKE 'x%') without reading every letter.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LettersDbContext).Assembly);
    }
}
