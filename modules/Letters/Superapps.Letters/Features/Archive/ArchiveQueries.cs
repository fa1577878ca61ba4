using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Retention;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Archive;

/// <summary>
/// Which archived letters to show. <paramref name="Text"/> is a web-style full-text query (words, "quoted phrases", -excluded)
/// over number, subject, correspondent, classification code and body, or an exact number. Dates are the letters' own dates.
/// </summary>
/// <param name="ClassificationPrefix">A code and its sub-codes: "000.1" finds 000.1 and 000.1.x, not 000.10.</param>
/// <param name="Correspondent">Part of the sender's (incoming) or addressees' (outgoing) name.</param>
public sealed record ArchiveSearch(
    string? Text = null,
    int? Year = null,
    int Page = 0,
    int PageSize = 20,
    string? SortBy = null,
    bool Descending = true,
    ArchiveKind? Kind = null,
    string? ClassificationPrefix = null,
    string? Correspondent = null,
    DateOnly? From = null,
    DateOnly? To = null,
    SecurityClass? SecurityClass = null);

/// <summary>
/// A letter in the viewer's archive. For a restricted letter the viewer sees only as its OPD's agenda keeper, <see cref="Masked"/>
/// is set and subject, correspondent and reference number are null: they are not read from the database.
/// </summary>
public sealed record ArchiveRow(Guid EntryId, ArchiveKind Kind, Guid LetterId, string Number, string? ReferenceNumber, DateOnly LetterDate,
    DateTimeOffset ClosedAt, string? Correspondent, string? Subject, string ClassificationCode, SecurityClass SecurityClass, Guid? FileId,
    DisposalStatus DisposalStatus, bool Masked, bool Imported = false)
{
    /// <summary>Masked lines do not open: the letter page shows a restricted letter only to those named on it.</summary>
    public bool CanOpen => !Masked;

    /// <summary>The incoming letter with its tree, or the outgoing letter's page.</summary>
    public string Href => Imported && Kind == ArchiveKind.Outgoing ? ArchiveLinks.ImportedOutgoing(LetterId) : ArchiveLinks.Letter(Kind, LetterId);

    /// <summary>The scan or signed PDF, when it is still kept and the viewer may see it.</summary>
    public string? PdfHref => FileId is { } file && !Masked
        ? Imported && Kind == ArchiveKind.Outgoing ? ArchiveLinks.ImportedScan(LetterId) : ArchiveLinks.Pdf(Kind, LetterId, file)
        : null;
}

public sealed record ArchiveLines(IReadOnlyList<ArchiveRow> Items, int Total, bool TotalIsAtLeast = false);

/// <summary>Where archive entries open.</summary>
public static class ArchiveLinks
{
    public static string Letter(ArchiveKind kind, Guid letterId) => kind == ArchiveKind.Outgoing ? $"/surat/konsep/{letterId}" : $"/surat/{letterId}";

    /// <summary>An outgoing letter imported from a legacy system opens its read-only page by its <c>imported_letters</c> id.</summary>
    public static string ImportedOutgoing(Guid importedId) => $"/surat/impor/{importedId}";

    /// <summary>The scan of an outgoing letter imported from a legacy system, by its <c>imported_letters</c> id.</summary>
    public static string ImportedScan(Guid importedId) => $"/surat/impor/{importedId}/berkas";

    /// <summary>Incoming scans are served by <c>/surat/berkas/{fileId}</c>; an outgoing letter's signed PDF by <c>/surat/konsep/berkas/{fileId}</c>.</summary>
    public static string Pdf(ArchiveKind kind, Guid letterId, Guid fileId) => kind == ArchiveKind.Outgoing ? $"/surat/konsep/berkas/{fileId}" : $"/surat/berkas/{fileId}";
}

/// <summary>
/// The archive (<c>letters.archive_entries</c>): closed incoming and sent outgoing letters. A person sees the letters they are
/// named on (recipient or disposition chain; drafter, reviewer or signer). An OPD's registry clerks and admins also see their
/// OPD's whole archive, restricted letters (above Biasa) masked and not searchable by what is masked, as in the agenda. Paged,
/// sorted and filtered on the server; the total is counted up to <see cref="TotalBound"/>.
/// </summary>
/// <remarks>
/// Shaped for a million letters (docs/performance.md, "The archive"). The viewer's letters are their rows of
/// <c>letters.archive_readers</c> (<see cref="ArchiveReader"/>: a position named on the entry, or the OPD that holds it), whose
/// index carries the date, kind, security class, code and correspondent: the newest page and the bounded total are one range of
/// that index, and the metadata filters are checked in it. Full text is checked on the entry. A rare search term's few
/// entries come from the full-text index first; a common one is checked on the viewer's newest entries until the page is full.
/// </remarks>
public sealed class ArchiveQueries(IDbContextFactory<LettersDbContext> contexts)
{
    /// <summary>The total is exact up to this many letters (or the end of the requested page); beyond it the pager says "1.000+".</summary>
    public const int TotalBound = 1_000;

    /// <summary>Up to this many entries in the whole city match a search term, it counts as rare.</summary>
    internal int RareTermLimit { get; init; } = 2000;

    private sealed class Key
    {
        public required Guid EntryId { get; init; }

        public required DateTimeOffset ClosedAt { get; init; }

        public required DateOnly LetterDate { get; init; }
    }

    public async Task<ArchiveLines> SearchAsync(Viewer viewer, ArchiveSearch search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(search);
        var positions = viewer.PositionIds.ToArray();
        var masks = viewer.KeepsAgenda;
        var readers = Filter(Readers(db, viewer, positions), search);

        if (!string.IsNullOrWhiteSpace(search.Correspondent))
        {
            // Masked lines are not searchable by what is masked.
            var contains = LikePattern.Contains(search.Correspondent.Trim());
            readers = readers.Where(r => EF.Functions.ILike(r.Correspondent, contains));
            if (masks)
            {
                readers = readers.Where(r => r.SecurityClass == SecurityClass.Biasa
                    || db.ArchiveEntries.Any(e => e.Id == r.EntryId && e.VisiblePositions.Any(p => positions.Contains(p))));
            }
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            readers = await MatchingAsync(db, readers, search.Text.Trim(), masks, positions, cancellationToken);
        }

        var keys = readers.Select(r => new Key { EntryId = r.EntryId, ClosedAt = r.ClosedAt, LetterDate = r.LetterDate });
        if (positions.Length > 1)
        {
            // An entry named on two of the viewer's positions (a Plt or Plh) has a row for each: it is listed once.
            keys = keys.Distinct();
        }

        var size = Math.Clamp(search.PageSize, 1, 100);
        var page = Math.Max(0, search.Page);
        var bound = Math.Max(TotalBound, (page + 1) * size);
        var counted = await keys.Take(bound + 1).CountAsync(cancellationToken);

        List<Guid> pageIds;
        if (search.SortBy is "number")
        {
            var entries = db.ArchiveEntries.Where(e => keys.Select(k => k.EntryId).Contains(e.Id));
            entries = search.Descending ? entries.OrderByDescending(e => e.Number).ThenByDescending(e => e.Id) : entries.OrderBy(e => e.Number).ThenBy(e => e.Id);
            pageIds = await entries.Skip(page * size).Take(size).Select(e => e.Id).ToListAsync(cancellationToken);
        }
        else
        {
            pageIds = await Sort(keys, search.SortBy, search.Descending).Skip(page * size).Take(size).Select(k => k.EntryId).ToListAsync(cancellationToken);
        }

        var rows = await db.ArchiveEntries.AsNoTracking().Where(e => pageIds.Contains(e.Id))
            .Select(e => new { Entry = e, Visible = !masks || e.SecurityClass == SecurityClass.Biasa || e.VisiblePositions.Any(p => positions.Contains(p)) })
            .Select(x => new ArchiveRow(x.Entry.Id, x.Entry.Kind, x.Entry.SourceId, x.Entry.Number, x.Visible ? x.Entry.ReferenceNumber : null, x.Entry.LetterDate,
                x.Entry.ClosedAt, x.Visible ? x.Entry.Correspondent : null, x.Visible ? x.Entry.Subject : null, x.Entry.ClassificationCode,
                x.Entry.SecurityClass, x.Visible ? x.Entry.FileId : null, x.Entry.DisposalStatus, !x.Visible, x.Entry.Imported))
            .ToListAsync(cancellationToken);
        var order = pageIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        return new ArchiveLines([.. rows.OrderBy(r => order[r.EntryId])], Math.Min(counted, bound), counted > bound);
    }

    /// <summary>
    /// The destruction of a letter (incoming or outgoing), or null when it was not destroyed. For the letter's own page, which has
    /// already checked that the viewer may see the letter: the decision is metadata, the destroyed content is gone either way.
    /// </summary>
    public async Task<LetterDestruction?> DestructionOfAsync(ArchiveKind kind, Guid letterId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from entry in db.ArchiveEntries.AsNoTracking()
            where entry.Kind == kind && entry.SourceId == letterId && entry.DisposalStatus == DisposalStatus.Destroyed
            join decision in db.RetentionDecisions.AsNoTracking() on entry.DecisionId equals decision.Id
            select new LetterDestruction(decision.DecidedOn, decision.BeritaAcaraNumber, decision.DecidedByName, decision.RecordedAt, decision.Reason))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The viewer's reader rows. One reader is compared by equality, not as a list: PostgreSQL 15 reads an index in order only
    /// under equality, and the newest page would otherwise be a sort of all the viewer's entries. An agenda keeper reads their
    /// OPD's rows, plus the rows of their positions on letters another OPD holds (a Plt elsewhere): two ranges, merged in order.
    /// </summary>
    private static IQueryable<ArchiveReader> Readers(LettersDbContext db, Viewer viewer, Guid[] positions)
    {
        var readers = db.ArchiveReaders.AsNoTracking();
        if (!viewer.KeepsAgenda)
        {
            if (positions.Length == 1)
            {
                var position = positions[0];
                return readers.Where(r => r.ReaderId == position);
            }

            return readers.Where(r => positions.Contains(r.ReaderId));
        }

        var agency = viewer.AgencyId;
        var own = readers.Where(r => r.ReaderId == agency);
        return positions.Length == 0 ? own : own.Concat(readers.Where(r => positions.Contains(r.ReaderId) && r.AgencyId != agency));
    }

    /// <summary>
    /// The number finds any line, masked or not; the content only where it is shown. PostgreSQL cannot tell a rare term from a
    /// common one in one statement, so one bounded look at the number and full-text indexes decides: a rare term's entries are
    /// then looked up among the viewer's rows by id, a common term is checked on the viewer's rows, newest first.
    /// </summary>
    private async Task<IQueryable<ArchiveReader>> MatchingAsync(LettersDbContext db, IQueryable<ArchiveReader> readers, string text, bool masks, Guid[] positions,
        CancellationToken cancellationToken)
    {
        var matching = await db.ArchiveEntries.Where(e => e.Number == text).Select(e => e.Id)
            .Concat(db.ArchiveEntries.Where(e => e.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("simple", text))).Select(e => e.Id))
            .Take(RareTermLimit + 1).ToListAsync(cancellationToken);
        if (matching.Count <= RareTermLimit)
        {
            var ids = matching.Distinct().ToArray();
            readers = readers.Where(r => ids.Contains(r.EntryId));
        }

        return masks
            ? readers.Where(r => db.ArchiveEntries.Any(e => e.Id == r.EntryId && (e.Number == text
                || ((e.SecurityClass == SecurityClass.Biasa || e.VisiblePositions.Any(p => positions.Contains(p)))
                    && e.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("simple", text))))))
            : readers.Where(r => db.ArchiveEntries.Any(e => e.Id == r.EntryId && (e.Number == text
                || e.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("simple", text)))));
    }

    /// <summary>The metadata filters, on the reader rows' copies of the entry's columns.</summary>
    private static IQueryable<ArchiveReader> Filter(IQueryable<ArchiveReader> readers, ArchiveSearch search)
    {
        if (search.Kind is { } kind)
        {
            readers = readers.Where(r => r.Kind == kind);
        }

        if (search.Year is { } year and > 0 and < 10_000)
        {
            var first = new DateOnly(year, 1, 1);
            var next = first.AddYears(1);
            readers = readers.Where(r => r.LetterDate >= first && r.LetterDate < next);
        }

        if (search.From is { } from)
        {
            readers = readers.Where(r => r.LetterDate >= from);
        }

        if (search.To is { } to)
        {
            readers = readers.Where(r => r.LetterDate <= to);
        }

        if (search.SecurityClass is { } securityClass)
        {
            readers = readers.Where(r => r.SecurityClass == securityClass);
        }

        if (!string.IsNullOrWhiteSpace(search.ClassificationPrefix))
        {
            var code = search.ClassificationPrefix.Trim().TrimEnd('.');
            var below = LikePattern.StartsWith(code + ".");
            readers = readers.Where(r => r.ClassificationCode == code || EF.Functions.Like(r.ClassificationCode, below));
        }

        return readers;
    }

    private static IQueryable<Key> Sort(IQueryable<Key> keys, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        ("date", false) => keys.OrderBy(k => k.LetterDate).ThenBy(k => k.EntryId),
        ("date", true) => keys.OrderByDescending(k => k.LetterDate).ThenByDescending(k => k.EntryId),
        ("closed", false) => keys.OrderBy(k => k.ClosedAt),
        _ => keys.OrderByDescending(k => k.ClosedAt),
    };
}
