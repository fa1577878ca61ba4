using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Data.Configurations;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Desk;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Inbox;

/// <summary>The counters on an official's home, in the manner of SRIKANDI's dashboard.</summary>
/// <param name="DraftsToReview">Outgoing drafts waiting for one of the viewer's positions as reviewer (perlu diperiksa).</param>
/// <param name="DraftsToSign">Outgoing letters waiting for one of the viewer's positions as signer (perlu ditandatangani).</param>
/// <param name="SignedNotSent">Letters the viewer drafted or signs for that are signed but not yet sent (ditandatangani, belum terkirim).</param>
public sealed record InboxCounters(int UnreadLetters, int LettersWithoutFollowUp, int UnreadDispositions, int DispositionsNotActedOn, int UnreadCopies, int Overdue,
    int DraftsToReview = 0, int DraftsToSign = 0, int SignedNotSent = 0);

public enum InboxStatus
{
    All,
    Unread,
    Open,
    Closed,
}

public sealed record InboxSearch(
    string? Text,
    SecurityClass? SecurityClass,
    Urgency? Urgency,
    InboxStatus Status,
    DateOnly? From,
    DateOnly? To,
    int Page,
    int PageSize,
    string? SortBy,
    bool Descending);

/// <summary>One line of the inbox: a letter addressed or copied to one of the viewer's positions, or disposed to one.</summary>
/// <param name="Copy">The viewer is named on the letter only as a copy (tembusan): it is for information.</param>
public sealed record InboxRow(Guid LetterId, string AgendaLabel, DateTimeOffset ReceivedAt, string Sender, string SenderNumber, string Subject,
    SecurityClass SecurityClass, Urgency Urgency, LetterStatus Status, bool Unread, DateTimeOffset? Deadline, bool Copy = false);

/// <summary>One page of the inbox and its total.</summary>
/// <param name="Total">The number of matching letters, counted up to a bound (<see cref="InboxQueries.TotalBound"/>).</param>
/// <param name="TotalIsAtLeast">True when there are more than <paramref name="Total"/> letters: the pager shows "1.000+".</param>
public sealed record InboxPage(IReadOnlyList<InboxRow> Items, int Total, bool TotalIsAtLeast = false);

/// <summary>The inbox: only letters the viewer is named on (recipient or disposition chain), paged, filtered and searched on the server.</summary>
/// <remarks>
/// Shaped for a million letters (docs/performance.md): the viewer's letters are the rows of <c>letters.inbox_entries</c>
/// (<see cref="InboxProjection"/>), one per position and letter, with the letter's date and filterable columns. The newest
/// page is a range scan of that table's index; the total is counted up to a bound, not to the end.
/// </remarks>
public sealed class InboxQueries(IDbContextFactory<LettersDbContext> contexts, TimeProvider clock)
{
    /// <summary>Totals are counted up to this many letters (or up to the end of the requested page, if further).</summary>
    public const int TotalBound = 1000;

    /// <summary>Up to this many matching letters and dispositions in the whole city, a search term counts as rare.</summary>
    internal int RareTermLimit { get; init; } = 2000;

    public async Task<InboxCounters> CountersAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var positions = viewer.PositionIds.ToList();
        var now = clock.GetUtcNow();
        var toMe = db.Recipients.Where(r => positions.Contains(r.PositionId));
        var dispositions = db.Dispositions.Where(d => positions.Contains(d.ToPositionId) && d.Status != DispositionStatus.Cancelled);
        var drafts = await Drafting.DraftQueries.CountersAsync(db, viewer, cancellationToken);
        return new InboxCounters(
            UnreadLetters: await toMe.CountAsync(r => r.Kind == RecipientKind.To && r.ReadAt == null, cancellationToken),
            LettersWithoutFollowUp: await Entries(db, positions).CountAsync(e => e.Status == LetterStatus.Open && e.Addressed && !e.FollowedUp, cancellationToken),
            UnreadDispositions: await dispositions.CountAsync(d => d.Status == DispositionStatus.Unread, cancellationToken),
            DispositionsNotActedOn: await dispositions.CountAsync(d => d.Status == DispositionStatus.Read, cancellationToken),
            UnreadCopies: await toMe.CountAsync(r => r.Kind == RecipientKind.Cc && r.ReadAt == null, cancellationToken),
            Overdue: await dispositions.CountAsync(d => d.Status != DispositionStatus.Done && d.Deadline != null && d.Deadline < now, cancellationToken))
        {
            DraftsToReview = drafts.ToReview,
            DraftsToSign = drafts.ToSign,
            SignedNotSent = drafts.SignedNotSent,
        };
    }

    public async Task<InboxPage> SearchAsync(Viewer viewer, InboxSearch search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var positions = viewer.PositionIds.ToList();
        var text = string.IsNullOrWhiteSpace(search.Text) ? null : search.Text.Trim();
        var number = text is null ? null : LikePattern.StartsWith(text);
        var size = Math.Clamp(search.PageSize, 1, 100);
        var skip = Math.Max(0, search.Page) * size;

        var entries = Filter(db, Entries(db, positions), search, positions);
        if (text is not null)
        {
            // A rare term's few letters come from the full-text and trigram indexes, and are looked up in the viewer's entries
            // by primary key. A common term is checked on the viewer's entries, newest first, until the page is full.
            // PostgreSQL cannot tell the two apart in one statement, so one bounded look at the indexes decides.
            var matching = await Matching(db, text, number!).Take(RareTermLimit + 1).ToListAsync(cancellationToken);
            if (matching.Count <= RareTermLimit)
            {
                var ids = matching.Distinct().ToList();
                entries = entries.Where(e => ids.Contains(e.LetterId));
            }
            else
            {
                entries = entries.Where(e =>
                    db.Letters.Any(l => l.Id == e.LetterId
                        && (EF.Property<NpgsqlTsVector>(l, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))
                            || EF.Functions.ILike(l.SenderNumber, number!)))
                    || db.Dispositions.Any(d => d.LetterId == e.LetterId
                        && EF.Property<NpgsqlTsVector>(d, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))));
            }
        }

        // A letter named on two of the viewer's positions (a Plt or Plh) has two entries: it is listed once.
        var keys = positions.Count == 1
            ? entries.Select(e => new { e.LetterId, e.ReceivedAt })
            : entries.Select(e => new { e.LetterId, e.ReceivedAt }).Distinct();

        // The total is counted up to a bound: counting every letter of a viewer with a hundred thousand would cost more than the page.
        var bound = Math.Max(TotalBound, skip + size) + 1;
        var counted = await keys.Take(bound).CountAsync(cancellationToken);
        var atLeast = counted == bound;
        var total = atLeast ? bound - 1 : counted;

        List<Guid> pageIds;
        if (search.SortBy is "sender" or "urgency")
        {
            var mine = db.Letters.Where(l => keys.Select(k => k.LetterId).Contains(l.Id));
            mine = (search.SortBy, search.Descending) switch
            {
                ("sender", false) => mine.OrderBy(l => l.Sender).ThenByDescending(l => l.ReceivedAt),
                ("sender", true) => mine.OrderByDescending(l => l.Sender).ThenByDescending(l => l.ReceivedAt),
                ("urgency", false) => mine.OrderBy(l => l.Urgency).ThenByDescending(l => l.ReceivedAt),
                _ => mine.OrderByDescending(l => l.Urgency).ThenByDescending(l => l.ReceivedAt),
            };
            pageIds = await mine.Skip(skip).Take(size).Select(l => l.Id).ToListAsync(cancellationToken);
        }
        else
        {
            var ordered = search.SortBy is "received" && !search.Descending ? keys.OrderBy(k => k.ReceivedAt) : keys.OrderByDescending(k => k.ReceivedAt);
            pageIds = await ordered.Skip(skip).Take(size).Select(k => k.LetterId).ToListAsync(cancellationToken);
        }

        var rows = await db.Letters.AsNoTracking().Where(l => pageIds.Contains(l.Id))
            .Select(l => new
            {
                l.Id,
                l.AgendaNumber,
                l.AgendaYear,
                l.ReceivedAt,
                l.Sender,
                l.SenderNumber,
                l.Subject,
                l.SecurityClass,
                l.Urgency,
                l.Status,
                Unread = db.Recipients.Any(r => r.LetterId == l.Id && positions.Contains(r.PositionId) && r.ReadAt == null)
                    || db.Dispositions.Any(d => d.LetterId == l.Id && positions.Contains(d.ToPositionId) && d.Status == DispositionStatus.Unread),
                Deadline = db.Dispositions.Where(d => d.LetterId == l.Id && positions.Contains(d.ToPositionId)
                    && d.Status != DispositionStatus.Cancelled && d.Status != DispositionStatus.Done).Min(d => d.Deadline),
            }).ToListAsync(cancellationToken);
        // The page's own entries by primary key (at most a page per position): a letter is a copy when every position of the
        // viewer's is named on it only as a copy. No join is added to the query of the page itself.
        var copies = (await Entries(db, positions).Where(e => pageIds.Contains(e.LetterId)).Select(e => new { e.LetterId, e.Copy }).ToListAsync(cancellationToken))
            .GroupBy(e => e.LetterId).Where(g => g.All(e => e.Copy)).Select(g => g.Key).ToHashSet();
        var order = pageIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        return new InboxPage([.. rows.OrderBy(r => order[r.Id]).Select(r => new InboxRow(r.Id, $"{r.AgendaNumber:D4}/{r.AgendaYear}", r.ReceivedAt, r.Sender, r.SenderNumber, r.Subject,
            r.SecurityClass, r.Urgency, r.Status, r.Unread, r.Deadline, copies.Contains(r.Id)))], total, atLeast);
    }

    /// <summary>
    /// The viewer's inbox entries. One position is compared by equality, not as a list: PostgreSQL 15 does not read an index
    /// in order under <c>position_id = ANY(…)</c>, and the newest page would be a sort of all the viewer's letters.
    /// </summary>
    private static IQueryable<InboxEntry> Entries(LettersDbContext db, List<Guid> positions)
    {
        if (positions.Count == 1)
        {
            var position = positions[0];
            return db.InboxEntries.AsNoTracking().Where(e => e.PositionId == position);
        }

        return db.InboxEntries.AsNoTracking().Where(e => positions.Contains(e.PositionId));
    }

    /// <summary>The filters of the search, on the entries' copies of the letter's columns.</summary>
    private static IQueryable<InboxEntry> Filter(LettersDbContext db, IQueryable<InboxEntry> entries, InboxSearch search, List<Guid> positions)
    {
        if (search.SecurityClass is { } securityClass)
        {
            entries = entries.Where(e => e.SecurityClass == securityClass);
        }

        if (search.Urgency is { } urgency)
        {
            entries = entries.Where(e => e.Urgency == urgency);
        }

        if (search.From is { } from)
        {
            entries = entries.Where(e => e.SenderDate >= from);
        }

        if (search.To is { } to)
        {
            entries = entries.Where(e => e.SenderDate <= to);
        }

        return search.Status switch
        {
            InboxStatus.Open => entries.Where(e => e.Status == LetterStatus.Open),
            InboxStatus.Closed => entries.Where(e => e.Status == LetterStatus.Closed),
            InboxStatus.Unread => entries.Where(e => UnreadLetterIds(db, positions).Contains(e.LetterId)),
            _ => entries,
        };
    }

    /// <summary>Letters whose subject, sender or number match, or with a disposition whose note or report matches: each part has its index.</summary>
    private static IQueryable<Guid> Matching(LettersDbContext db, string text, string number) =>
        db.Letters
            .Where(l => EF.Property<NpgsqlTsVector>(l, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))
                || EF.Functions.ILike(l.SenderNumber, number))
            .Select(l => l.Id)
            .Concat(db.Dispositions
                .Where(d => EF.Property<NpgsqlTsVector>(d, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text)))
                .Select(d => d.LetterId));

    /// <summary>Letters with an unread receipt or an unread disposition for one of the viewer's positions (all of them visible).</summary>
    private static IQueryable<Guid> UnreadLetterIds(LettersDbContext db, List<Guid> positions) =>
        db.Recipients.Where(r => positions.Contains(r.PositionId) && r.ReadAt == null).Select(r => r.LetterId)
            .Concat(db.Dispositions.Where(d => positions.Contains(d.ToPositionId) && d.Status == DispositionStatus.Unread).Select(d => d.LetterId));
}
