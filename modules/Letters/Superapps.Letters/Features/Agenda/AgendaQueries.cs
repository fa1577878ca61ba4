using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Agenda;

/// <summary>Which letters of the agenda to show. Dates are WIB calendar days of receipt; a month needs a year.</summary>
public sealed record AgendaSearch(
    string? Text = null,
    int? Year = null,
    int? Month = null,
    DateOnly? From = null,
    DateOnly? To = null,
    SecurityClass? SecurityClass = null,
    Urgency? Urgency = null,
    LetterStatus? Status = null,
    int Page = 0,
    int PageSize = 20,
    string? SortBy = null,
    bool Descending = true);

/// <summary>
/// One line of the OPD's agenda book. For a restricted letter the viewer is not named on, <see cref="Masked"/> is set and the
/// subject and the sender's details are null: they never leave the database.
/// </summary>
public sealed record AgendaRow(Guid LetterId, string AgendaLabel, DateTimeOffset ReceivedAt, string? Sender, string? SenderNumber, DateOnly? SenderDate,
    string? Subject, SecurityClass SecurityClass, Urgency Urgency, string AddresseeTitle, LetterStatus Status, bool Masked)
{
    /// <summary>Only unmasked letters open: the letter page shows a restricted letter only to those named on it.</summary>
    public bool CanOpen => !Masked;
}

public sealed record AgendaLines(IReadOnlyList<AgendaRow> Items, int Total);

/// <summary>
/// The agenda book of incoming letters (buku agenda surat masuk) of the viewer's own OPD, for its registry clerks and admins.
/// Terbatas, Rahasia and Sangat Rahasia letters show their agenda line only (masked) unless the viewer is named on them,
/// and are never found by what they mask.
/// </summary>
public sealed class AgendaQueries(IDbContextFactory<LettersDbContext> contexts)
{
    public const int MaxExport = 10_000;

    public async Task<AgendaLines> SearchAsync(Viewer viewer, AgendaSearch search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = Lines(db, viewer, search);
        var total = await lines.CountAsync(cancellationToken);
        var size = Math.Clamp(search.PageSize, 1, 100);
        var items = await Project(Sort(lines, search.SortBy, search.Descending).Skip(Math.Max(0, search.Page) * size).Take(size)).ToListAsync(cancellationToken);
        return new AgendaLines([.. items.Select(ToRow)], total);
    }

    /// <summary>Every matching line (at most <see cref="MaxExport"/>), in agenda order, for the CSV export.</summary>
    public async Task<IReadOnlyList<AgendaRow>> ExportAsync(Viewer viewer, AgendaSearch search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = await Project(Sort(Lines(db, viewer, search), search.SortBy ?? "number", search.SortBy is not null && search.Descending).Take(MaxExport))
            .ToListAsync(cancellationToken);
        return [.. items.Select(ToRow)];
    }

    // A class with settable members, not a record constructor: EF filters and sorts after a member-init projection only.
    private sealed class Line
    {
        public required Letter Letter { get; init; }

        public required bool Visible { get; init; }
    }

    private sealed record Projected(Guid Id, int Number, int Year, DateTimeOffset ReceivedAt, string? Sender, string? SenderNumber, DateOnly? SenderDate,
        string? Subject, SecurityClass SecurityClass, Urgency Urgency, string AddresseeTitle, LetterStatus Status, bool Visible);

    private static IQueryable<Line> Lines(LettersDbContext db, Viewer viewer, AgendaSearch search)
    {
        if (!viewer.KeepsAgenda)
        {
            throw new DomainRuleException(LetterErrors.NotAgendaKeeper);
        }

        var positions = viewer.PositionIds.ToList();
        var letters = db.Letters.AsNoTracking().Where(l => l.AgencyId == viewer.AgencyId);

        if (search.Year is { } year)
        {
            letters = letters.Where(l => l.AgendaYear == year);
            if (search.Month is { } month and >= 1 and <= 12)
            {
                var start = StartOfDay(new DateOnly(year, month, 1));
                var end = StartOfDay(new DateOnly(year, month, 1).AddMonths(1));
                letters = letters.Where(l => l.ReceivedAt >= start && l.ReceivedAt < end);
            }
        }

        if (search.From is { } from)
        {
            var start = StartOfDay(from);
            letters = letters.Where(l => l.ReceivedAt >= start);
        }

        if (search.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            letters = letters.Where(l => l.ReceivedAt < end);
        }

        if (search.SecurityClass is { } securityClass)
        {
            letters = letters.Where(l => l.SecurityClass == securityClass);
        }

        if (search.Urgency is { } urgency)
        {
            letters = letters.Where(l => l.Urgency == urgency);
        }

        if (search.Status is { } status)
        {
            letters = letters.Where(l => l.Status == status);
        }

        // A restricted letter shows its details only to someone named on it (the letter page's own rule).
        var lines = letters.Select(l => new Line
        {
            Letter = l,
            Visible = l.SecurityClass == SecurityClass.Biasa
                || db.Recipients.Any(r => r.LetterId == l.Id && positions.Contains(r.PositionId))
                || db.Dispositions.Any(d => d.LetterId == l.Id && d.Status != DispositionStatus.Cancelled
                    && (positions.Contains(d.ToPositionId) || positions.Contains(d.FromPositionId)))
                || (l.Origin == LetterOrigin.Legacy && db.ImportedLetters.Any(i => i.LetterId == l.Id && i.Positions.Any(p => positions.Contains(p)))),
        });

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            var contains = LikePattern.Contains(text);
            var number = LikePattern.StartsWith(text);
            var (agendaNumber, agendaYear) = ParseAgendaNumber(text);
            // The agenda number finds any line; subject and the sender's details only where they are shown.
            lines = lines.Where(x => (agendaNumber != null && x.Letter.AgendaNumber == agendaNumber && (agendaYear == null || x.Letter.AgendaYear == agendaYear))
                || (x.Visible && (EF.Functions.ILike(x.Letter.Sender, contains) || EF.Functions.ILike(x.Letter.SenderNumber, number)
                    || EF.Functions.ILike(x.Letter.Subject, contains))));
        }

        return lines;
    }

    private static IQueryable<Line> Sort(IQueryable<Line> lines, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        ("number", false) => lines.OrderBy(x => x.Letter.AgendaYear).ThenBy(x => x.Letter.AgendaNumber),
        ("number", true) => lines.OrderByDescending(x => x.Letter.AgendaYear).ThenByDescending(x => x.Letter.AgendaNumber),
        ("urgency", false) => lines.OrderBy(x => x.Letter.Urgency).ThenByDescending(x => x.Letter.ReceivedAt),
        ("urgency", true) => lines.OrderByDescending(x => x.Letter.Urgency).ThenByDescending(x => x.Letter.ReceivedAt),
        ("received", false) => lines.OrderBy(x => x.Letter.ReceivedAt),
        _ => lines.OrderByDescending(x => x.Letter.ReceivedAt),
    };

    // Masking happens in the projection: what is masked is not read from the database at all.
    private static IQueryable<Projected> Project(IQueryable<Line> lines) => lines.Select(x => new Projected(
        x.Letter.Id, x.Letter.AgendaNumber, x.Letter.AgendaYear, x.Letter.ReceivedAt,
        x.Visible ? x.Letter.Sender : null,
        x.Visible ? x.Letter.SenderNumber : null,
        x.Visible ? x.Letter.SenderDate : null,
        x.Visible ? x.Letter.Subject : null,
        x.Letter.SecurityClass, x.Letter.Urgency, x.Letter.AddresseeTitle, x.Letter.Status, x.Visible));

    private static AgendaRow ToRow(Projected p) => new(p.Id, $"{p.Number:D4}/{p.Year}", p.ReceivedAt, p.Sender, p.SenderNumber, p.SenderDate, p.Subject,
        p.SecurityClass, p.Urgency, p.AddresseeTitle, p.Status, !p.Visible);

    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Wib.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>"42", "0042" or "0042/2026" as an agenda number (and year); anything else is not one.</summary>
    private static (int? Number, int? Year) ParseAgendaNumber(string text)
    {
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return (null, null);
        }

        return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? (number, year) : (number, null);
    }
}
