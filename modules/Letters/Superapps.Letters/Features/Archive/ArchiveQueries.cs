using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
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
    DisposalStatus DisposalStatus, bool Masked)
{
    /// <summary>Masked lines do not open: the letter page shows a restricted letter only to those named on it.</summary>
    public bool CanOpen => !Masked;

    /// <summary>The incoming letter with its tree, or the outgoing letter's page.</summary>
    public string Href => ArchiveLinks.Letter(Kind, LetterId);

    /// <summary>The scan or signed PDF, when it is still kept and the viewer may see it.</summary>
    public string? PdfHref => FileId is { } file && !Masked ? ArchiveLinks.Pdf(Kind, LetterId, file) : null;
}

public sealed record ArchiveLines(IReadOnlyList<ArchiveRow> Items, int Total, bool TotalIsAtLeast = false);

/// <summary>Where archive entries open.</summary>
public static class ArchiveLinks
{
    public static string Letter(ArchiveKind kind, Guid letterId) => kind == ArchiveKind.Outgoing ? $"/surat/konsep/{letterId}" : $"/surat/{letterId}";

    /// <summary>Incoming scans are served by <c>/surat/berkas/{fileId}</c>; an outgoing letter's signed PDF by <c>/surat/konsep/berkas/{fileId}</c>.</summary>
    public static string Pdf(ArchiveKind kind, Guid letterId, Guid fileId) => kind == ArchiveKind.Outgoing ? $"/surat/konsep/berkas/{fileId}" : $"/surat/berkas/{fileId}";
}

/// <summary>
/// The archive (<c>letters.archive_entries</c>): closed incoming and sent outgoing letters. A person sees the letters they are
/// named on (recipient or disposition chain; drafter, reviewer or signer) in one GIN lookup of the entry's positions. An OPD's
/// registry clerks and admins also see their OPD's whole archive, restricted letters (above Biasa) masked and not searchable by
/// what is masked, as in the agenda. Paged, sorted and filtered on the server; the total is counted up to <see cref="TotalBound"/>.
/// </summary>
public sealed class ArchiveQueries(LettersDbContext db)
{
    /// <summary>The total is exact up to this many letters (or the end of the requested page); beyond it the pager says "1.000+".</summary>
    public const int TotalBound = 1_000;

    // A class with settable members, not a record constructor: EF filters and sorts after a member-init projection only.
    private sealed class Line
    {
        public required ArchiveEntry Entry { get; init; }

        public required bool Visible { get; init; }
    }

    public async Task<ArchiveLines> SearchAsync(Viewer viewer, ArchiveSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(search);
        var lines = Filter(Lines(viewer), search);
        var size = Math.Clamp(search.PageSize, 1, 100);
        var page = Math.Max(0, search.Page);
        var bound = Math.Max(TotalBound, (page + 1) * size);
        var counted = await lines.Take(bound + 1).CountAsync(cancellationToken);
        var rows = await Sort(lines, search.SortBy, search.Descending).Skip(page * size).Take(size)
            .Select(x => new ArchiveRow(x.Entry.Id, x.Entry.Kind, x.Entry.SourceId, x.Entry.Number, x.Visible ? x.Entry.ReferenceNumber : null, x.Entry.LetterDate,
                x.Entry.ClosedAt, x.Visible ? x.Entry.Correspondent : null, x.Visible ? x.Entry.Subject : null, x.Entry.ClassificationCode,
                x.Entry.SecurityClass, x.Visible ? x.Entry.FileId : null, x.Entry.DisposalStatus, !x.Visible))
            .ToListAsync(cancellationToken);
        return new ArchiveLines(rows, Math.Min(counted, bound), counted > bound);
    }

    private IQueryable<Line> Lines(Viewer viewer)
    {
        var positions = viewer.PositionIds.ToArray();
        var entries = db.ArchiveEntries.AsNoTracking();
        if (!viewer.KeepsAgenda)
        {
            return entries.Where(e => e.VisiblePositions.Any(p => positions.Contains(p))).Select(e => new Line { Entry = e, Visible = true });
        }

        var agency = viewer.AgencyId;
        if (positions.Length == 0)
        {
            // A keeper named on nothing (an admin account without a position): the OPD's archive alone, one index range.
            return entries.Where(e => e.AgencyId == agency).Select(e => new Line { Entry = e, Visible = e.SecurityClass == SecurityClass.Biasa });
        }

        return entries.Where(e => e.AgencyId == agency || e.VisiblePositions.Any(p => positions.Contains(p)))
            .Select(e => new Line { Entry = e, Visible = e.SecurityClass == SecurityClass.Biasa || e.VisiblePositions.Any(p => positions.Contains(p)) });
    }

    private static IQueryable<Line> Filter(IQueryable<Line> lines, ArchiveSearch search)
    {
        if (search.Kind is { } kind)
        {
            lines = lines.Where(x => x.Entry.Kind == kind);
        }

        if (search.Year is { } year and > 0 and < 10_000)
        {
            var first = new DateOnly(year, 1, 1);
            var next = first.AddYears(1);
            lines = lines.Where(x => x.Entry.LetterDate >= first && x.Entry.LetterDate < next);
        }

        if (search.From is { } from)
        {
            lines = lines.Where(x => x.Entry.LetterDate >= from);
        }

        if (search.To is { } to)
        {
            lines = lines.Where(x => x.Entry.LetterDate <= to);
        }

        if (search.SecurityClass is { } securityClass)
        {
            lines = lines.Where(x => x.Entry.SecurityClass == securityClass);
        }

        if (!string.IsNullOrWhiteSpace(search.ClassificationPrefix))
        {
            var code = search.ClassificationPrefix.Trim().TrimEnd('.');
            var below = LikePattern.StartsWith(code + ".");
            lines = lines.Where(x => x.Entry.ClassificationCode == code || EF.Functions.Like(x.Entry.ClassificationCode, below));
        }

        if (!string.IsNullOrWhiteSpace(search.Correspondent))
        {
            var contains = LikePattern.Contains(search.Correspondent.Trim());
            lines = lines.Where(x => x.Visible && EF.Functions.ILike(x.Entry.Correspondent, contains));
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            // The number finds any line, masked or not; the content only where it is shown.
            lines = lines.Where(x => x.Entry.Number == text
                || (x.Visible && x.Entry.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("simple", text))));
        }

        return lines;
    }

    private static IQueryable<Line> Sort(IQueryable<Line> lines, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        ("date", false) => lines.OrderBy(x => x.Entry.LetterDate).ThenBy(x => x.Entry.Id),
        ("date", true) => lines.OrderByDescending(x => x.Entry.LetterDate).ThenByDescending(x => x.Entry.Id),
        ("number", false) => lines.OrderBy(x => x.Entry.Number).ThenBy(x => x.Entry.Id),
        ("number", true) => lines.OrderByDescending(x => x.Entry.Number).ThenByDescending(x => x.Entry.Id),
        ("closed", false) => lines.OrderBy(x => x.Entry.ClosedAt),
        _ => lines.OrderByDescending(x => x.Entry.ClosedAt),
    };
}
