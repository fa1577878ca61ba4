using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Drafting;

public enum DraftTab
{
    /// <summary>Konsep saya: the viewer's own drafts, in every state.</summary>
    Mine,

    /// <summary>Perlu diperiksa: waiting for a position the viewer holds, as reviewer.</summary>
    ToReview,

    /// <summary>Perlu ditandatangani: waiting for a position the viewer holds, as signer.</summary>
    ToSign,

    /// <summary>Terkirim: sent letters the viewer drafted or whose signing position they hold.</summary>
    Sent,
}

public sealed record DraftRow(Guid Id, LetterKind Kind, string Subject, OutgoingLetterState State, string? Number, string DrafterName, DateTimeOffset UpdatedAt,
    SecurityClass SecurityClass);

public sealed record DraftPage(IReadOnlyList<DraftRow> Items, int Total);

public sealed record OutgoingFileInfo(Guid Id, OutgoingFileKind Kind, string FileName, string ContentType, long Length);

/// <summary>What the viewer may do with a draft now.</summary>
public sealed record DraftActions(bool Edit, bool Submit, bool Approve, bool Return, bool Sign, bool Abandon, bool Resend);

/// <param name="Diff">The latest submitted version against the one before it, or null before the second submission.</param>
public sealed record DraftView(OutgoingLetter Letter, IReadOnlyList<OutgoingFileInfo> Files, IReadOnlyList<DiffSegment>? Diff, DraftActions Actions);

/// <summary>The drafting lists (server-side paging), one draft as a viewer may see it, and its files.</summary>
public sealed class DraftQueries(IDbContextFactory<LettersDbContext> contexts)
{
    public async Task<DraftPage> ListAsync(Viewer viewer, DraftTab tab, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(viewer);
        var positions = viewer.PositionIds.ToList();
        var query = tab switch
        {
            DraftTab.ToReview => db.OutgoingLetters.Where(l => l.State == OutgoingLetterState.InReview && positions.Contains(l.CurrentPositionId!.Value)),
            DraftTab.ToSign => db.OutgoingLetters.Where(l => l.State == OutgoingLetterState.AwaitingSignature && positions.Contains(l.CurrentPositionId!.Value)),
            DraftTab.Sent => db.OutgoingLetters.Where(l => l.State == OutgoingLetterState.Sent
                && (l.DrafterEmployeeId == viewer.EmployeeId || positions.Contains(l.SignerPositionId!.Value))),
            _ => db.OutgoingLetters.Where(l => l.DrafterEmployeeId == viewer.EmployeeId && l.State != OutgoingLetterState.Abandoned),
        };
        var size = Math.Clamp(pageSize, 1, 100);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(l => l.UpdatedAt).Skip(Math.Max(0, page) * size).Take(size)
            .Select(l => new DraftRow(l.Id, l.Kind, l.Subject, l.State, l.Number, l.DrafterName, l.UpdatedAt, l.SecurityClass))
            .ToListAsync(cancellationToken);
        return new DraftPage(items, total);
    }

    /// <summary>"Perlu diperiksa", "Perlu ditandatangani" and "Ditandatangani belum terkirim" for the viewer's positions.</summary>
    public async Task<(int ToReview, int ToSign, int SignedNotSent)> CountersAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CountersAsync(db, viewer, cancellationToken);
    }

    internal static async Task<(int ToReview, int ToSign, int SignedNotSent)> CountersAsync(LettersDbContext db, Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var positions = viewer.PositionIds.ToList();
        var waiting = db.OutgoingLetters.Where(l => l.CurrentPositionId != null && positions.Contains(l.CurrentPositionId.Value));
        return (
            await waiting.CountAsync(l => l.State == OutgoingLetterState.InReview, cancellationToken),
            await waiting.CountAsync(l => l.State == OutgoingLetterState.AwaitingSignature, cancellationToken),
            await db.OutgoingLetters.CountAsync(l => l.State == OutgoingLetterState.Signed
                && (l.DrafterEmployeeId == viewer.EmployeeId || positions.Contains(l.SignerPositionId!.Value)), cancellationToken));
    }

    public async Task<DraftView> GetAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(viewer);
        var letter = await db.OutgoingLetters.AsNoTracking().Include(l => l.Steps).Include(l => l.Versions).AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null || !MaySee(viewer, letter))
        {
            throw new DomainRuleException(DraftingErrors.NotFound);
        }

        var files = await db.OutgoingLetterFiles.AsNoTracking().Where(f => f.OutgoingLetterId == id).OrderBy(f => f.UploadedAt)
            .Select(f => new OutgoingFileInfo(f.Id, f.Kind, f.FileName, f.ContentType, f.Length)).ToListAsync(cancellationToken);
        var versions = letter.Versions.OrderBy(v => v.Number).ToList();
        var diff = versions.Count >= 2 ? WordDiff.Compute(versions[^2].ComparableText, versions[^1].ComparableText) : null;
        return new DraftView(letter, files, diff, ActionsFor(viewer, letter));
    }

    /// <summary>A file of a draft the viewer may see.</summary>
    public async Task<OutgoingLetterFile> GetFileAsync(Viewer viewer, Guid fileId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(viewer);
        var file = await db.OutgoingLetterFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken)
            ?? throw new DomainRuleException(DraftingErrors.NotFound);
        var letter = await db.OutgoingLetters.AsNoTracking().FirstAsync(l => l.Id == file.OutgoingLetterId, cancellationToken);
        return MaySee(viewer, letter) ? file : throw new DomainRuleException(DraftingErrors.NotFound);
    }

    /// <summary>The drafter and the chain's positions see a draft; the drafting OPD's registry clerks also see signed letters, to send them again.</summary>
    public static bool MaySee(Viewer viewer, OutgoingLetter letter) =>
        letter.IsVisibleTo(viewer.EmployeeId, viewer.PositionIds)
        || (viewer.KeepsAgenda && viewer.AgencyId == letter.AgencyId && letter.State is OutgoingLetterState.Signed or OutgoingLetterState.Sent);

    public static DraftActions ActionsFor(Viewer viewer, OutgoingLetter letter)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(letter);
        var drafter = viewer.EmployeeId == letter.DrafterEmployeeId;
        var waitingForMe = letter.CurrentPositionId is { } p && viewer.PositionIds.Contains(p);
        var signer = letter.SignerPositionId is { } s && viewer.PositionIds.Contains(s);
        return new DraftActions(
            Edit: drafter && letter.IsEditable,
            Submit: drafter && letter.IsEditable,
            Approve: waitingForMe && letter.State == OutgoingLetterState.InReview,
            Return: waitingForMe && letter.State is OutgoingLetterState.InReview or OutgoingLetterState.AwaitingSignature,
            Sign: waitingForMe && signer && letter.State == OutgoingLetterState.AwaitingSignature,
            Abandon: drafter && letter.IsEditable,
            Resend: letter.State == OutgoingLetterState.Signed && (drafter || signer || (viewer.KeepsAgenda && viewer.AgencyId == letter.AgencyId)));
    }
}
