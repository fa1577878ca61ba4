using System.Net.Mail;
using Superapps.Letters.Contracts;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Domain.Drafting;

public enum AddresseeKind
{
    /// <summary>A position of the city (or an OPD, resolved to its head's position): delivered to its inbox as an incoming letter.</summary>
    Internal = 0,

    /// <summary>Someone outside the city's portal: a name and address; the signed PDF is downloaded or e-mailed.</summary>
    External = 1,
}

/// <summary>One "Yth." line of an outgoing letter.</summary>
/// <param name="PositionId">For internal addressees, the position that receives the letter.</param>
/// <param name="Name">The position's title (internal) or the addressee's name (external), as printed.</param>
/// <param name="AgencyId">For internal addressees, the position's OPD.</param>
public sealed record Addressee(AddresseeKind Kind, Guid? PositionId, Guid? AgencyId, string Name, string? Address, string? Email)
{
    public static Addressee Internal(Guid positionId, Guid agencyId, string title) => new(AddresseeKind.Internal, positionId, agencyId, title, null, null);

    public static Addressee External(string name, string address, string? email) =>
        new(AddresseeKind.External, null, null, (name ?? string.Empty).Trim(), (address ?? string.Empty).Trim(), string.IsNullOrWhiteSpace(email) ? null : email.Trim());
}

/// <summary>One tembusan line: an internal position (which receives a copy in its inbox) or free text (printed only).</summary>
public sealed record CarbonCopy(Guid? PositionId, string Text);

/// <summary>A position on the review chain, with its title when it was chosen.</summary>
public sealed record ChainPosition(Guid PositionId, string Title);

/// <summary>Someone acting on a draft, in one position they hold today.</summary>
/// <param name="Title">The title as it is shown and printed: "Plt. Kepala Dinas …" for an acting holder.</param>
public sealed record DraftingActor(Guid EmployeeId, string Name, Guid PositionId, string Title, HoldingKind Holding);

/// <summary>What the drafter writes and chooses. <see cref="BodyHtml"/> is already sanitised; <see cref="BodyText"/> is its plain text.</summary>
public sealed record DraftContent(
    string Subject,
    string ClassificationCode,
    SecurityClass SecurityClass,
    Urgency Urgency,
    string Attachments,
    string BodyHtml,
    string BodyText,
    IReadOnlyList<Addressee> Addressees,
    IReadOnlyList<CarbonCopy> CarbonCopies,
    IReadOnlyList<ChainPosition> Reviewers,
    ChainPosition? Signer)
{
    public const int MaxSubjectLength = 500;
    public const int MaxBodyLength = 200_000;
    public const int MaxReviewers = 10;

    /// <summary>Trimmed copy of the content.</summary>
    public DraftContent Normalized() => this with
    {
        Subject = (Subject ?? string.Empty).Trim(),
        ClassificationCode = (ClassificationCode ?? string.Empty).Trim(),
        Attachments = string.IsNullOrWhiteSpace(Attachments) ? "-" : Attachments.Trim(),
        BodyHtml = BodyHtml ?? string.Empty,
        BodyText = BodyText ?? string.Empty,
        Addressees = Addressees ?? [],
        CarbonCopies = [.. (CarbonCopies ?? []).Select(c => c with { Text = (c.Text ?? string.Empty).Trim() })],
        Reviewers = Reviewers ?? [],
    };

    /// <summary>Errors that even a saved draft must not have (lengths, malformed lines).</summary>
    public IEnumerable<UserError> ShapeErrors()
    {
        if (Subject.Length > MaxSubjectLength)
        {
            yield return DraftingErrors.Subject;
        }

        if (Attachments.Length > 100)
        {
            yield return DraftingErrors.Attachments;
        }

        if (BodyHtml.Length > MaxBodyLength)
        {
            yield return DraftingErrors.Body;
        }

        if (Addressees.Any(a => a.Kind == AddresseeKind.External && !ValidExternal(a)))
        {
            yield return DraftingErrors.ExternalAddressee;
        }

        if (Addressees.Any(a => a.Kind == AddresseeKind.Internal && a.PositionId is null))
        {
            yield return DraftingErrors.InternalAddressee;
        }

        if (CarbonCopies.Any(c => c.Text.Length is 0 or > 250))
        {
            yield return DraftingErrors.CarbonCopy;
        }

        if (Reviewers.Count > MaxReviewers)
        {
            yield return DraftingErrors.TooManyReviewers;
        }

        var chain = Reviewers.Select(r => r.PositionId).Concat(Signer is null ? [] : [Signer.PositionId]).ToList();
        if (chain.Distinct().Count() != chain.Count)
        {
            yield return DraftingErrors.ChainRepeats;
        }
    }

    /// <summary>Errors that stop a draft from going to review: everything a letter needs.</summary>
    public IEnumerable<UserError> SubmitErrors()
    {
        if (Subject.Length == 0)
        {
            yield return DraftingErrors.Subject;
        }

        if (ClassificationCode.Length == 0)
        {
            yield return DraftingErrors.Classification;
        }

        if (BodyText.Trim().Length == 0)
        {
            yield return DraftingErrors.Body;
        }

        if (Addressees.Count == 0)
        {
            yield return DraftingErrors.NoAddressee;
        }

        if (Signer is null)
        {
            yield return DraftingErrors.NoSigner;
        }

        foreach (var error in ShapeErrors())
        {
            yield return error;
        }
    }

    private static bool ValidExternal(Addressee a) =>
        a.Name.Length is > 0 and <= 250 && a.Address is { Length: > 0 and <= 500 }
        && (a.Email is null || (a.Email.Length <= 254 && MailAddress.TryCreate(a.Email, out var parsed) && parsed.Address == a.Email));
}
