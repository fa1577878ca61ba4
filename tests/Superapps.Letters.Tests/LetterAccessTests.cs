using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;

namespace Superapps.Letters.Tests;

/// <summary>The access matrix: each kind of viewer by each security class.</summary>
public sealed class LetterAccessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Opd = Guid.NewGuid();
    private static readonly Guid OtherOpd = Guid.NewGuid();
    private static readonly Guid Kepala = Guid.NewGuid();
    private static readonly Guid Kabid = Guid.NewGuid();
    private static readonly Guid Staf = Guid.NewGuid();
    private static readonly Guid OtherKabid = Guid.NewGuid();

    public enum Who
    {
        Addressee,
        DispositionRecipient,
        DispositionRecipientActingAsPlh,
        SameOpdColleagueNotOnChain,
        SameOpdRegistryClerk,
        OtherOpdRegistryClerk,
        OtherOpdOfficial,
    }

    private static Viewer ViewerFor(Who who) => who switch
    {
        Who.Addressee => new Viewer(Guid.NewGuid(), "Kepala", Opd, new HashSet<Guid> { Kepala }, false),
        Who.DispositionRecipient => new Viewer(Guid.NewGuid(), "Kabid", Opd, new HashSet<Guid> { Kabid }, false),
        Who.DispositionRecipientActingAsPlh => new Viewer(Guid.NewGuid(), "Plh Kabid", Opd, new HashSet<Guid> { OtherKabid, Kabid }, false),
        Who.SameOpdColleagueNotOnChain => new Viewer(Guid.NewGuid(), "Staf", Opd, new HashSet<Guid> { Staf }, false),
        Who.SameOpdRegistryClerk => new Viewer(Guid.NewGuid(), "Pencatat", Opd, new HashSet<Guid> { Guid.NewGuid() }, true),
        Who.OtherOpdRegistryClerk => new Viewer(Guid.NewGuid(), "Pencatat lain", OtherOpd, new HashSet<Guid> { Guid.NewGuid() }, true),
        _ => new Viewer(Guid.NewGuid(), "Kepala lain", OtherOpd, new HashSet<Guid> { Guid.NewGuid() }, false),
    };

    public static TheoryData<Who, SecurityClass, AccessLevel> Matrix()
    {
        var data = new TheoryData<Who, SecurityClass, AccessLevel>();
        foreach (var securityClass in Enum.GetValues<SecurityClass>())
        {
            var restricted = securityClass != SecurityClass.Biasa;
            data.Add(Who.Addressee, securityClass, AccessLevel.Full);
            data.Add(Who.DispositionRecipient, securityClass, AccessLevel.Full);
            data.Add(Who.DispositionRecipientActingAsPlh, securityClass, AccessLevel.Full);
            data.Add(Who.SameOpdColleagueNotOnChain, securityClass, AccessLevel.None);
            data.Add(Who.SameOpdRegistryClerk, securityClass, restricted ? AccessLevel.AgendaOnly : AccessLevel.Full);
            data.Add(Who.OtherOpdRegistryClerk, securityClass, AccessLevel.None);
            data.Add(Who.OtherOpdOfficial, securityClass, AccessLevel.None);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Access_follows_the_chain_the_opd_and_the_security_class(Who who, SecurityClass securityClass, AccessLevel expected)
    {
        var letter = Letter.Register(Guid.NewGuid(), Opd, LetterOrigin.Paper, "Bappeda", null, "005/1", new DateOnly(2026, 11, 20), "Perihal",
            securityClass, Urgency.Biasa, "000.1.5", Kepala, "Kepala Dinas", Guid.NewGuid(), "Pencatat", Now);
        var recipients = new[] { new LetterRecipient(Guid.NewGuid(), letter.Id, Kepala, "Kepala Dinas", RecipientKind.To) };
        var tree = new DispositionTree([Disposition.Give(Guid.NewGuid(), letter.Id, null, new Actor(Guid.NewGuid(), "Kepala", Kepala, "Kepala Dinas"),
            Kabid, "Kabid", null, null, ["Tindak lanjuti"], null, null, Now)]);

        LetterAccess.For(ViewerFor(who), letter, recipients, tree).ShouldBe(expected);
    }

    [Fact]
    public void A_cancelled_disposition_no_longer_opens_the_letter_to_its_recipient()
    {
        var letter = Letter.Register(Guid.NewGuid(), Opd, LetterOrigin.Paper, "Bappeda", null, "005/1", new DateOnly(2026, 11, 20), "Perihal",
            SecurityClass.Rahasia, Urgency.Biasa, "000.1.5", Kepala, "Kepala Dinas", Guid.NewGuid(), "Pencatat", Now);
        var disposition = Disposition.Give(Guid.NewGuid(), letter.Id, null, new Actor(Guid.NewGuid(), "Kepala", Kepala, "Kepala Dinas"),
            Kabid, "Kabid", null, null, ["Tindak lanjuti"], null, null, Now);
        disposition.Cancel(Kepala, Now);

        LetterAccess.For(ViewerFor(Who.DispositionRecipient), letter, [], new DispositionTree([disposition])).ShouldBe(AccessLevel.None);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void An_imported_letter_is_read_by_exactly_those_who_would_read_a_native_one(Who who, SecurityClass securityClass, AccessLevel expected)
    {
        var letter = Imported(securityClass);

        // The positions of the people on its legacy dispositions stand for the chain; it has no recipients or tree of its own.
        LetterAccess.For(ViewerFor(who), letter, [], new DispositionTree([]), [Kepala, Kabid]).ShouldBe(expected);
    }

    [Fact]
    public void An_imported_letter_is_closed_from_the_start_in_the_agenda_of_the_year_it_was_received_in_WIB()
    {
        // 31 December 2023, 18.00 UTC is 1 January 2024, 01.00 WIB.
        var received = new DateTimeOffset(2023, 12, 31, 18, 0, 0, TimeSpan.Zero);

        var letter = Letter.Import(Guid.NewGuid(), Opd, "Bappeda", "005/1", new DateOnly(2023, 12, 29), "Perihal", SecurityClass.Biasa, Urgency.Segera, "005",
            Kepala, "Kepala Dinas", "Impor SIPADEK", received, received.AddDays(-3));

        letter.Origin.ShouldBe(LetterOrigin.Legacy);
        letter.IsImported.ShouldBeTrue();
        letter.Status.ShouldBe(LetterStatus.Closed);
        letter.AgendaYear.ShouldBe(2024);
        letter.ClosedAt.ShouldBe(received); // never closed before it was received
    }

    private static Letter Imported(SecurityClass securityClass) => Letter.Import(Guid.NewGuid(), Opd, "Inspektorat", "R/700/2/ITDA/2024", new DateOnly(2024, 3, 14),
        "Laporan", securityClass, Urgency.Biasa, "700", Kepala, "Kepala Dinas", "Impor SIPADEK", Now, Now);
}
