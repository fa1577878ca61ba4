using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Numbering;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Tests.Drafting;

public sealed class NumberingAndDefaultsTests
{
    [Theory]
    [InlineData(LetterNumberFormat.DefaultTemplate, "000.1.2", 17, "DISKOMINFO", 2026, "000.1.2/17/DISKOMINFO/2026")]
    [InlineData("{nomor}/{unit}/{klasifikasi}/{tahun}", "800.1", 3, "BKPSDM", 2027, "3/BKPSDM/800.1/2027")]
    [InlineData("B-{nomor}/{unit}/{tahun}", "000", 120, "DKI", 2026, "B-120/DKI/2026")]
    public void Numbers_follow_the_template(string template, string code, int sequence, string unit, int year, string expected) =>
        LetterNumberFormat.Format(template, code, sequence, unit, year).ShouldBe(expected);

    [Theory]
    [InlineData("DISKOMINFO", "Dinas Komunikasi dan Informatika", "DISKOMINFO")]
    [InlineData("KEC-KOTABARU", "Kecamatan Kotabaru", "KEC-KOTABARU")]
    [InlineData(" BAPPEDA ", "Badan Perencanaan Pembangunan Daerah", "BAPPEDA")]
    public void Without_a_configured_unit_code_the_OPD_code_from_the_directory_is_used(string code, string agency, string expected) =>
        LetterNumberFormat.DefaultUnitCode(code, agency).ShouldBe(expected);

    [Theory]
    [InlineData(null, "Dinas Komunikasi dan Informatika", "DKI")]
    [InlineData("", "Badan Perencanaan Pembangunan Daerah", "BPPD")]
    [InlineData("KODE/SALAH", "Dinas Kesehatan", "DK")]
    [InlineData(null, "", "OPD")]
    public void Without_a_usable_OPD_code_the_initials_of_its_name_are_used(string? code, string agency, string expected) =>
        LetterNumberFormat.DefaultUnitCode(code, agency).ShouldBe(expected);

    [Theory]
    [InlineData("{klasifikasi}/{unit}/{tahun}", "DKI")]
    [InlineData(LetterNumberFormat.DefaultTemplate, "D/KI")]
    [InlineData(LetterNumberFormat.DefaultTemplate, "")]
    public void A_template_without_a_sequence_or_a_bad_unit_code_is_refused(string template, string unit) =>
        Should.Throw<DomainRuleException>(() => new NumberingFormat(Guid.NewGuid(), template, unit, null, null, "Admin", DateTimeOffset.UnixEpoch))
            .Error.ShouldBe(DraftingErrors.NumberingTemplate);

    private static readonly ChainCandidate Kepala = new(Guid.NewGuid(), "Kepala Dinas", PositionLevel.KepalaOpd, true);
    private static readonly ChainCandidate Kabid = new(Guid.NewGuid(), "Kepala Bidang Aplikasi", PositionLevel.Kabid, false);
    private static readonly ChainCandidate Kasi = new(Guid.NewGuid(), "Kepala Seksi Aplikasi", PositionLevel.Kasi, false);
    private static readonly ChainCandidate Staf = new(Guid.NewGuid(), "Pranata Komputer", PositionLevel.Staf, false);

    [Theory]
    [InlineData(LetterKind.SuratDinas, false)]
    [InlineData(LetterKind.SuratUndangan, false)]
    [InlineData(LetterKind.SuratTugas, true)]
    [InlineData(LetterKind.NotaDinas, true)]
    public void The_Kepala_signs_and_the_drafters_superiors_review_nearest_first(LetterKind kind, bool leavesAgency)
    {
        var (reviewers, signer) = DraftTemplates.DefaultChain(kind, Staf, [Kepala, Kabid, Kasi], leavesAgency);

        signer!.PositionId.ShouldBe(Kepala.PositionId);
        reviewers.Select(r => r.PositionId).ShouldBe([Kasi.PositionId, Kabid.PositionId]);
    }

    [Fact]
    public void A_nota_dinas_within_the_OPD_is_signed_by_the_drafters_Kabid()
    {
        var (reviewers, signer) = DraftTemplates.DefaultChain(LetterKind.NotaDinas, Staf, [Kabid, Kasi, Kepala], leavesAgency: false);

        signer!.PositionId.ShouldBe(Kabid.PositionId);
        reviewers.Select(r => r.PositionId).ShouldBe([Kasi.PositionId]);
    }

    [Fact]
    public void A_Kepala_drafting_signs_alone()
    {
        var (reviewers, signer) = DraftTemplates.DefaultChain(LetterKind.SuratEdaran, Kepala, [], leavesAgency: true);

        signer!.PositionId.ShouldBe(Kepala.PositionId);
        reviewers.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(LetterKind.SuratUndangan, "hari/tanggal", "acara")]
    [InlineData(LetterKind.SuratTugas, "Dasar", "Untuk")]
    [InlineData(LetterKind.NotaDinas, "Sehubungan", "terima kasih")]
    public void Each_kind_starts_from_its_skeleton(LetterKind kind, string first, string last)
    {
        var body = DraftTemplates.BodyFor(kind);
        body.ShouldContain(first);
        body.ShouldContain(last);
    }
}
