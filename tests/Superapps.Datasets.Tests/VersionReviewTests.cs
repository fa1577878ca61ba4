using Superapps.Datasets.Domain;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Tests;

public sealed class VersionReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Operator = Guid.CreateVersion7();
    private static readonly Guid Walidata = Guid.CreateVersion7();

    private static DatasetVersion Submitted() => DatasetVersion.Submit(Guid.CreateVersion7(), new ReportingPeriod(UpdateFrequency.Monthly, 2026, 11), 1,
        "C:\\\\data\\\\penduduk.csv", 100, 2, Operator, "Sari", DatasetSchema.Create([new("kecamatan", ColumnType.Text, Required: true, Key: true)]), Now);

    [Fact]
    public void A_submitted_version_keeps_the_columns_and_the_bare_file_name_it_was_uploaded_with()
    {
        var version = Submitted();

        version.Status.ShouldBe(VersionStatus.Submitted);
        version.FileName.ShouldBe("penduduk.csv");
        version.Schema.Columns.Single().Name.ShouldBe("kecamatan");
    }

    [Fact]
    public void The_walidata_approves_with_an_optional_note_and_the_review_is_recorded()
    {
        var version = Submitted();

        version.Approve(Walidata, "Rina", "  Lengkap.  ", Now.AddHours(1));

        (version.Status, version.ReviewedById, version.ReviewedByName, version.ReviewedAt, version.ReviewNote)
            .ShouldBe((VersionStatus.Approved, (Guid?)Walidata, "Rina", (DateTimeOffset?)Now.AddHours(1), "Lengkap."));
        version.ReturnReasons.ShouldBeEmpty();
    }

    [Fact]
    public void A_return_keeps_its_reasons_once_each_in_a_fixed_order()
    {
        var version = Submitted();

        version.Return([ReturnReason.Implausible, ReturnReason.Incomplete, ReturnReason.Implausible], Walidata, "Rina", null, Now);

        version.Status.ShouldBe(VersionStatus.Returned);
        version.ReturnReasons.ShouldBe([ReturnReason.Incomplete, ReturnReason.Implausible]);
        version.ReviewNote.ShouldBeNull();
    }

    [Fact]
    public void A_return_needs_a_reason_and_other_needs_a_note_and_both_are_told_at_once()
    {
        var version = Submitted();

        Should.Throw<DomainRuleException>(() => version.Return([], Walidata, "Rina", null, Now)).Error.ShouldBe(DatasetErrors.NoReturnReason);
        var error = Should.Throw<DomainRuleException>(() => version.Return([ReturnReason.Other], Walidata, "Rina", " ", Now));
        error.Errors.ShouldBe([DatasetErrors.ReturnNoteRequired]);
        version.Status.ShouldBe(VersionStatus.Submitted);
        version.Return([ReturnReason.Other], Walidata, "Rina", "Kolom jumlah tertukar dengan kolom luas.", Now);
        version.Status.ShouldBe(VersionStatus.Returned);
    }

    [Fact]
    public void Only_a_version_waiting_for_review_is_reviewed_and_never_by_its_uploader()
    {
        var version = Submitted();
        Should.Throw<DomainRuleException>(() => version.Approve(Operator, "Sari", null, Now)).Error.ShouldBe(DatasetErrors.OwnUpload);

        version.Approve(Walidata, "Rina", null, Now);

        Should.Throw<DomainRuleException>(() => version.Return([ReturnReason.Incomplete], Walidata, "Rina", null, Now)).Error.ShouldBe(DatasetErrors.NotAwaitingReview);
        Should.Throw<DomainRuleException>(() => version.Approve(Walidata, "Rina", null, Now)).Error.ShouldBe(DatasetErrors.NotAwaitingReview);
    }

    [Fact]
    public void A_superseded_version_can_no_longer_be_reviewed_and_a_reviewed_one_is_not_superseded()
    {
        var waiting = Submitted();
        waiting.Supersede();
        waiting.Status.ShouldBe(VersionStatus.Superseded);
        Should.Throw<DomainRuleException>(() => waiting.Approve(Walidata, "Rina", null, Now)).Error.ShouldBe(DatasetErrors.NotAwaitingReview);

        var approved = Submitted();
        approved.Approve(Walidata, "Rina", null, Now);
        approved.Supersede();
        approved.Status.ShouldBe(VersionStatus.Approved);
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused()
    {
        var version = Submitted();

        Should.Throw<DomainRuleException>(() => version.Approve(Walidata, "Rina", new string('x', DatasetVersion.MaxNoteLength + 1), Now))
            .Error.Code.ShouldBe("datasets.review.note-length");
        version.Status.ShouldBe(VersionStatus.Submitted);
    }

    [Theory]
    [InlineData("DATA-TIDAK-LENGKAP", ReturnReason.Incomplete)]
    [InlineData(" lainnya ", ReturnReason.Other)]
    [InlineData("periode-salah", ReturnReason.WrongPeriod)]
    public void Reason_codes_read_back_whatever_their_case(string code, ReturnReason expected)
    {
        ReturnReasons.TryParse(code, out var reason).ShouldBeTrue();
        reason.ShouldBe(expected);
    }

    [Fact]
    public void Every_reason_has_its_own_code_and_an_unknown_code_is_not_read()
    {
        Enum.GetValues<ReturnReason>().Select(r => r.Code()).Distinct().Count().ShouldBe(Enum.GetValues<ReturnReason>().Length);
        ReturnReasons.TryParse("SALAH-KETIK", out _).ShouldBeFalse();
    }
}
