using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Archive;

public sealed record ArchiveSearch(string? Text = null, int? Year = null, int Page = 0, int PageSize = 20, string? SortBy = null, bool Descending = true);

/// <summary>A closed letter in the viewer's archive: it opens with its whole disposition tree.</summary>
public sealed record ArchiveRow(Guid LetterId, string AgendaLabel, DateTimeOffset ReceivedAt, DateTimeOffset? ClosedAt, string Sender, string SenderNumber,
    string Subject, SecurityClass SecurityClass, Urgency Urgency);

public sealed record ArchiveLines(IReadOnlyList<ArchiveRow> Items, int Total);

/// <summary>
/// The archive: closed letters (their tree done and accepted) that the viewer is named on, as a recipient or on the disposition
/// chain, the same rule as the inbox. Paged, sorted and searched on the server.
/// </summary>
public sealed class ArchiveQueries(LettersDbContext db)
{
    public async Task<ArchiveLines> SearchAsync(Viewer viewer, ArchiveSearch search, CancellationToken cancellationToken = default)
    {
        var positions = viewer.PositionIds.ToList();
        var closed = db.Letters.AsNoTracking().Where(l => l.Status == LetterStatus.Closed
            && (db.Recipients.Any(r => r.LetterId == l.Id && positions.Contains(r.PositionId))
                || db.Dispositions.Any(d => d.LetterId == l.Id && d.Status != DispositionStatus.Cancelled
                    && (positions.Contains(d.ToPositionId) || positions.Contains(d.FromPositionId)))));

        if (search.Year is { } year)
        {
            closed = closed.Where(l => l.AgendaYear == year);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var contains = LikePattern.Contains(search.Text);
            var number = LikePattern.StartsWith(search.Text);
            closed = closed.Where(l => EF.Functions.ILike(l.Subject, contains) || EF.Functions.ILike(l.Sender, contains) || EF.Functions.ILike(l.SenderNumber, number));
        }

        var total = await closed.CountAsync(cancellationToken);
        closed = (search.SortBy, search.Descending) switch
        {
            ("received", false) => closed.OrderBy(l => l.ReceivedAt),
            ("received", true) => closed.OrderByDescending(l => l.ReceivedAt),
            ("closed", false) => closed.OrderBy(l => l.ClosedAt),
            _ => closed.OrderByDescending(l => l.ClosedAt),
        };
        var size = Math.Clamp(search.PageSize, 1, 100);
        var rows = await closed.Skip(Math.Max(0, search.Page) * size).Take(size)
            .Select(l => new { l.Id, l.AgendaNumber, l.AgendaYear, l.ReceivedAt, l.ClosedAt, l.Sender, l.SenderNumber, l.Subject, l.SecurityClass, l.Urgency })
            .ToListAsync(cancellationToken);
        return new ArchiveLines([.. rows.Select(r => new ArchiveRow(r.Id, $"{r.AgendaNumber:D4}/{r.AgendaYear}", r.ReceivedAt, r.ClosedAt, r.Sender, r.SenderNumber,
            r.Subject, r.SecurityClass, r.Urgency))], total);
    }
}
