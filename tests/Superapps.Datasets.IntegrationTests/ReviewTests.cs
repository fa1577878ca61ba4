using Microsoft.EntityFrameworkCore;
using Npgsql;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Review;
using Superapps.Notifications.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;
using static Superapps.Datasets.IntegrationTests.ReviewHarness;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The walidata's review on PostgreSQL: approve and return with their audit entries and the notices to the uploader, the walidata
/// told of an upload, the refusals (own upload, not the walidata, already reviewed, a missing reason or note) that change nothing,
/// and two reviewers at once.
/// </summary>
public sealed class ReviewTests(PostgresServer server) : IAsyncLifetime
{
    private const string Csv = "sekolah,jumlah_siswa\nSDN 1,320\nSDN 2,280\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReviewHarness _harness = null!;
    private Dataset _dataset = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await ReviewHarness.CreateAsync(server);
        _dataset = await _harness.DatasetAsync("jumlah-siswa-sd",
            [new("sekolah", ColumnType.Text, Required: true, Key: true), new("jumlah_siswa", ColumnType.WholeNumber, Required: true)]);
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private Task ApproveAsync(Guid versionId, Features.Access.DataUser reviewer, string? note = null) =>
        _harness.RunAsync<DatasetReview>(review => review.ApproveAsync(versionId, note, reviewer, Ct));

    private Task ReturnAsync(Guid versionId, Features.Access.DataUser reviewer, ReturnReason[] reasons, string? note = null) =>
        _harness.RunAsync<DatasetReview>(review => review.ReturnAsync(versionId, reasons, note, reviewer, Ct));

    [Fact]
    public async Task An_upload_tells_the_walidata_positions_holders_but_not_the_uploader()
    {
        var versionId = await _harness.UploadAsync(_dataset, Csv);

        var notice = _harness.Notices.Notices.ShouldHaveSingleItem();
        notice.RecipientEmployeeIds.ShouldBe([ReviewDirectory.Rina, ReviewDirectory.Bayu], ignoreOrder: true);
        notice.Topic.ShouldBe(NoticeTopic.DataUpdate);
        notice.Key.ShouldBe($"datasets.version:{versionId}:submitted");
        notice.Title.Indonesian.ShouldBe("Data Jumlah Siswa SD periode November 2026 menunggu pemeriksaan");
        notice.Title.English.ShouldBe("Data Jumlah Siswa SD for November 2026 awaits review");
        notice.Body!.Indonesian.ShouldBe("Versi 1, 2 baris, diunggah oleh Sari (Operator Data).");
        notice.Link.ShouldBe("/data/jumlah-siswa-sd/versi/1");

        // A walidata uploading for their own OPD is not told of their own upload; the other walidata is.
        _harness.Notices.Clear();
        var own = await _harness.DatasetAsync("data-diskominfo", [new("nama", ColumnType.Text, Required: true, Key: true)], ReviewDirectory.Diskominfo.AgencyId);
        await _harness.UploadAsync(own, "nama\nA\n", uploader: Walidata);
        _harness.Notices.Notices.ShouldHaveSingleItem().RecipientEmployeeIds.ShouldBe([ReviewDirectory.Bayu]);
    }

    [Fact]
    public async Task Approving_publishes_the_version_audits_it_and_tells_the_uploader()
    {
        var versionId = await _harness.UploadAsync(_dataset, Csv);
        _harness.Notices.Clear();

        await ApproveAsync(versionId, Walidata, "  Lengkap, terima kasih.  ");

        var version = await _harness.VersionAsync(versionId);
        (version.Status, version.ReviewedById, version.ReviewedByName, version.ReviewedAt, version.ReviewNote)
            .ShouldBe((VersionStatus.Approved, (Guid?)ReviewDirectory.Rina, "Rina (Walidata)", (DateTimeOffset?)_harness.Clock.GetUtcNow(), "Lengkap, terima kasih."));
        var audit = _harness.Services.Audit.Events.Where(e => e.Action == "version.approved").ShouldHaveSingleItem();
        (audit.Module, audit.EntityType, audit.EntityId).ShouldBe(("datasets", nameof(DatasetVersion), versionId.ToString()));
        audit.Summary.ShouldBe("jumlah-siswa-sd 2026-11: versi 1 disetujui oleh Rina (Walidata)");
        var notice = _harness.Notices.To(ReviewDirectory.Sari).ShouldHaveSingleItem();
        notice.Title.ShouldBe(new BilingualText("Data Jumlah Siswa SD periode November 2026 disetujui dan sudah tayang",
            "Data Jumlah Siswa SD for November 2026 was approved and is published"));
        notice.Body!.Indonesian.ShouldBe("Catatan walidata: Lengkap, terima kasih.");
        (notice.Key, notice.Link).ShouldBe(($"datasets.version:{versionId}:approved", "/data/jumlah-siswa-sd/versi/1"));
    }

    [Fact]
    public async Task Returning_keeps_the_coded_reasons_and_the_note_audits_them_and_tells_the_uploader_why()
    {
        var versionId = await _harness.UploadAsync(_dataset, Csv);
        _harness.Notices.Clear();

        await ReturnAsync(versionId, Walidata, [ReturnReason.Other, ReturnReason.Incomplete], "Sekolah swasta belum masuk.");

        var version = await _harness.VersionAsync(versionId);
        version.Status.ShouldBe(VersionStatus.Returned);
        version.ReturnReasons.ShouldBe([ReturnReason.Incomplete, ReturnReason.Other]);
        version.ReviewNote.ShouldBe("Sekolah swasta belum masuk.");
        var audit = _harness.Services.Audit.Events.Where(e => e.Action == "version.returned").ShouldHaveSingleItem();
        audit.Summary.ShouldBe("jumlah-siswa-sd 2026-11: versi 1 dikembalikan oleh Rina (Walidata) (DATA-TIDAK-LENGKAP, LAINNYA)");
        System.Text.Json.JsonSerializer.Serialize(audit.Data).ShouldContain("\"reasons\":[\"DATA-TIDAK-LENGKAP\",\"LAINNYA\"]");
        var notice = _harness.Notices.To(ReviewDirectory.Sari).ShouldHaveSingleItem();
        notice.Title.Indonesian.ShouldBe("Data Jumlah Siswa SD periode November 2026 dikembalikan");
        notice.Body!.Indonesian.ShouldBe("Alasan: DATA-TIDAK-LENGKAP Data tidak lengkap; LAINNYA Lainnya (lihat catatan). Catatan: Sekolah swasta belum masuk.");
        notice.Body.English.ShouldBe("Reasons: DATA-TIDAK-LENGKAP Data incomplete; LAINNYA Other (see the note). Note: Sekolah swasta belum masuk.");
        notice.Link.ShouldBe("/data/jumlah-siswa-sd/versi/1");
    }

    [Fact]
    public async Task Refusals_change_nothing_and_say_why_in_both_languages()
    {
        var versionId = await _harness.UploadAsync(_dataset, Csv);
        var own = await _harness.DatasetAsync("data-diskominfo", [new("nama", ColumnType.Text, Required: true, Key: true)], ReviewDirectory.Diskominfo.AgencyId);
        var ownVersion = await _harness.UploadAsync(own, "nama\nA\n", uploader: Walidata);
        _harness.Notices.Clear();
        _harness.Services.Audit.Clear();

        (await Should.ThrowAsync<DomainRuleException>(() => ApproveAsync(ownVersion, Walidata))).Errors.ShouldBe([DatasetErrors.OwnUpload]);
        (await Should.ThrowAsync<DomainRuleException>(() => ApproveAsync(versionId, Operator))).Errors.ShouldBe([ReviewErrors.NotCustodian]);
        (await Should.ThrowAsync<DomainRuleException>(() => ReturnAsync(versionId, Walidata, []))).Errors.ShouldBe([DatasetErrors.NoReturnReason]);
        (await Should.ThrowAsync<DomainRuleException>(() => ReturnAsync(versionId, Walidata, [ReturnReason.Other], "  "))).Errors
            .ShouldBe([DatasetErrors.ReturnNoteRequired]);
        (await Should.ThrowAsync<DomainRuleException>(() => ApproveAsync(Guid.CreateVersion7(), Walidata))).Errors.ShouldBe([ReviewErrors.VersionNotFound]);
        ReviewErrors.NotCustodian.Indonesian.ShouldNotBeNullOrWhiteSpace();
        ReviewErrors.NotCustodian.English.ShouldNotBe(ReviewErrors.NotCustodian.Indonesian);

        (await _harness.VersionAsync(versionId)).Status.ShouldBe(VersionStatus.Submitted);
        (await _harness.VersionAsync(ownVersion)).Status.ShouldBe(VersionStatus.Submitted);
        _harness.Services.Audit.Events.ShouldBeEmpty();
        _harness.Notices.Notices.ShouldBeEmpty();

        // Reviewed once, a second review is refused and the first decision stands.
        await ApproveAsync(versionId, Walidata);
        var second = await Should.ThrowAsync<DomainRuleException>(() => ReturnAsync(versionId, OtherWalidata, [ReturnReason.Incomplete]));
        second.Errors.ShouldBe([DatasetErrors.NotAwaitingReview]);
        (await _harness.VersionAsync(versionId)).Status.ShouldBe(VersionStatus.Approved);
        await using var db = await _harness.Contexts.CreateDbContextAsync(Ct);
        (await db.Rows.CountAsync(r => r.VersionId == versionId, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task Two_reviewers_at_once_one_decides_and_the_other_is_told_it_no_longer_awaits_review()
    {
        var versionId = await _harness.UploadAsync(_dataset, Csv);
        _harness.Services.Audit.Clear();
        _harness.Notices.Clear();

        // Hold the version's row so both reviews are waiting on its lock before either can decide.
        await using var holder = new NpgsqlConnection(_harness.Services.ConnectionString);
        await holder.OpenAsync(Ct);
        var hold = await holder.BeginTransactionAsync(Ct);
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM datasets.versions WHERE id = @id FOR UPDATE", holder, hold))
        {
            lockRow.Parameters.AddWithValue("id", versionId);
            await lockRow.ExecuteScalarAsync(Ct);
        }

        var approve = Task.Run(() => ApproveAsync(versionId, Walidata, "Lengkap."), Ct);
        var returned = Task.Run(() => ReturnAsync(versionId, OtherWalidata, [ReturnReason.Implausible], "Angka melonjak."), Ct);
        await WaitForLockWaitersAsync(holder, 2);
        await hold.CommitAsync(Ct);

        var outcomes = await Task.WhenAll(Outcome(approve), Outcome(returned));

        outcomes.Count(e => e is null).ShouldBe(1);
        outcomes.Single(e => e is not null)!.Errors.ShouldBe([DatasetErrors.NotAwaitingReview]);
        DatasetErrors.NotAwaitingReview.Indonesian.ShouldStartWith("Versi ini tidak sedang menunggu pemeriksaan");
        DatasetErrors.NotAwaitingReview.English.ShouldStartWith("This version is not awaiting review");
        var version = await _harness.VersionAsync(versionId);
        var winner = outcomes[0] is null ? (VersionStatus.Approved, ReviewDirectory.Rina, "Lengkap.") : (VersionStatus.Returned, ReviewDirectory.Bayu, "Angka melonjak.");
        (version.Status, version.ReviewedById!.Value, version.ReviewNote).ShouldBe(winner);
        _harness.Services.Audit.Events.Count(e => e.Action is "version.approved" or "version.returned").ShouldBe(1);
        _harness.Notices.To(ReviewDirectory.Sari).Count.ShouldBe(1);
        await using var db = await _harness.Contexts.CreateDbContextAsync(Ct);
        (await db.Rows.CountAsync(r => r.VersionId == versionId, Ct)).ShouldBe(2);
    }

    private static async Task<DomainRuleException?> Outcome(Task review)
    {
        try
        {
            await review;
            return null;
        }
        catch (DomainRuleException ex)
        {
            return ex;
        }
    }

    /// <summary>Waits until <paramref name="count"/> other sessions wait for a lock in this database: a condition, not a sleep.</summary>
    private static async Task WaitForLockWaitersAsync(NpgsqlConnection connection, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var query = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()", connection);
            if ((long)(await query.ExecuteScalarAsync(timeout.Token))! >= count)
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
