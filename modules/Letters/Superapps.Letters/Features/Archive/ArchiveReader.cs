using Superapps.Letters.Contracts;

namespace Superapps.Letters.Features.Archive;

/// <summary>
/// Who finds an archive entry (<c>letters.archive_readers</c>): one row per entry and reader, where a reader is a position named
/// on the letter or the OPD whose archive holds it (for its registry clerks and admins). A narrow copy of the entry's sort and
/// filter columns, so that a viewer's newest page and bounded total are one index range of their own rows, whatever the size
/// of the archive (docs/performance.md, "The archive").
/// </summary>
/// <remarks>
/// Kept by PostgreSQL triggers on <c>letters.archive_entries</c> (migration <c>ArchiveReaders</c>): every insert or update of an
/// entry rewrites its rows from <see cref="ArchiveEntry.VisiblePositions"/> and <see cref="ArchiveEntry.AgencyId"/>, and deleting
/// an entry deletes them. Whatever writes entries (<see cref="ArchiveIndex"/>, the migrations' backfills, the retention decisions,
/// the benchmark's loader) keeps them right without knowing about them. Never written by the application.
/// </remarks>
public sealed class ArchiveReader
{
    /// <summary>A position named on the letter, or the OPD that holds it.</summary>
    public Guid ReaderId { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>The OPD whose archive holds the entry.</summary>
    public Guid AgencyId { get; set; }

    public DateTimeOffset ClosedAt { get; set; }

    public DateOnly LetterDate { get; set; }

    public ArchiveKind Kind { get; set; }

    public SecurityClass SecurityClass { get; set; }

    public string ClassificationCode { get; set; } = string.Empty;

    /// <summary>The first <see cref="CorrespondentLength"/> characters of the entry's correspondent, for the correspondent filter.</summary>
    public string Correspondent { get; set; } = string.Empty;

    /// <summary>How much of the correspondent the readers copy: enough for any sender and most addressee lists, small enough for the index.</summary>
    public const int CorrespondentLength = 500;
}
