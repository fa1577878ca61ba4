using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Review;
using Superapps.Datasets.Pages.Review;
using Superapps.Testing;
using static Superapps.Datasets.IntegrationTests.ReviewHarness;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>The review queue on PostgreSQL: the versions waiting, oldest first, with their OPD, period, rows and uploader, and nothing already reviewed.</summary>
public sealed class ReviewQueuePageTests(PostgresServer server) : ReviewPageTest(server)
{
    [Fact]
    public async Task The_walidata_sees_the_uploads_waiting_oldest_first_linking_to_their_version_pages()
    {
        typeof(ReviewQueuePage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(DatasetsPortalModule.CustodianPolicy);
        var students = await Harness.DatasetAsync("jumlah-siswa-sd", [new("sekolah", ColumnType.Text, Required: true, Key: true)]);
        var population = await Harness.DatasetAsync("jumlah-penduduk", [new("kecamatan", ColumnType.Text, Required: true, Key: true)],
            ReviewDirectory.Dukcapil.AgencyId, "Jumlah Penduduk");
        var reviewed = await Harness.UploadAsync(students, "sekolah\nSDN 1\n", "2026-09");
        await Harness.UploadAsync(population, "kecamatan\nTelanaipura\nKota Baru\nJambi Timur\n", "2026-10", OtherOperator);
        await Harness.UploadAsync(students, "sekolah\nSDN 1\nSDN 2\n");
        await Harness.RunAsync<DatasetReview>(r => r.ApproveAsync(reviewed, null, Walidata, Ct));

        SignIn(Walidata);
        var page = Render<ReviewQueuePage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=review-queue-link]").Count.ShouldBe(2), Wait);
        var rows = page.FindAll("[data-testid=review-queue] tbody tr").Select(Text).ToList();
        rows[0].ShouldBe($"Jumlah Penduduk Versi 1 {ReviewDirectory.Dukcapil.Name} Oktober 2026 3 Joko (Operator Data)2 Desember 2026 09.05 WIB");
        rows[1].ShouldStartWith($"Jumlah Siswa SD Versi 2 {ReviewDirectory.Disdik.Name} November 2026 2 Sari (Operator Data)");
        page.FindAll("[data-testid=review-queue-link]").Select(a => a.GetAttribute("href")).ShouldBe(["/data/jumlah-penduduk/versi/1", "/data/jumlah-siswa-sd/versi/2"]);
    }

    [Fact]
    public void An_empty_queue_says_so()
    {
        SignIn(Walidata);
        var page = Render<ReviewQueuePage>();

        page.WaitForAssertion(() => page.Find("[data-testid=review-queue-empty]").TextContent.ShouldBe("Tidak ada unggahan yang menunggu pemeriksaan."), Wait);
    }
}
