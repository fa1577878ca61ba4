using Superapps.Letters.Contracts;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Drafting;

namespace Superapps.Letters.Pages.Drafting.Components;

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

    public List<string> CarbonCopies { get; } = [];

    public List<Guid> ReviewerPositionIds { get; set; } = [];

    public Guid? SignerPositionId { get; set; }

    public DraftInput ToInput() => new(Kind, DrafterPositionId, Subject, ClassificationCode, SecurityClass, Urgency, Attachments, BodyHtml,
        [.. InternalAddressees.Select(a => AddresseeInput.ToPosition(a.PositionId)), .. ExternalAddressees.Select(a => AddresseeInput.External(a.Name, a.Address, a.Email))],
        [.. CarbonCopies.Select(c => new CarbonCopyInput(null, c))], ReviewerPositionIds, SignerPositionId);
}
