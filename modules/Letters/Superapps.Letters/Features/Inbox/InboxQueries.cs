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
public sealed record InboxCounters(int UnreadLetters, int LettersWithoutFollowUp, int UnreadDispositions, int DispositionsNotActedOn, int UnreadCopies, int Overdue);

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
public sealed record InboxRow(Guid LetterId, string AgendaLabel, DateTimeOffset ReceivedAt, string Sender, string SenderNumber, string Subject,
    SecurityClass SecurityClass, Urgency Urgency, LetterStatus Status, bool Unread, DateTimeOffset? Deadline);

public sealed record InboxPage(IReadOnlyList<InboxRow> Items, int Total);

/// <summary>The inbox: only letters the viewer is named on (recipient or disposition chain), paged, filtered and searched on the server.</summary>
/// <remarks>
/// The queries are shaped for a million letters (docs/performance.md): sets of letter ids are written as
/// <c>id IN (… UNION ALL …)</c> so PostgreSQL can either probe them per letter while it walks the newest letters (a busy
/// viewer, a common word) or build them first (a typical viewer, a rare word), whichever its statistics say is cheaper.
/// </remarks>
public sealed class InboxQueries(LettersDbContext db, TimeProvider clock)
{
    /// <summary>Up to this many matching letters and dispositions in the whole city, a search term counts as rare.</summary>
    internal int RareTermLimit { get; init; } = 2000;

    /// <summary>Above this many letters, the newest page is found by walking the newest letters (docs/performance.md).</summary>
    internal int WalkThreshold { get; init; } = 20_000;

    public async Task<InboxCounters> CountersAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var positions = viewer.PositionIds.ToList();
        var now = clock.GetUtcNow();
        var toMe = db.Recipients.Where(r => positions.Contains(r.PositionId));
        var dispositions = db.Dispositions.Where(d => positions.Contains(d.ToPositionId) && d.Status != DispositionStatus.Cancelled);
        var openLetters = db.Letters.Where(l => l.Status == LetterStatus.Open).Select(l => l.Id);
        return new InboxCounters(
            UnreadLetters: await toMe.CountAsync(r => r.Kind == RecipientKind.To && r.ReadAt == null, cancellationToken),
            LettersWithoutFollowUp: await toMe.CountAsync(r => r.Kind == RecipientKind.To
                && openLetters.Contains(r.LetterId)
                && !db.Dispositions.Any(d => d.LetterId == r.LetterId && d.FromPositionId == r.PositionId && d.Status != DispositionStatus.Cancelled), cancellationToken),
            UnreadDispositions: await dispositions.CountAsync(d => d.Status == DispositionStatus.Unread, cancellationToken),
            DispositionsNotActedOn: await dispositions.CountAsync(d => d.Status == DispositionStatus.Read, cancellationToken),
            UnreadCopies: await toMe.CountAsync(r => r.Kind == RecipientKind.Cc && r.ReadAt == null, cancellationToken),
            Overdue: await dispositions.CountAsync(d => d.Status != DispositionStatus.Done && d.Deadline != null && d.Deadline < now, cancellationToken));
    }

    public async Task<InboxPage> SearchAsync(Viewer viewer, InboxSearch search, CancellationToken cancellationToken = default)
    {
        var positions = viewer.PositionIds.ToList();
        var text = string.IsNullOrWhiteSpace(search.Text) ? null : search.Text.Trim();
        var number = text is null ? null : LikePattern.StartsWith(text);

        // A rare term is looked up in the indexes first and its few letters checked for visibility; a common term is
        // checked on the viewer's letters instead. PostgreSQL cannot tell the two apart in one statement (its estimate
        // for a set of ids is a guess), so one bounded look at the full-text and trigram indexes decides.
        var rare = text is not null && await Matching(text, number!).Take(RareTermLimit + 1).CountAsync(cancellationToken) <= RareTermLimit;

        // Unread letters are a (small) part of the visible ones: start from them when only those are asked for.
        var ids = search.Status == InboxStatus.Unread ? UnreadLetterIds(positions) : VisibleLetterIds(positions);
        var filtered = text is not null || search.SecurityClass is not null || search.Urgency is not null || search.From is not null || search.To is not null
            || search.Status is InboxStatus.Open or InboxStatus.Closed;

        IQueryable<Letter> mine;
        int total;
        if (rare)
        {
            mine = WhereVisible(Filter(db.Letters.Where(l => Matching(text!, number!).Contains(l.Id)), search, positions, text, number, rare), positions);
            total = await mine.CountAsync(cancellationToken);
        }
        else
        {
            mine = Filter(db.Letters.Where(l => ids.Contains(l.Id)), search, positions, text, number, rare);

            // Without conditions on the letters themselves, the total is the number of distinct ids: no letter need be read.
            total = filtered ? await mine.CountAsync(cancellationToken) : await DistinctIds(search, positions).CountAsync(cancellationToken);

            // A viewer with very many letters finds the newest ones fastest by walking all letters newest first and
            // checking each, instead of reading all of theirs and sorting them.
            if (total > WalkThreshold && search.SortBy is null or "received" && search.Descending && search.Status != InboxStatus.Unread)
            {
                mine = Filter(WhereVisible(db.Letters, positions), search, positions, text, number, rare);
            }
        }

        mine = mine.AsNoTracking();
        mine = (search.SortBy, search.Descending) switch
        {
            ("sender", false) => mine.OrderBy(l => l.Sender).ThenByDescending(l => l.ReceivedAt),
            ("sender", true) => mine.OrderByDescending(l => l.Sender).ThenByDescending(l => l.ReceivedAt),
            ("urgency", false) => mine.OrderBy(l => l.Urgency).ThenByDescending(l => l.ReceivedAt),
            ("urgency", true) => mine.OrderByDescending(l => l.Urgency).ThenByDescending(l => l.ReceivedAt),
            ("received", false) => mine.OrderBy(l => l.ReceivedAt),
            _ => mine.OrderByDescending(l => l.ReceivedAt),
        };

        var size = Math.Clamp(search.PageSize, 1, 100);
        var rows = await mine.Skip(Math.Max(0, search.Page) * size).Take(size)
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
        return new InboxPage([.. rows.Select(r => new InboxRow(r.Id, $"{r.AgendaNumber:D4}/{r.AgendaYear}", r.ReceivedAt, r.Sender, r.SenderNumber, r.Subject,
            r.SecurityClass, r.Urgency, r.Status, r.Unread, r.Deadline))], total);
    }

    /// <summary>
    /// The visibility rule checked on each letter by index lookups (a scalar subquery, which PostgreSQL does not turn into
    /// a hash of all the viewer's letters): for walking the newest letters, or the few letters that match a rare term.
    /// </summary>
    private IQueryable<Letter> WhereVisible(IQueryable<Letter> letters, List<Guid> positions) => letters.Where(l =>
        db.Recipients.Where(r => r.LetterId == l.Id && positions.Contains(r.PositionId)).Select(r => 1).FirstOrDefault() == 1
        || db.Dispositions.Where(d => d.LetterId == l.Id && d.Status != DispositionStatus.Cancelled
            && (positions.Contains(d.ToPositionId) || positions.Contains(d.FromPositionId))).Select(d => 1).FirstOrDefault() == 1);

    /// <summary>The filters of the search, on any starting set of letters.</summary>
    private IQueryable<Letter> Filter(IQueryable<Letter> letters, InboxSearch search, List<Guid> positions, string? text, string? number, bool rare)
    {
        if (search.SecurityClass is { } securityClass)
        {
            letters = letters.Where(l => l.SecurityClass == securityClass);
        }

        if (search.Urgency is { } urgency)
        {
            letters = letters.Where(l => l.Urgency == urgency);
        }

        if (search.From is { } from)
        {
            letters = letters.Where(l => l.SenderDate >= from);
        }

        if (search.To is { } to)
        {
            letters = letters.Where(l => l.SenderDate <= to);
        }

        letters = search.Status switch
        {
            InboxStatus.Open => letters.Where(l => l.Status == LetterStatus.Open),
            InboxStatus.Closed => letters.Where(l => l.Status == LetterStatus.Closed),
            InboxStatus.Unread => letters.Where(l =>
                db.Recipients.Any(r => r.LetterId == l.Id && positions.Contains(r.PositionId) && r.ReadAt == null)
                || db.Dispositions.Any(d => d.LetterId == l.Id && positions.Contains(d.ToPositionId) && d.Status == DispositionStatus.Unread)),
            _ => letters,
        };

        if (text is not null && !rare)
        {
            letters = letters.Where(l => EF.Property<NpgsqlTsVector>(l, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))
                || EF.Functions.ILike(l.SenderNumber, number!)
                || db.Dispositions.Any(d => d.LetterId == l.Id
                    && EF.Property<NpgsqlTsVector>(d, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))));
        }

        return letters;
    }

    /// <summary>Letters whose subject, sender or number match, or with a disposition whose note or report matches: each part has its index.</summary>
    private IQueryable<Guid> Matching(string text, string number) =>
        db.Letters
            .Where(l => EF.Property<NpgsqlTsVector>(l, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))
                || EF.Functions.ILike(l.SenderNumber, number))
            .Select(l => l.Id)
            .Concat(db.Dispositions
                .Where(d => EF.Property<NpgsqlTsVector>(d, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text)))
                .Select(d => d.LetterId));

    /// <summary>The viewer's letters (or unread letters) as a set without duplicates, for counting.</summary>
    private IQueryable<Guid> DistinctIds(InboxSearch search, List<Guid> positions) => search.Status == InboxStatus.Unread
        ? db.Recipients.Where(r => positions.Contains(r.PositionId) && r.ReadAt == null).Select(r => r.LetterId)
            .Union(db.Dispositions.Where(d => positions.Contains(d.ToPositionId) && d.Status == DispositionStatus.Unread).Select(d => d.LetterId))
        : db.Recipients.Where(r => positions.Contains(r.PositionId)).Select(r => r.LetterId)
            .Union(db.Dispositions.Where(d => positions.Contains(d.ToPositionId) && d.Status != DispositionStatus.Cancelled).Select(d => d.LetterId))
            .Union(CancelledParentLetterIds(positions));

    /// <summary>
    /// The letters a viewer is named on: addressed or copied to one of their positions, or on a live disposition to or from one.
    /// </summary>
    /// <remarks>
    /// "From" needs no scan of its own (for a Kepala it is hundreds of thousands of rows): <see cref="LetterDesk"/> lets a
    /// position dispose only a letter addressed to it or a disposition it received, so the giver of a live disposition is a
    /// recipient or the target of its parent. The parent is live, or cancelled (while unread): only that last case is
    /// looked up, from the viewer's cancelled dispositions, which are few.
    /// </remarks>
    internal IQueryable<Guid> VisibleLetterIds(List<Guid> positions) =>
        db.Recipients.Where(r => positions.Contains(r.PositionId)).Select(r => r.LetterId)
            .Concat(db.Dispositions.Where(d => positions.Contains(d.ToPositionId) && d.Status != DispositionStatus.Cancelled).Select(d => d.LetterId))
            .Concat(CancelledParentLetterIds(positions));

    /// <summary>Letters with a live disposition given by the viewer under a disposition to them that was cancelled afterwards.</summary>
    private IQueryable<Guid> CancelledParentLetterIds(List<Guid> positions) =>
        db.Dispositions.Where(p => positions.Contains(p.ToPositionId) && p.Status == DispositionStatus.Cancelled)
            .Join(db.Dispositions, p => (Guid?)p.Id, c => c.ParentId, (p, c) => c)
            .Where(c => positions.Contains(c.FromPositionId) && c.Status != DispositionStatus.Cancelled)
            .Select(c => c.LetterId);

    /// <summary>Letters with an unread receipt or an unread disposition for one of the viewer's positions (all of them visible).</summary>
    private IQueryable<Guid> UnreadLetterIds(List<Guid> positions) =>
        db.Recipients.Where(r => positions.Contains(r.PositionId) && r.ReadAt == null).Select(r => r.LetterId)
            .Concat(db.Dispositions.Where(d => positions.Contains(d.ToPositionId) && d.Status == DispositionStatus.Unread).Select(d => d.LetterId));
}
