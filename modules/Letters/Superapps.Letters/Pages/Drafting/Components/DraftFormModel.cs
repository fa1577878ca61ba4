using Superapps.Letters.Contracts;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Registration;

namespace Superapps.Letters.Pages.Drafting.Components;

/// <summary>An attachment chosen in the browser, read and recognised by content, not yet saved.</summary>
public sealed record PendingFile(Guid Key, string FileName, string ContentType, byte[] Content);

/// <summary>What the draft form holds while the user types; nothing is lost when saving fails.</summary>
public sealed class DraftFormModel
{
    public LetterKind Kind { get; set; }

    public Guid DrafterPositionId { get; set; }

    public string? Subject { get; set; }

    public string? ClassificationCode { get; set; }

    public SecurityClass SecurityClass { get; set; }

    public Urgency Urgency { get; set; }

    public string? Attachments { get; set; } = "-";

    /// <summary>The body as HTML: the one binding the rich text editor replaces.</summary>
    public string? BodyHtml { get; set; }

    public List<(Guid PositionId, string Title)> InternalAddressees { get; } = [];

    public List<(string Name, string Address, string? Email)> ExternalAddressees { get; } = [];

    /// <summary>Tembusan to positions: they receive a copy in their inbox.</summary>
    public List<(Guid PositionId, string Title)> CopyPositions { get; } = [];

    /// <summary>Tembusan as free text: printed only.</summary>
    public List<string> CarbonCopies { get; } = [];

    /// <summary>The reviewers in the order of their paraf.</summary>
    public List<ChainPosition> Reviewers { get; } = [];

    public Guid? SignerPositionId { get; set; }

    /// <summary>
    /// True once the user changed the reviewers or the signer by hand, or the chain came from a saved draft. The default chain
    /// (<see cref="DraftDefaults"/>) is then no longer recomputed when the addressees or the kind change: a chain the user chose
    /// is never overwritten silently; the form offers to put the default back instead.
    /// </summary>
    public bool ChainChosenByHand { get; set; }

    /// <summary>Attachments already saved with the draft (not the signed PDF).</summary>
    public List<OutgoingFileInfo> SavedFiles { get; } = [];

    /// <summary>Saved attachments the user removed; they are deleted when the draft is saved.</summary>
    public List<Guid> RemovedFileIds { get; } = [];

    /// <summary>Attachments chosen since the last save.</summary>
    public List<PendingFile> NewFiles { get; } = [];

    /// <summary>Whether the letter leaves the drafting OPD: anything but a nota dinas, an external addressee, or a position outside <paramref name="ownPositions"/>.</summary>
    public bool LeavesAgency(IEnumerable<Guid> ownPositions)
    {
        var own = ownPositions.ToHashSet();
        return Kind != LetterKind.NotaDinas || ExternalAddressees.Count > 0 || InternalAddressees.Any(a => !own.Contains(a.PositionId));
    }

    public DraftInput ToInput() => new(Kind, DrafterPositionId, Subject, ClassificationCode, SecurityClass, Urgency, Attachments, BodyHtml,
        [.. InternalAddressees.Select(a => AddresseeInput.ToPosition(a.PositionId)), .. ExternalAddressees.Select(a => AddresseeInput.External(a.Name, a.Address, a.Email))],
        [.. CopyPositions.Select(c => new CarbonCopyInput(c.PositionId, null)), .. CarbonCopies.Select(c => new CarbonCopyInput(null, c))],
        [.. Reviewers.Select(r => r.PositionId)], SignerPositionId,
        [.. NewFiles.Select(f => LetterUpload.FromBytes(f.FileName, f.Content))], [.. RemovedFileIds]);

    /// <summary>The form for an existing draft, as saved.</summary>
    public static DraftFormModel From(OutgoingLetter letter, IEnumerable<OutgoingFileInfo> files)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(files);
        var model = new DraftFormModel
        {
            Kind = letter.Kind,
            DrafterPositionId = letter.DrafterPositionId,
            Subject = letter.Subject,
            ClassificationCode = letter.ClassificationCode,
            SecurityClass = letter.SecurityClass,
            Urgency = letter.Urgency,
            Attachments = letter.Attachments,
            BodyHtml = letter.BodyHtml,
            SignerPositionId = letter.SignerPositionId,
            ChainChosenByHand = true,
        };
        foreach (var a in letter.Addressees)
        {
            if (a.Kind == AddresseeKind.Internal && a.PositionId is { } position)
            {
                model.InternalAddressees.Add((position, a.Name));
            }
            else
            {
                model.ExternalAddressees.Add((a.Name, a.Address ?? string.Empty, a.Email));
            }
        }

        foreach (var c in letter.CarbonCopies)
        {
            if (c.PositionId is { } position)
            {
                model.CopyPositions.Add((position, c.Text));
            }
            else
            {
                model.CarbonCopies.Add(c.Text);
            }
        }

        model.Reviewers.AddRange(letter.Reviewers);
        model.SavedFiles.AddRange(files.Where(f => f.Kind == OutgoingFileKind.Attachment));
        return model;
    }

    /// <summary>After a save: the new files are saved ones now, the removed ones are gone.</summary>
    public void Saved(IEnumerable<OutgoingFileInfo> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        SavedFiles.Clear();
        SavedFiles.AddRange(files.Where(f => f.Kind == OutgoingFileKind.Attachment));
        RemovedFileIds.Clear();
        NewFiles.Clear();
    }
}
