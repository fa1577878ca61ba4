using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Documents;
using Superapps.Letters.Features.Numbering;
using Superapps.Letters.Features.Registration;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Drafting;

/// <summary>An internal addressee (a position, or an OPD meaning its head) or an external one (name, address, optional e-mail).</summary>
public sealed record AddresseeInput(Guid? PositionId, Guid? AgencyId, string? Name, string? Address, string? Email)
{
    public static AddresseeInput ToPosition(Guid positionId) => new(positionId, null, null, null, null);

    public static AddresseeInput ToAgency(Guid agencyId) => new(null, agencyId, null, null, null);

    public static AddresseeInput External(string name, string address, string? email = null) => new(null, null, name, address, email);
}

/// <summary>A tembusan: an internal position, or free text.</summary>
public sealed record CarbonCopyInput(Guid? PositionId, string? Text);

/// <summary>What the draft form sends.</summary>
/// <param name="DrafterPositionId">The position the drafter writes in (their own, or one they act for).</param>
/// <param name="BodyHtml">The editor's HTML, sanitised here before it reaches the domain.</param>
/// <param name="NewFiles">Attachments to add (PDF, JPEG, PNG by content).</param>
/// <param name="RemovedFileIds">Attachments to remove.</param>
public sealed record DraftInput(
    LetterKind Kind,
    Guid DrafterPositionId,
    string? Subject,
    string? ClassificationCode,
    SecurityClass SecurityClass,
    Urgency Urgency,
    string? Attachments,
    string? BodyHtml,
    IReadOnlyList<AddresseeInput> Addressees,
    IReadOnlyList<CarbonCopyInput> CarbonCopies,
    IReadOnlyList<Guid> ReviewerPositionIds,
    Guid? SignerPositionId,
    IReadOnlyList<LetterUpload>? NewFiles = null,
    IReadOnlyList<Guid>? RemovedFileIds = null);

/// <summary>
/// Drafting and review: the drafter writes, saves, submits and abandons; reviewers approve (paraf) or return; the signer returns
/// (signing is <see cref="Signing.OutgoingLetterSigning"/>). Each step checks who acts from the organisation directory at that
/// moment (a Plt/Plh of a chain position acts for it), runs the aggregate's transition, reserves or voids the number, and is saved
/// with an optimistic concurrency check (<paramref name="expectedVersion"/>: the version the user saw), audited and notified.
/// </summary>
public sealed class DraftingDesk(LettersDbContext db, IOrganizationDirectory directory, IRichTextSanitizer sanitizer, IAuditTrail audit,
    IOptions<LettersOptions> options, TimeProvider clock, DraftingNotices notices)
{
    private const string Module = LettersDbContext.Schema;

    public async Task<Guid> CreateAsync(Viewer viewer, DraftInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await ActorAsync(viewer, input.DrafterPositionId, cancellationToken);
        if (actor.PositionId != input.DrafterPositionId)
        {
            throw new DomainRuleException(LetterErrors.NotHolder);
        }

        var position = (await directory.GetPositionAsync(actor.PositionId, cancellationToken))!;
        var content = await ResolveAsync(input, position.AgencyId, cancellationToken);
        var now = clock.GetUtcNow();
        var letter = OutgoingLetter.Create(Guid.CreateVersion7(now), position.AgencyId, position.AgencyName, input.Kind, actor, content, now);
        var files = await ReadFilesAsync(letter.Id, input.NewFiles, now, cancellationToken);
        db.OutgoingLetters.Add(letter);
        db.OutgoingLetterFiles.AddRange(files);
        await SaveAsync(cancellationToken);
        await AuditAsync(letter, "draft.created", $"Konsep {letter.Kind} dibuat: {letter.Subject}", cancellationToken);
        return letter.Id;
    }

    /// <summary>Saves the drafter's changes while it is a draft or returned.</summary>
    /// <returns>The letter's new version, for the next action from the same form (for example submitting right after saving).</returns>
    public async Task<uint> SaveAsync(Viewer viewer, Guid id, DraftInput input, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var letter = await LoadAsync(viewer, id, expectedVersion, cancellationToken);
        var actor = await ActorAsync(viewer, letter.DrafterPositionId, cancellationToken);
        var content = await ResolveAsync(input, letter.AgencyId, cancellationToken);
        var now = clock.GetUtcNow();
        // Files are read and checked before the letter changes, so a refused file leaves nothing modified in this scope.
        var files = await ReadFilesAsync(letter.Id, input.NewFiles, now, cancellationToken);
        letter.Edit(actor, content, now);
        db.OutgoingLetterFiles.AddRange(files);
        if (input.RemovedFileIds is { Count: > 0 } removed)
        {
            await db.OutgoingLetterFiles.Where(f => f.OutgoingLetterId == id && f.Kind == OutgoingFileKind.Attachment && removed.Contains(f.Id))
                .ForEachAsync(f => db.OutgoingLetterFiles.Remove(f), cancellationToken);
        }

        await SaveAsync(cancellationToken);
        await AuditAsync(letter, "draft.saved", $"Konsep disimpan: {letter.Subject}", cancellationToken);
        return letter.Version;
    }

    /// <summary>The drafter submits: to the first reviewer, or to the signer (a number is reserved).</summary>
    public async Task SubmitAsync(Viewer viewer, Guid id, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        var letter = await LoadAsync(viewer, id, expectedVersion, cancellationToken);
        var actor = await ActorAsync(viewer, letter.DrafterPositionId, cancellationToken);
        if (!await db.ClassificationCodes.AnyAsync(c => c.Code == letter.ClassificationCode && c.IsActive, cancellationToken) && letter.ClassificationCode.Length > 0)
        {
            throw new DomainRuleException(DraftingErrors.Classification);
        }

        await MoveAsync(letter, actor, (l, now) => l.Submit(actor, now), "draft.submitted", $"Versi {letter.VersionNumber + 1} diajukan", cancellationToken);
    }

    /// <summary>The current reviewer approves with their paraf: to the next reviewer, or to the signer (a number is reserved).</summary>
    public async Task ApproveAsync(Viewer viewer, Guid id, string? notes, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        var letter = await LoadAsync(viewer, id, expectedVersion, cancellationToken);
        var actor = await ActorAsync(viewer, letter.CurrentPositionId, cancellationToken);
        await MoveAsync(letter, actor, (l, now) => l.Approve(actor, notes, now), "draft.approved", $"Paraf {actor.Title} ({actor.Name})", cancellationToken);
    }

    /// <summary>The current reviewer or the signer returns it with notes; a reserved number becomes void.</summary>
    public async Task ReturnAsync(Viewer viewer, Guid id, string? notes, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        var letter = await LoadAsync(viewer, id, expectedVersion, cancellationToken);
        var actor = await ActorAsync(viewer, letter.CurrentPositionId, cancellationToken);
        var number = letter.Number;
        var now = clock.GetUtcNow();
        letter.Return(actor, notes, now);
        if (number is not null)
        {
            await OutgoingNumbering.VoidAsync(db, letter.Id, $"Dikembalikan oleh penandatangan: {letter.Steps[^1].Notes}", actor.Name, now, cancellationToken);
        }

        await SaveAsync(cancellationToken);
        await AuditAsync(letter, "draft.returned", $"Dikembalikan oleh {actor.Title}" + (number is null ? string.Empty : $"; nomor {number} batal"), cancellationToken);
        await notices.ReturnedAsync(letter, actor);
    }

    /// <summary>The drafter gives it up.</summary>
    public async Task AbandonAsync(Viewer viewer, Guid id, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        var letter = await LoadAsync(viewer, id, expectedVersion, cancellationToken);
        var actor = await ActorAsync(viewer, letter.DrafterPositionId, cancellationToken);
        var now = clock.GetUtcNow();
        letter.Abandon(actor, now);
        await OutgoingNumbering.VoidAsync(db, letter.Id, "Konsep dibatalkan", actor.Name, now, cancellationToken);
        await SaveAsync(cancellationToken);
        await AuditAsync(letter, "draft.abandoned", $"Konsep dibatalkan: {letter.Subject}", cancellationToken);
    }

    /// <summary>The viewer as an actor in <paramref name="preferred"/> if they hold it today, else in their own position.</summary>
    internal async Task<DraftingActor> ActorAsync(Viewer viewer, Guid? preferred, CancellationToken cancellationToken)
    {
        var profile = await directory.GetEmployeeAsync(viewer.EmployeeId, cancellationToken);
        var held = profile?.Positions.FirstOrDefault(p => p.PositionId == preferred) ?? profile?.PrimaryPosition;
        return held is null
            ? new DraftingActor(viewer.EmployeeId, viewer.Name, Guid.Empty, string.Empty, HoldingKind.Definitive)
            : new DraftingActor(viewer.EmployeeId, profile!.Name, held.PositionId, held.DisplayTitle, held.Kind);
    }

    private async Task MoveAsync(OutgoingLetter letter, DraftingActor actor, Func<OutgoingLetter, DateTimeOffset, bool> transition, string action, string summary,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var toSigner = transition(letter, now);
        if (toSigner)
        {
            await OutgoingNumbering.ReserveAsync(db, directory, letter, actor, now, cancellationToken);
        }

        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await AuditAsync(letter, action, toSigner ? $"{summary}; ke penandatangan dengan nomor {letter.Number}" : summary, cancellationToken);
        if (toSigner)
        {
            await notices.SignatureRequestedAsync(letter);
        }
        else
        {
            await notices.ReviewRequestedAsync(letter);
        }
    }

    private async Task<OutgoingLetter> LoadAsync(Viewer viewer, Guid id, uint expectedVersion, CancellationToken cancellationToken)
    {
        // In the portal this desk lives as long as the Blazor circuit: a letter tracked by an earlier action (or left modified by a
        // refused one) would be returned as it was then, not as others have changed it since. Every action starts from the database.
        db.ChangeTracker.Clear();
        var letter = await db.OutgoingLetters.Include(l => l.Steps).Include(l => l.Versions).AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null || !letter.IsVisibleTo(viewer.EmployeeId, viewer.PositionIds))
        {
            throw new DomainRuleException(DraftingErrors.NotFound);
        }

        db.Entry(letter).Property(l => l.Version).OriginalValue = expectedVersion;
        return letter;
    }

    /// <summary>Resolves positions and OPDs through the directory and sanitises the body.</summary>
    private async Task<DraftContent> ResolveAsync(DraftInput input, Guid agencyId, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        var addressees = new List<Addressee>();
        foreach (var a in input.Addressees ?? [])
        {
            if (a.PositionId is null && a.AgencyId is null)
            {
                addressees.Add(Domain.Drafting.Addressee.External(a.Name ?? string.Empty, a.Address ?? string.Empty, a.Email));
                continue;
            }

            var position = a.PositionId is { } p
                ? await directory.GetPositionAsync(p, cancellationToken)
                : (await directory.ListAgencyPositionsAsync(a.AgencyId!.Value, cancellationToken)).FirstOrDefault(x => x.IsHeadOfAgency);
            if (position is not { IsActive: true })
            {
                errors.Add(DraftingErrors.InternalAddressee);
            }
            else if (addressees.All(x => x.PositionId != position.PositionId))
            {
                addressees.Add(Domain.Drafting.Addressee.Internal(position.PositionId, position.AgencyId, position.Title));
            }
        }

        var copies = new List<CarbonCopy>();
        foreach (var c in input.CarbonCopies ?? [])
        {
            if (c.PositionId is { } p)
            {
                var position = await directory.GetPositionAsync(p, cancellationToken);
                if (position is not { IsActive: true })
                {
                    errors.Add(DraftingErrors.CarbonCopy);
                }
                else if (copies.All(x => x.PositionId != p) && addressees.All(x => x.PositionId != p))
                {
                    copies.Add(new CarbonCopy(p, position.Title));
                }
            }
            else
            {
                copies.Add(new CarbonCopy(null, c.Text ?? string.Empty));
            }
        }

        var reviewers = new List<ChainPosition>();
        foreach (var r in input.ReviewerPositionIds ?? [])
        {
            if (await ChainAsync(r, agencyId, errors, cancellationToken) is { } chain)
            {
                reviewers.Add(chain);
            }
        }

        var signer = input.SignerPositionId is { } s ? await ChainAsync(s, agencyId, errors, cancellationToken) : null;
        if (errors.Count > 0)
        {
            throw new DomainRuleException([.. errors.Distinct()]);
        }

        var html = sanitizer.Sanitize(input.BodyHtml);
        return new DraftContent(input.Subject ?? string.Empty, input.ClassificationCode ?? string.Empty, input.SecurityClass, input.Urgency,
            input.Attachments ?? string.Empty, html, sanitizer.ToPlainText(html), addressees, copies, reviewers, signer);
    }

    /// <summary>Reviewers and signers are active positions of the drafting OPD.</summary>
    private async Task<ChainPosition?> ChainAsync(Guid positionId, Guid agencyId, List<UserError> errors, CancellationToken cancellationToken)
    {
        var position = await directory.GetPositionAsync(positionId, cancellationToken);
        if (position is not { IsActive: true } || position.AgencyId != agencyId)
        {
            errors.Add(DraftingErrors.ChainOutsideAgency);
            return null;
        }

        return new ChainPosition(position.PositionId, position.Title);
    }

    private async Task<List<OutgoingLetterFile>> ReadFilesAsync(Guid letterId, IReadOnlyList<LetterUpload>? uploads, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        var files = new List<OutgoingLetterFile>();
        foreach (var upload in uploads ?? [])
        {
            if (await Uploads.ReadAsync(upload, options.Value.MaxFileBytes, "files", FileSniffer.ScanType, n => LetterErrors.FileType(n, "files"), errors, cancellationToken)
                is { } file)
            {
                files.Add(new OutgoingLetterFile(Guid.CreateVersion7(now), letterId, OutgoingFileKind.Attachment, file.FileName, file.ContentType, file.Content, null, now));
            }
        }

        return errors.Count > 0 ? throw new DomainRuleException(errors) : files;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException(DraftingErrors.Concurrency);
        }
    }

    private Task AuditAsync(OutgoingLetter letter, string action, string summary, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(Module, action, nameof(OutgoingLetter), letter.Id.ToString(), summary,
            new { letter.State, letter.VersionNumber, letter.Number, letter.CurrentPositionId }), cancellationToken);
}
