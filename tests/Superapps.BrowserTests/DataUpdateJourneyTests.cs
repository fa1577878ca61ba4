using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Superapps.SharedKernel;

namespace Superapps.BrowserTests;

/// <summary>
/// Issue 6's journey: the walidata puts two monthly datasets on the data list (Dinas Pendidikan's and Dinas Kesehatan's); the
/// Disdik data operator uploads a file with errors (shown by row and column, nothing saved), then a correct one for last month;
/// the walidata approves it; the public open-data page shows it fresh without a login; and the Wakil Walikota's compliance dashboard ranks
/// Disdik on time above Dinkes, whose data is overdue.
/// </summary>
public sealed class DataUpdateJourneyTests(PortalFixture fixture)
{
    private async Task<IPage> SignedInAsync(string login, int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        await fixture.SignInAsync(page, login);
        return page;
    }

    private async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(fixture.Stack.PortalUrl, path).ToString());
        await PortalFixture.WaitInteractiveAsync(page);
    }

    private static Task UploadAsync(IPage page, string name, string csv) =>
        // MudFileUpload keeps the input of each earlier pick and adds a fresh one for the next: the last is the one to use.
        PortalFixture.SetFilesWhenReadyAsync(page, "input[type=file][data-testid=upload-file]", new FilePayload
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });

    [Fact]
    public async Task An_operator_uploads_the_walidata_approves_the_public_sees_it_fresh_and_the_dashboard_ranks_the_opds()
    {
        // Periods as the city counts them (WIB): last month's data is due on the last day of this month, so an upload today is on
        // time; Dinkes's dataset is due on the first day of each month and has had nothing since three months ago.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var lastMonth = today.AddMonths(-1);
        var lastMonthKey = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var schools = $"jumlah-sekolah-{suffix}";
        var visits = $"kunjungan-puskesmas-{suffix}";

        var (walidataLogin, _, _) = await fixture.UserWithRoleAsync(Roles.DataCustodian);
        var (operatorLogin, _, operatorAgency) = await fixture.UserWithRoleAsync(Roles.DataOperator);
        operatorAgency.ShouldBe("DISDIK");
        var (deputyLogin, _) = await fixture.UserWithPositionAsync("Wakil Walikota");

        // The walidata imports the two entries through the data list's import endpoint, with the session of the signed-in page.
        var walidata = await SignedInAsync(walidataLogin);
        var list = $"""
            kode,judul,deskripsi,kode_opd,frekuensi,hari_jatuh_tempo,periode_awal,kolom,kata_kunci,lisensi
            {schools},Jumlah Sekolah per Kecamatan,Sekolah negeri dan swasta,DISDIK,bulanan,31,{lastMonthKey},"kecamatan:teks:wajib:kunci; jumlah_sekolah:bilangan-bulat:wajib","pendidikan, sekolah",CC-BY-4.0
            {visits},Kunjungan Puskesmas,,DINKES,bulanan,1,{today.AddMonths(-3).ToString("yyyy-MM", CultureInfo.InvariantCulture)},"puskesmas:teks:wajib:kunci; kunjungan:bilangan-bulat:wajib",kesehatan,
            """;
        var form = walidata.APIRequest.CreateFormData();
        form.Set("file", new FilePayload { Name = "daftar-data.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(list) });
        var import = await walidata.APIRequest.PostAsync(new Uri(fixture.Stack.PortalUrl, "data/impor").ToString(), new APIRequestContextOptions
        {
            Multipart = form,
            Headers = new Dictionary<string, string> { ["X-Superapps-Request"] = "1" },
        });
        import.Status.ShouldBe(200, await import.TextAsync());

        // The Disdik operator uploads a file with a missing count and a word for a number: every error by row and column.
        var dataOperator = await SignedInAsync(operatorLogin);
        await GoAsync(dataOperator, $"data/{schools}/unggah");
        await UploadAsync(dataOperator, "sekolah.csv", "kecamatan,jumlah_sekolah\nKota Baru,12\nPasar,\nTelanaipura,dua belas\n");
        await Assertions.Expect(dataOperator.GetByTestId("upload-failed")).ToBeVisibleAsync();
        var errors = dataOperator.GetByTestId("upload-errors");
        await Assertions.Expect(errors).ToContainTextAsync("jumlah_sekolah");
        await Assertions.Expect(errors).ToContainTextAsync("dua belas");
        await dataOperator.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("data-upload-errors.png"), FullPage = true });

        // The corrected file becomes version 1, waiting for the walidata.
        await UploadAsync(dataOperator, "sekolah.csv", "kecamatan,jumlah_sekolah\nKota Baru,12\nPasar,9\nTelanaipura,12\n");
        await Assertions.Expect(dataOperator.GetByTestId("upload-success")).ToBeVisibleAsync();

        // The walidata approves it; nothing was public before.
        var visitor = await fixture.NewPageAsync(360, 740);
        var publicPage = await visitor.GotoAsync(new Uri(fixture.Stack.PortalUrl, $"data-terbuka/{schools}/unduh.csv").ToString());
        publicPage!.Status.ShouldBe(404);
        await GoAsync(walidata, $"data/{schools}/versi/1");
        await walidata.GetByTestId("review-approve").ClickAsync();
        await Assertions.Expect(walidata.GetByTestId("version-status")).ToHaveTextAsync("Disetujui");

        // The public page, without a login, on a phone: fresh, with the data.
        await GoAsync(visitor, $"data-terbuka/{schools}");
        await Assertions.Expect(visitor.GetByTestId("freshness-on-time")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByTestId("preview")).ToContainTextAsync("Telanaipura");
        (await visitor.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).ShouldBeLessThanOrEqualTo(0);
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("data-public-dataset-phone.png"), FullPage = true });

        // The Wakil Walikota's dashboard: Disdik at 100 % above Dinkes; Dinkes's dataset is overdue.
        var leader = await SignedInAsync(deputyLogin);
        await GoAsync(leader, "data/kepatuhan");
        var names = leader.GetByTestId("compliance-agencies").GetByTestId("agency-name");
        await Assertions.Expect(names.Filter(new LocatorFilterOptions { HasText = "Dinas Kesehatan" })).ToHaveCountAsync(1);
        var order = (await names.AllTextContentsAsync()).Select(n => n.Trim()).ToList();
        order.IndexOf("Dinas Pendidikan").ShouldBeLessThan(order.IndexOf("Dinas Kesehatan"));
        // At 1280 px the ranking fits its card: no sideways scrolling inside the table.
        (await leader.GetByTestId("compliance-agencies").Locator(".mud-table-container")
            .EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth")).ShouldBeLessThanOrEqualTo(0);
        var disdikRow = leader.GetByTestId("compliance-agencies").Locator("tr").Filter(new LocatorFilterOptions { HasText = "Dinas Pendidikan" });
        await Assertions.Expect(disdikRow.GetByTestId("agency-percent")).ToContainTextAsync("100");
        await names.Filter(new LocatorFilterOptions { HasText = "Dinas Kesehatan" }).ClickAsync();
        var detail = leader.GetByTestId("agency-detail");
        await Assertions.Expect(detail.GetByTestId("dataset-link").Filter(new LocatorFilterOptions { HasText = "Kunjungan Puskesmas" })).ToBeVisibleAsync();
        await Assertions.Expect(detail.GetByTestId("dataset-freshness").First).ToHaveTextAsync(new Regex("terlambat", RegexOptions.IgnoreCase));
        await leader.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("data-compliance-dashboard.png"), FullPage = true });
    }
}
