using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Superapps.SharedKernel;

namespace Superapps.BrowserTests;

/// <summary>An OPD's administrator keeps its employees current: import with a row-by-row report, then edit by hand.</summary>
public sealed class OrganizationAdminJourneyTests(PortalFixture fixture)
{
    /// <summary>Chooses a file the way a user does: the button opens the picker once the page is interactive and listening.</summary>
    private static async Task ChooseFileAsync(IPage page, FilePayload file)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("import-choose").ClickAsync());
        await chooser.SetFilesAsync(file);
    }

    private static FilePayload Csv(string name, string content) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) };

    [Fact]
    public async Task An_opd_admin_imports_employees_sees_bad_rows_by_number_then_imports_and_edits_them()
    {
        var (login, _, agency) = await fixture.UserWithRoleAsync(Roles.AgencyAdministrator);
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, login);

        await page.GotoAsync(new Uri(fixture.Stack.PortalUrl, "organisasi/impor").ToString());
        await PortalFixture.WaitInteractiveAsync(page);
        var bad = $"""
            nip,nama,kode_opd,email
            197805142006041001,Rudi Hartono,{agency},rudi.hartono@kotademo.go.id
            197813452006041001,Tanggal Lahir Keliru,{agency},
            197805142006041001,Rudi Kembar,{agency},
            """;
        await ChooseFileAsync(page, Csv("pegawai-salah.csv", bad));

        await Assertions.Expect(page.GetByTestId("import-refused")).ToContainTextAsync("tidak ada data yang disimpan");
        var errors = page.GetByTestId("import-errors");
        await Assertions.Expect(errors.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(errors.Locator("tbody tr").Nth(0)).ToContainTextAsync("3");
        await Assertions.Expect(errors.Locator("tbody tr").Nth(0)).ToContainTextAsync("tanggal lahir");
        await Assertions.Expect(errors.Locator("tbody tr").Nth(1)).ToContainTextAsync("sama dengan baris 2");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("import-rejected.png"), FullPage = true });

        var good = $"""
            nip,nama,kode_opd,email
            197805142006041001,Rudi Hartono,{agency},rudi.hartono@kotademo.go.id
            """;
        await ChooseFileAsync(page, Csv("pegawai.csv", good));
        await Assertions.Expect(page.GetByTestId("import-success")).ToContainTextAsync("1 baru");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("import-succeeded.png"), FullPage = true });

        await page.GotoAsync(new Uri(fixture.Stack.PortalUrl, "organisasi/pegawai").ToString());
        await PortalFixture.WaitInteractiveAsync(page);
        await page.GetByPlaceholder("Cari nama, NIP, e-mail atau OPD").FillAsync("197805142006041001");
        // Wait for the found employee's own row: while the table reloads, its one row may be the loading or empty row.
        var found = page.GetByTestId("employees").Locator("tbody tr");
        await Assertions.Expect(found).ToHaveCountAsync(1);
        await Assertions.Expect(found.First).ToContainTextAsync("Rudi Hartono");
        await found.First.GetByTestId("employee-link").ClickAsync();
        await page.WaitForURLAsync(new Regex("/organisasi/pegawai/[0-9a-f-]{36}$"));
        await PortalFixture.WaitInteractiveAsync(page);

        var name = page.GetByTestId("employee-name");
        await Assertions.Expect(name).ToHaveValueAsync("Rudi Hartono");
        await page.GetByTestId("employee-nip").FillAsync("1978051420060410");
        await page.GetByTestId("employee-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("NIP harus terdiri dari 18 digit");
        await Assertions.Expect(name).ToHaveValueAsync("Rudi Hartono");

        await page.GetByTestId("employee-nip").FillAsync("197805142006041001");
        await name.FillAsync("Rudi Hartono, S.Sos.");
        await page.GetByTestId("employee-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("employee-title")).ToHaveTextAsync("Rudi Hartono, S.Sos.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("employee-edited.png"), FullPage = true });
    }

    [Fact]
    public async Task The_import_endpoint_answers_422_with_rows_400_for_wrong_columns_and_403_without_the_role()
    {
        var (login, _, agency) = await fixture.UserWithRoleAsync(Roles.AgencyAdministrator);
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, login);
        var url = new Uri(fixture.Stack.PortalUrl, "organisasi/impor/pegawai").ToString();
        var headers = new Dictionary<string, string> { ["X-Superapps-Request"] = "1" };

        var rows = await page.Context.APIRequest.PostAsync(url, new APIRequestContextOptions
        {
            Headers = headers,
            Multipart = page.Context.APIRequest.CreateFormData().Set("file", Csv("pegawai.csv", $"nip,nama,kode_opd\n12345,Terlalu Pendek,{agency}\n")),
        });
        rows.Status.ShouldBe(422);
        var problem = JsonDocument.Parse(await rows.TextAsync()).RootElement;
        problem.GetProperty("errors")[0].GetProperty("row").GetInt32().ShouldBe(2);
        problem.GetProperty("errors")[0].GetProperty("column").GetString().ShouldBe("nip");
        problem.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldStartWith("NIP harus terdiri dari 18 digit");

        var columns = await page.Context.APIRequest.PostAsync(url, new APIRequestContextOptions
        {
            Headers = headers,
            Multipart = page.Context.APIRequest.CreateFormData().Set("file", Csv("pegawai.csv", "nomor,nama\n1,A\n")),
        });
        columns.Status.ShouldBe(400);
        (await columns.TextAsync()).ShouldContain("Kolom wajib tidak ada");

        var (stafLogin, _) = await fixture.UserWithPositionAsync("Pranata Komputer Ahli Pertama");
        var staf = await fixture.NewPageAsync();
        await fixture.SignInAsync(staf, stafLogin);
        var forbidden = await staf.Context.APIRequest.PostAsync(url, new APIRequestContextOptions
        {
            Headers = headers,
            Multipart = staf.Context.APIRequest.CreateFormData().Set("file", Csv("pegawai.csv", "nip,nama,kode_opd\n")),
            MaxRedirects = 0,
        });
        forbidden.Status.ShouldBe(403);
    }

    [Fact]
    public async Task A_staff_member_opening_an_admin_page_is_told_access_is_denied()
    {
        var (login, _) = await fixture.UserWithPositionAsync("Pranata Komputer Ahli Pertama");
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, login);

        await page.GotoAsync(new Uri(fixture.Stack.PortalUrl, "organisasi/impor").ToString());

        await Assertions.Expect(page.GetByTestId("access-denied")).ToContainTextAsync("Anda tidak memiliki akses ke halaman ini.");
        await Assertions.Expect(page.GetByTestId("import-choose")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("access-denied.png") });
    }
}
