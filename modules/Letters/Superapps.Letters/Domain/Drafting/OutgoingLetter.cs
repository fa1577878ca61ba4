using Superapps.Letters.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Domain.Drafting;

/// <summary>The life of an outgoing letter (ADR 0006).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Signed is the letter's state, not a numeric type.")]
public enum OutgoingLetterState
{
    /// <summary>Konsep: the drafter writes it.</summary>
    Draft = 0,

    /// <summary>At reviewer <see cref="OutgoingLetter.ReviewIndex"/> (verifikator), who approves (paraf) or returns it.</summary>
    InReview = 1,

    /// <summary>At the signer, with a reserved number.</summary>
    AwaitingSignature = 2,

    /// <summary>Returned to the drafter with notes.</summary>
    Returned = 3,

    /// <summary>Signed, numbered; not yet delivered to every addressee ("ditandatangani, belum terkirim").</summary>
    Signed = 4,

    /// <summary>Delivered to every internal addressee and copy; the signed PDF is ready for the external ones.</summary>
    Sent = 5,

    /// <summary>Given up by the drafter.</summary>
    Abandoned = 6,
}

/// <summary>
/// An outgoing letter (naskah dinas keluar) from drafting to sending: the drafter writes it, the reviewers (verifikator) approve
/// it in order with their paraf or return it, the signer signs or returns it, and a signed letter is sent. Each transition is
/// one method that checks the state and who acts, and throws a bilingual <see cref="DomainRuleException"/> otherwise, changing
/// nothing. Positions on the chain are checked at decision time: whoever holds the position then (definitively, as Plt or as
/// Plh) may act, and the history records in which capacity.
/// </summary>
public sealed class OutgoingLetter
{
    private readonly List<OutgoingLetterStep> _steps = [];
    private readonly List<OutgoingLetterVersion> _versions = [];

    private OutgoingLetter()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The drafting OPD: its letterhead, its numbering.</summary>
    public Guid AgencyId { get; private set; }

    public string AgencyName { get; private set; } = string.Empty;

    public LetterKind Kind { get; private set; }

    /// <summary>Hal.</summary>
    public string Subject { get; private set; } = string.Empty;

    public string ClassificationCode { get; private set; } = string.Empty;

    public SecurityClass SecurityClass { get; private set; }

    public Urgency Urgency { get; private set; }

    /// <summary>Lampiran as printed, e.g. "1 (satu) berkas", or "-".</summary>
    public string Attachments { get; private set; } = "-";

    public string BodyHtml { get; private set; } = string.Empty;

    public string BodyText { get; private set; } = string.Empty;

    public IReadOnlyList<Addressee> Addressees { get; private set; } = [];

    public IReadOnlyList<CarbonCopy> CarbonCopies { get; private set; } = [];

    /// <summary>Verifikator positions, in order.</summary>
    public IReadOnlyList<ChainPosition> Reviewers { get; private set; } = [];

    public Guid? SignerPositionId { get; private set; }

    public string? SignerTitle { get; private set; }

    public Guid DrafterEmployeeId { get; private set; }

    public string DrafterName { get; private set; } = string.Empty;

    public Guid DrafterPositionId { get; private set; }

    public string DrafterTitle { get; private set; } = string.Empty;

    public OutgoingLetterState State { get; private set; }

    /// <summary>While in review, the index of the reviewer it waits for.</summary>
    public int ReviewIndex { get; private set; }

    /// <summary>The position it waits for: the current reviewer, or the signer. Null otherwise. Indexed for the counters.</summary>
    public Guid? CurrentPositionId { get; private set; }

    /// <summary>How many versions were submitted.</summary>
    public int VersionNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The reserved number while at the signer, fixed once signed.</summary>
    public string? Number { get; private set; }

    public int? NumberYear { get; private set; }

    public int? NumberSequence { get; private set; }

    /// <summary>The letter's date: the signing day in WIB.</summary>
    public DateOnly? LetterDate { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public Guid? SignedByEmployeeId { get; private set; }

    public string? SignedByName { get; private set; }

    /// <summary>As printed in the signature block: "Plt. Kepala Dinas …" when an acting holder signed.</summary>
    public string? SignedByTitle { get; private set; }

    public string? VerificationCode { get; private set; }

    public string? SignedSha256 { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Why the last sending failed, while it is signed but not sent.</summary>
    public string? SendError { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<OutgoingLetterStep> Steps => _steps;

    public IReadOnlyList<OutgoingLetterVersion> Versions => _versions;

    public bool IsEditable => State is OutgoingLetterState.Draft or OutgoingLetterState.Returned;

    /// <summary>Every position on the review chain, signer last.</summary>
    public IEnumerable<Guid> ChainPositionIds => Reviewers.Select(r => r.PositionId).Concat(SignerPositionId is { } s ? [s] : []);

    /// <summary>Only the drafter and the people holding a chain position (Plt/Plh included) see a draft.</summary>
    public bool IsVisibleTo(Guid employeeId, IReadOnlySet<Guid> positionIds) =>
        employeeId == DrafterEmployeeId || ChainPositionIds.Any(positionIds.Contains);

    public static OutgoingLetter Create(Guid id, Guid agencyId, string agencyName, LetterKind kind, DraftingActor drafter, DraftContent content, DateTimeOffset now)
    {
        content = Check(content.Normalized(), submitting: false);
        var letter = new OutgoingLetter
        {
            Id = id,
            AgencyId = agencyId,
            AgencyName = agencyName,
            Kind = kind,
            DrafterEmployeeId = drafter.EmployeeId,
            DrafterName = drafter.Name,
            DrafterPositionId = drafter.PositionId,
            DrafterTitle = drafter.Title,
            State = OutgoingLetterState.Draft,
            CreatedAt = now,
        };
        letter.Apply(content, now);
        letter._steps.Add(new OutgoingLetterStep(id, DraftStepAction.Created, drafter, 0, null, now));
        return letter;
    }

    /// <summary>The drafter changes the content while it is a draft or returned.</summary>
    public void Edit(DraftingActor actor, DraftContent content, DateTimeOffset now)
    {
        RequireDrafter(actor, OutgoingLetterState.Draft, OutgoingLetterState.Returned);
        Apply(Check(content.Normalized(), submitting: false), now);
    }

    /// <summary>The drafter submits a new version: to the first reviewer, or straight to the signer without reviewers.</summary>
    /// <returns>True when it went to the signer (a number must be reserved).</returns>
    public bool Submit(DraftingActor actor, DateTimeOffset now)
    {
        RequireDrafter(actor, OutgoingLetterState.Draft, OutgoingLetterState.Returned);
        Check(Content, submitting: true);
        VersionNumber++;
        _versions.Add(new OutgoingLetterVersion(Id, VersionNumber, Content, actor.Name, now));
        _steps.Add(new OutgoingLetterStep(Id, DraftStepAction.Submitted, actor, VersionNumber, null, now));
        return MoveTo(0, now);
    }

    /// <summary>The current reviewer approves: their paraf is recorded and it moves to the next reviewer or to the signer.</summary>
    /// <returns>True when it went to the signer (a number must be reserved).</returns>
    public bool Approve(DraftingActor actor, string? notes, DateTimeOffset now)
    {
        RequireState(OutgoingLetterState.InReview);
        if (actor.PositionId != CurrentPositionId)
        {
            throw new DomainRuleException(DraftingErrors.NotReviewer);
        }

        notes = CheckNotes(notes, required: false);
        _steps.Add(new OutgoingLetterStep(Id, DraftStepAction.Approved, actor, VersionNumber, notes, now));
        return MoveTo(ReviewIndex + 1, now);
    }

    /// <summary>The current reviewer, or the signer, returns it to the drafter with notes. A reserved number is given up (the caller voids it).</summary>
    public void Return(DraftingActor actor, string? notes, DateTimeOffset now)
    {
        RequireState(OutgoingLetterState.InReview, OutgoingLetterState.AwaitingSignature);
        if (actor.PositionId != CurrentPositionId)
        {
            throw new DomainRuleException(State == OutgoingLetterState.InReview ? DraftingErrors.NotReviewer : DraftingErrors.NotSigner);
        }

        notes = CheckNotes(notes, required: true);
        _steps.Add(new OutgoingLetterStep(Id, DraftStepAction.Returned, actor, VersionNumber, notes, now));
        State = OutgoingLetterState.Returned;
        CurrentPositionId = null;
        ReviewIndex = 0;
        Number = null;
        NumberYear = null;
        NumberSequence = null;
        UpdatedAt = now;
    }

    /// <summary>Checks that <paramref name="actor"/> may sign now, before anything is rendered or sent to the signing provider.</summary>
    public void EnsureCanSign(DraftingActor actor)
    {
        RequireState(OutgoingLetterState.AwaitingSignature);
        if (actor.PositionId != SignerPositionId)
        {
            throw new DomainRuleException(DraftingErrors.NotSigner);
        }

        if (Number is null)
        {
            throw new DomainRuleException(DraftingErrors.WrongState);
        }
    }

    /// <summary>Records the number reserved for it when it reached the signer.</summary>
    public void ReserveNumber(string number, int year, int sequence)
    {
        RequireState(OutgoingLetterState.AwaitingSignature);
        if (Number is not null)
        {
            throw new DomainRuleException(DraftingErrors.WrongState);
        }

        Number = number;
        NumberYear = year;
        NumberSequence = sequence;
    }

    /// <summary>The signer signed: the number is fixed, the signature recorded.</summary>
    public void Sign(DraftingActor actor, DateOnly letterDate, string verificationCode, string sha256, DateTimeOffset now)
    {
        EnsureCanSign(actor);
        _steps.Add(new OutgoingLetterStep(Id, DraftStepAction.Signed, actor, VersionNumber, null, now));
        State = OutgoingLetterState.Signed;
        CurrentPositionId = null;
        LetterDate = letterDate;
        SignedAt = now;
        SignedByEmployeeId = actor.EmployeeId;
        SignedByName = actor.Name;
        SignedByTitle = actor.Title;
        VerificationCode = verificationCode;
        SignedSha256 = sha256;
        UpdatedAt = now;
    }

    /// <summary>Checks that <paramref name="actor"/> may send it: the drafter, the signer, or a registry clerk of the drafting OPD.</summary>
    public void EnsureCanSend(DraftingActor actor, bool keepsAgendaOfAgency)
    {
        RequireState(OutgoingLetterState.Signed);
        if (actor.EmployeeId != DrafterEmployeeId && actor.PositionId != SignerPositionId && !keepsAgendaOfAgency)
        {
            throw new DomainRuleException(DraftingErrors.NotSender);
        }
    }

    /// <summary>Every internal addressee and copy has it: the letter is sent.</summary>
    public void MarkSent(DraftingActor actor, bool keepsAgendaOfAgency, DateTimeOffset now)
    {
        EnsureCanSend(actor, keepsAgendaOfAgency);
        _steps.Add(new OutgoingLetterStep(Id, DraftStepAction.Sent, actor, VersionNumber, null, now));
        State = OutgoingLetterState.Sent;
        SentAt = now;
        SendError = null;
        UpdatedAt = now;
    }

    /// <summary>Sending failed: it stays signed, with the reason, until someone sends it again.</summary>
    public void RecordSendFailure(string reason, DateTimeOffset now)
    {
        RequireState(OutgoingLetterState.Signed);
        SendError = reason.Length > 1000 ? reason[..1000] : reason;
        UpdatedAt = now;
    }

    /// <summary>The drafter gives it up while it is a draft or returned.</summary>
    public void Abandon(DraftingActor actor, DateTimeOffset now)
    {
        RequireDrafter(actor, OutgoingLetterState.Draft, OutgoingLetterState.Returned);
        _steps.Add(new OutgoingLetterStep(Id, DraftStepAction.Abandoned, actor, VersionNumber, null, now));
        State = OutgoingLetterState.Abandoned;
        UpdatedAt = now;
    }

    /// <summary>The content as it stands.</summary>
    public DraftContent Content => new(Subject, ClassificationCode, SecurityClass, Urgency, Attachments, BodyHtml, BodyText, Addressees, CarbonCopies, Reviewers,
        SignerPositionId is { } s ? new ChainPosition(s, SignerTitle ?? string.Empty) : null);

    private bool MoveTo(int reviewIndex, DateTimeOffset now)
    {
        UpdatedAt = now;
        if (reviewIndex < Reviewers.Count)
        {
            State = OutgoingLetterState.InReview;
            ReviewIndex = reviewIndex;
            CurrentPositionId = Reviewers[reviewIndex].PositionId;
            return false;
        }

        State = OutgoingLetterState.AwaitingSignature;
        ReviewIndex = Reviewers.Count;
        CurrentPositionId = SignerPositionId;
        return true;
    }

    private void Apply(DraftContent content, DateTimeOffset now)
    {
        Subject = content.Subject;
        ClassificationCode = content.ClassificationCode;
        SecurityClass = content.SecurityClass;
        Urgency = content.Urgency;
        Attachments = content.Attachments;
        BodyHtml = content.BodyHtml;
        BodyText = content.BodyText;
        Addressees = [.. content.Addressees];
        CarbonCopies = [.. content.CarbonCopies];
        Reviewers = [.. content.Reviewers];
        SignerPositionId = content.Signer?.PositionId;
        SignerTitle = content.Signer?.Title;
        UpdatedAt = now;
    }

    private static DraftContent Check(DraftContent content, bool submitting)
    {
        var errors = (submitting ? content.SubmitErrors() : content.ShapeErrors()).Distinct().ToList();
        return errors.Count > 0 ? throw new DomainRuleException(errors) : content;
    }

    private static string? CheckNotes(string? notes, bool required)
    {
        notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (required && notes is null)
        {
            throw new DomainRuleException(DraftingErrors.NotesRequired);
        }

        return notes is { Length: > 4000 } ? throw new DomainRuleException(DraftingErrors.NotesTooLong) : notes;
    }

    private void RequireDrafter(DraftingActor actor, params OutgoingLetterState[] states)
    {
        RequireState(states);
        if (actor.EmployeeId != DrafterEmployeeId)
        {
            throw new DomainRuleException(DraftingErrors.NotDrafter);
        }
    }

    private void RequireState(params OutgoingLetterState[] states)
    {
        if (!states.Contains(State))
        {
            throw new DomainRuleException(DraftingErrors.WrongState);
        }
    }
}
