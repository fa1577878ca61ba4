using Superapps.Letters.Contracts;
using Superapps.Letters.Domain.Drafting;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Tests.Drafting;

/// <summary>The review chain as a state machine (ADR 0006): every state by every action by every kind of actor.</summary>
public sealed class ReviewChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid KasiPosition = Guid.NewGuid();
    private static readonly Guid KabidPosition = Guid.NewGuid();
    private static readonly Guid KepalaPosition = Guid.NewGuid();

    public enum Who
    {
        Drafter,
        FirstReviewer,
        SecondReviewer,
        Signer,
        PltOfSigner,
        Outsider,
    }

    public enum Act
    {
        Edit,
        Submit,
        Approve,
        Return,
        Sign,
        Send,
        Abandon,
    }

    private static readonly Dictionary<Who, DraftingActor> Actors = new()
    {
        [Who.Drafter] = new(Guid.NewGuid(), "Rina (staf)", Guid.NewGuid(), "Pranata Komputer", HoldingKind.Definitive),
        [Who.FirstReviewer] = new(Guid.NewGuid(), "Budi", KasiPosition, "Kepala Seksi Aplikasi", HoldingKind.Definitive),
        [Who.SecondReviewer] = new(Guid.NewGuid(), "Daniel", KabidPosition, "Kepala Bidang Aplikasi dan Informatika", HoldingKind.Definitive),
        [Who.Signer] = new(Guid.NewGuid(), "Dra. Yusmaini", KepalaPosition, "Kepala Dinas Komunikasi dan Informatika", HoldingKind.Definitive),
        [Who.PltOfSigner] = new(Guid.NewGuid(), "Ahmad", KepalaPosition, "Plt. Kepala Dinas Komunikasi dan Informatika", HoldingKind.Plt),
        [Who.Outsider] = new(Guid.NewGuid(), "Sari", Guid.NewGuid(), "Kepala Bidang Lain", HoldingKind.Definitive),
    };

    internal static DraftContent Content(int reviewers = 2, string body = "Mohon dukungan penyediaan jaringan.") => new(
        "Permohonan dukungan jaringan", "000.1.5", SecurityClass.Biasa, Urgency.Segera, "1 (satu) berkas", $"<p>{body}</p>", body,
        [Addressee.Internal(Guid.NewGuid(), Guid.NewGuid(), "Kepala Badan Perencanaan Pembangunan Daerah")],
        [new CarbonCopy(null, "Walikota (sebagai laporan)")],
        [.. new[] { new ChainPosition(KasiPosition, "Kepala Seksi Aplikasi"), new ChainPosition(KabidPosition, "Kepala Bidang Aplikasi") }.Take(reviewers)],
        new ChainPosition(KepalaPosition, "Kepala Dinas Komunikasi dan Informatika"));

    private static OutgoingLetter New(DraftContent? content = null) =>
        OutgoingLetter.Create(Guid.NewGuid(), Guid.NewGuid(), "Dinas Komunikasi dan Informatika", LetterKind.NotaDinas, Actors[Who.Drafter], content ?? Content(), Now);

    /// <summary>A letter in <paramref name="state"/>, reached through the transitions themselves; in review it waits for the first reviewer.</summary>
    private static OutgoingLetter InState(OutgoingLetterState state)
    {
        var letter = New();
        if (state == OutgoingLetterState.Draft)
        {
            return letter;
        }

        if (state == OutgoingLetterState.Abandoned)
        {
            letter.Abandon(Actors[Who.Drafter], Now);
            return letter;
        }

        letter.Submit(Actors[Who.Drafter], Now);
        if (state == OutgoingLetterState.InReview)
        {
            return letter;
        }

        if (state == OutgoingLetterState.Returned)
        {
            letter.Return(Actors[Who.FirstReviewer], "Perbaiki dasar hukum", Now);
            return letter;
        }

        letter.Approve(Actors[Who.FirstReviewer], null, Now);
        letter.Approve(Actors[Who.SecondReviewer], null, Now).ShouldBeTrue();
        letter.ReserveNumber("000.1.5/1/DKI/2026", 2026, 1);
        if (state == OutgoingLetterState.AwaitingSignature)
        {
            return letter;
        }

        letter.Sign(Actors[Who.Signer], new DateOnly(2026, 11, 23), "code", "sha", Now);
        if (state == OutgoingLetterState.Signed)
        {
            return letter;
        }

        letter.MarkSent(Actors[Who.Drafter], keepsAgendaOfAgency: false, Now);
        return letter;
    }

    /// <summary>The allowed moves and where they lead; everything else is refused.</summary>
    private static OutgoingLetterState? Expected(OutgoingLetterState state, Act act, Who who) => (state, act, who) switch
    {
        (OutgoingLetterState.Draft or OutgoingLetterState.Returned, Act.Edit, Who.Drafter) => state,
        (OutgoingLetterState.Draft or OutgoingLetterState.Returned, Act.Submit, Who.Drafter) => OutgoingLetterState.InReview,
        (OutgoingLetterState.Draft or OutgoingLetterState.Returned, Act.Abandon, Who.Drafter) => OutgoingLetterState.Abandoned,
        (OutgoingLetterState.InReview, Act.Approve, Who.FirstReviewer) => OutgoingLetterState.InReview,
        (OutgoingLetterState.InReview, Act.Return, Who.FirstReviewer) => OutgoingLetterState.Returned,
        (OutgoingLetterState.AwaitingSignature, Act.Return, Who.Signer or Who.PltOfSigner) => OutgoingLetterState.Returned,
        (OutgoingLetterState.AwaitingSignature, Act.Sign, Who.Signer or Who.PltOfSigner) => OutgoingLetterState.Signed,
        (OutgoingLetterState.Signed, Act.Send, Who.Drafter or Who.Signer or Who.PltOfSigner) => OutgoingLetterState.Sent,
        _ => null,
    };

    private static void Do(OutgoingLetter letter, Act act, DraftingActor actor)
    {
        switch (act)
        {
            case Act.Edit:
                letter.Edit(actor, Content() with { Subject = "Hal yang diubah" }, Now);
                break;
            case Act.Submit:
                letter.Submit(actor, Now);
                break;
            case Act.Approve:
                letter.Approve(actor, "ok", Now);
                break;
            case Act.Return:
                letter.Return(actor, "Perbaiki", Now);
                break;
            case Act.Sign:
                letter.Sign(actor, new DateOnly(2026, 11, 24), "code-2", "sha-2", Now);
                break;
            case Act.Send:
                letter.MarkSent(actor, keepsAgendaOfAgency: false, Now);
                break;
            default:
                letter.Abandon(actor, Now);
                break;
        }
    }

    public static TheoryData<OutgoingLetterState, Act, Who> Table()
    {
        var data = new TheoryData<OutgoingLetterState, Act, Who>();
        foreach (var state in Enum.GetValues<OutgoingLetterState>())
        {
            foreach (var act in Enum.GetValues<Act>())
            {
                foreach (var who in Enum.GetValues<Who>())
                {
                    data.Add(state, act, who);
                }
            }
        }

        return data;
    }

    private static object Snapshot(OutgoingLetter l) =>
        (l.State, l.ReviewIndex, l.CurrentPositionId, l.Number, l.Subject, l.Steps.Count, l.Versions.Count, l.SignedByTitle, l.SentAt, l.VersionNumber);

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_state_action_and_actor_moves_as_the_table_says_or_is_refused_changing_nothing(OutgoingLetterState state, Act act, Who who)
    {
        var letter = InState(state);
        letter.State.ShouldBe(state);
        var before = Snapshot(letter);
        var expected = Expected(state, act, who);

        if (expected is { } next)
        {
            Do(letter, act, Actors[who]);
            letter.State.ShouldBe(next);
            if (act != Act.Edit)
            {
                letter.Steps[^1].EmployeeId.ShouldBe(Actors[who].EmployeeId);
                letter.Steps[^1].Title.ShouldBe(Actors[who].Title);
            }
        }
        else
        {
            var error = Should.Throw<DomainRuleException>(() => Do(letter, act, Actors[who]));
            error.Error.Code.ShouldStartWith("letters.draft.");
            Snapshot(letter).ShouldBe(before);
        }
    }

    [Fact]
    public void Approvals_go_down_the_chain_in_order_and_the_last_one_sends_it_to_the_signer()
    {
        var letter = New();
        letter.Submit(Actors[Who.Drafter], Now).ShouldBeFalse();
        letter.CurrentPositionId.ShouldBe(KasiPosition);

        Should.Throw<DomainRuleException>(() => letter.Approve(Actors[Who.SecondReviewer], null, Now)).Error.ShouldBe(DraftingErrors.NotReviewer);
        letter.Approve(Actors[Who.FirstReviewer], "Sudah sesuai", Now).ShouldBeFalse();
        letter.CurrentPositionId.ShouldBe(KabidPosition);
        letter.Approve(Actors[Who.SecondReviewer], null, Now).ShouldBeTrue();

        letter.State.ShouldBe(OutgoingLetterState.AwaitingSignature);
        letter.CurrentPositionId.ShouldBe(KepalaPosition);
        letter.Steps.Where(s => s.Action == DraftStepAction.Approved).Select(s => (s.Name, s.Title, s.Notes))
            .ShouldBe([("Budi", "Kepala Seksi Aplikasi", "Sudah sesuai"), ("Daniel", "Kepala Bidang Aplikasi dan Informatika", null)]);
    }

    [Fact]
    public void Without_reviewers_a_submitted_draft_goes_straight_to_the_signer()
    {
        var letter = New(Content(reviewers: 0));

        letter.Submit(Actors[Who.Drafter], Now).ShouldBeTrue();

        letter.State.ShouldBe(OutgoingLetterState.AwaitingSignature);
        letter.CurrentPositionId.ShouldBe(KepalaPosition);
    }

    [Fact]
    public void Returning_needs_notes_and_a_resubmission_starts_at_the_first_reviewer_with_a_new_version()
    {
        var letter = InState(OutgoingLetterState.AwaitingSignature);

        Should.Throw<DomainRuleException>(() => letter.Return(Actors[Who.Signer], "  ", Now)).Error.ShouldBe(DraftingErrors.NotesRequired);
        letter.State.ShouldBe(OutgoingLetterState.AwaitingSignature);
        letter.Return(Actors[Who.Signer], "Tambahkan lampiran", Now);
        letter.Number.ShouldBeNull();

        letter.Edit(Actors[Who.Drafter], Content(body: "Mohon dukungan penyediaan jaringan internet."), Now);
        letter.Submit(Actors[Who.Drafter], Now);

        letter.State.ShouldBe(OutgoingLetterState.InReview);
        letter.CurrentPositionId.ShouldBe(KasiPosition);
        letter.Versions.Select(v => v.Number).ShouldBe([1, 2]);
        letter.Versions[1].BodyText.ShouldContain("internet");
        letter.Versions[0].BodyText.ShouldNotContain("internet");
    }

    [Fact]
    public void A_Plt_signs_with_the_Plt_title_and_an_incomplete_draft_cannot_be_submitted()
    {
        var letter = InState(OutgoingLetterState.AwaitingSignature);
        letter.Sign(Actors[Who.PltOfSigner], new DateOnly(2026, 11, 23), "code", "sha", Now);
        letter.SignedByTitle.ShouldBe("Plt. Kepala Dinas Komunikasi dan Informatika");
        letter.Steps[^1].Holding.ShouldBe(HoldingKind.Plt);

        var draft = New(Content() with { Subject = " ", Addressees = [], Signer = null, BodyText = "" });
        var error = Should.Throw<DomainRuleException>(() => draft.Submit(Actors[Who.Drafter], Now));
        error.Errors.ShouldBe([DraftingErrors.Subject, DraftingErrors.Body, DraftingErrors.NoAddressee, DraftingErrors.NoSigner], ignoreOrder: true);
        draft.State.ShouldBe(OutgoingLetterState.Draft);
        draft.Versions.ShouldBeEmpty();
    }

    [Fact]
    public void A_position_twice_on_the_chain_and_a_bad_external_address_are_refused()
    {
        var content = Content() with
        {
            Reviewers = [new ChainPosition(KepalaPosition, "Kepala")],
            Addressees = [Addressee.External("PT Telkom", "", "bukan-surel")],
        };

        var error = Should.Throw<DomainRuleException>(() => New(content));

        error.Errors.ShouldBe([DraftingErrors.ExternalAddressee, DraftingErrors.ChainRepeats], ignoreOrder: true);
    }
}
