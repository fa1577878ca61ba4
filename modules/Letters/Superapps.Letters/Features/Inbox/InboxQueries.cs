using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Data.Configurations;
using Superapps.Letters.Domain;
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
public sealed class InboxQueries(LettersDbContext db, TimeProvider clock)
{
    public async Task<InboxCounters> CountersAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var positions = viewer.PositionIds.ToList();
        var now = clock.GetUtcNow();
        var toMe = db.Recipients.Where(r => positions.Contains(r.PositionId));
        var dispositions = db.Dispositions.Where(d => positions.Contains(d.ToPositionId) && d.Status != DispositionStatus.Cancelled);
        return new InboxCounters(
            UnreadLetters: await toMe.CountAsync(r => r.Kind == RecipientKind.To && r.ReadAt == null, cancellationToken),
            LettersWithoutFollowUp: await toMe.CountAsync(r => r.Kind == RecipientKind.To
                && db.Letters.Any(l => l.Id == r.LetterId && l.Status == LetterStatus.Open)
                && !db.Dispositions.Any(d => d.LetterId == r.LetterId && d.FromPositionId == r.PositionId && d.Status != DispositionStatus.Cancelled), cancellationToken),
            UnreadDispositions: await dispositions.CountAsync(d => d.Status == DispositionStatus.Unread, cancellationToken),
            DispositionsNotActedOn: await dispositions.CountAsync(d => d.Status == DispositionStatus.Read, cancellationToken),
            UnreadCopies: await toMe.CountAsync(r => r.Kind == RecipientKind.Cc && r.ReadAt == null, cancellationToken),
            Overdue: await dispositions.CountAsync(d => d.Status != DispositionStatus.Done && d.Deadline != null && d.Deadline < now, cancellationToken));
    }

    public async Task<InboxPage> SearchAsync(Viewer viewer, InboxSearch search, CancellationToken cancellationToken = default)
    {
        var positions = viewer.PositionIds.ToList();
        var mine = db.Letters.AsNoTracking().Where(l =>
            db.Recipients.Any(r => r.LetterId == l.Id && positions.Contains(r.PositionId))
            || db.Dispositions.Any(d => d.LetterId == l.Id && d.Status != DispositionStatus.Cancelled
                && (positions.Contains(d.ToPositionId) || positions.Contains(d.FromPositionId))));

        if (search.SecurityClass is { } securityClass)
        {
            mine = mine.Where(l => l.SecurityClass == securityClass);
        }

        if (search.Urgency is { } urgency)
        {
            mine = mine.Where(l => l.Urgency == urgency);
        }

        if (search.From is { } from)
        {
            mine = mine.Where(l => l.SenderDate >= from);
        }

        if (search.To is { } to)
        {
            mine = mine.Where(l => l.SenderDate <= to);
        }

        mine = search.Status switch
        {
            InboxStatus.Open => mine.Where(l => l.Status == LetterStatus.Open),
            InboxStatus.Closed => mine.Where(l => l.Status == LetterStatus.Closed),
            InboxStatus.Unread => mine.Where(l =>
                db.Recipients.Any(r => r.LetterId == l.Id && positions.Contains(r.PositionId) && r.ReadAt == null)
                || db.Dispositions.Any(d => d.LetterId == l.Id && positions.Contains(d.ToPositionId) && d.Status == DispositionStatus.Unread)),
            _ => mine,
        };

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            var number = LikePattern.StartsWith(text);
            mine = mine.Where(l => EF.Property<NpgsqlTsVector>(l, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))
                || EF.Functions.ILike(l.SenderNumber, number)
                || db.Dispositions.Any(d => d.LetterId == l.Id
                    && EF.Property<NpgsqlTsVector>(d, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))));
        }

        var total = await mine.CountAsync(cancellationToken);
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
}
