using Microsoft.Playwright;
using Npgsql;
using Superapps.SharedKernel;

namespace Superapps.BrowserTests;

/// <summary>
/// The ICT complaint journey of issue 5: the kelurahan staff member reports "internet mati" for Kelurahan Beringin's office from a
/// phone; a technician finds it in the helpdesk queue, takes it, starts and resolves it with a note; the reporter opens it on a
/// phone and confirms the fix; the helpdesk lead's report shows its time to resolve.
/// </summary>
public sealed class TicketHelpdeskJourneyTests(PortalFixture fixture)
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

    /// <summary>The kelurahan staff member of the demo (docs/demo-logins.md: staf-kelurahan) and their employee id.</summary>
    private async Task<(string Login, Guid EmployeeId, string Name)> KelurahanStaffAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT u.user_name, e.id, u.display_name FROM identity.users u
              JOIN organization.employees e ON e.id = u.employee_id JOIN organization.positions p ON p.id = e.position_id
              JOIN organization.agencies a ON a.id = p.agency_id
             WHERE p.title = 'Pengadministrasi Umum' AND a.code = 'KEL-BERINGIN' ORDER BY u.user_name LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetGuid(1), reader.GetString(2)) : throw new InvalidOperationException("No kelurahan staff in the demo");
    }

    /// <summary>Reports "internet mati" for the staff member's office from a phone (the site is preselected): category, Kirim.</summary>
    private async Task<string> ReportFromPhoneAsync(string login)
    {
        var phone = await SignedInAsync(login, 375, 812);
        await GoAsync(phone, "tiket/lapor");
        await Assertions.Expect(phone.GetByTestId("report-site")).ToContainTextAsync("Beringin");
        await phone.GetByTestId("category-InternetDown").ClickAsync();
        await phone.GetByTestId("report-description").FillAsync("Internet mati di ruang pelayanan sejak pagi.");
        await phone.GetByTestId("report-send").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("report-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^TIK-\d{4}-\d{6}$"));
        return (await phone.GetByTestId("report-number").TextContentAsync())!.Trim();
    }

    [Fact]
    public async Task Kelurahan_staff_report_from_a_phone_a_technician_resolves_it_the_reporter_confirms_and_the_report_shows_the_time_to_resolve()
    {
        var (staffLogin, _, _) = await KelurahanStaffAsync();
        var number = await ReportFromPhoneAsync(staffLogin);
        var (technicianLogin, _, _) = await fixture.UserWithRoleAsync(Roles.HelpdeskTechnician);

        // The technician finds the ticket in the queue.
        var technician = await SignedInAsync(technicianLogin);
        await GoAsync(technician, "tiket/antrian");
        await Assertions.Expect(technician.GetByTestId("queue-tab-open")).ToContainTextAsync("Terbuka");
        await technician.GetByTestId("queue-search").FillAsync(number);
        var row = technician.GetByTestId("queue-number").Filter(new LocatorFilterOptions { HasText = number });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(technician.GetByTestId("queue-number")).ToHaveCountAsync(1);
        await Assertions.Expect(technician.GetByTestId("queue-sla")).ToContainTextAsync("Respons");
        await technician.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("ticket-queue.png"), FullPage = true });

        // Takes it, starts it, resolves it with a note.
        await row.ClickAsync();
        await technician.WaitForURLAsync(new Uri(fixture.Stack.PortalUrl, $"tiket/{number}").ToString());
        await PortalFixture.WaitInteractiveAsync(technician);
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Baru");
        await technician.GetByTestId("ticket-take").ClickAsync();
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Ditugaskan");
        await technician.GetByTestId("ticket-start").ClickAsync();
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Dikerjakan");

        // A resolution without a note is refused in place, and nothing changes.
        await technician.GetByTestId("ticket-resolve").ClickAsync();
        await Assertions.Expect(technician.GetByText("Catatan wajib diisi untuk tindakan ini")).ToBeVisibleAsync();
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Dikerjakan");
        await technician.GetByTestId("ticket-note").FillAsync("Konektor SC di ODP diganti, koneksi normal.");
        await technician.GetByTestId("ticket-resolve").ClickAsync();
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Selesai dikerjakan");
        await Assertions.Expect(technician.GetByTestId("ticket-history")).ToContainTextAsync("Konektor SC di ODP diganti");
        await technician.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("ticket-page.png"), FullPage = true });

        // The reporter opens it on a phone and confirms; the technician's open page follows without a reload.
        var reporter = await SignedInAsync(staffLogin, 390, 844);
        await GoAsync(reporter, $"tiket/{number}");
        await Assertions.Expect(reporter.GetByTestId("ticket-status")).ToHaveTextAsync("Selesai dikerjakan");
        await reporter.GetByTestId("ticket-confirm").ClickAsync();
        await Assertions.Expect(reporter.GetByTestId("ticket-status")).ToHaveTextAsync("Ditutup");
        await reporter.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("ticket-page-phone.png"), FullPage = true });
        await technician.BringToFrontAsync();
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Ditutup");
        await Assertions.Expect(technician.GetByTestId("ticket-changed")).ToBeVisibleAsync();

        // Someone else's ticket page shows nothing of it.
        var (otherLogin, _) = await fixture.UserWithPositionAsync("Kepala Bidang Aplikasi dan Informatika");
        var other = await SignedInAsync(otherLogin);
        await GoAsync(other, $"tiket/{number}");
        await Assertions.Expect(other.GetByTestId("ticket-not-found")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("ticket-description")).ToHaveCountAsync(0);

        // The helpdesk lead's report shows the ticket among the recently resolved, with its time to resolve, beside the charts.
        var (leadLogin, _, _) = await fixture.UserWithRoleAsync(Roles.HelpdeskLead);
        var lead = await SignedInAsync(leadLogin);
        await GoAsync(lead, "tiket/laporan");
        var resolved = lead.GetByTestId("report-recent").Locator("tr").Filter(new LocatorFilterOptions { HasText = number });
        await Assertions.Expect(resolved).ToHaveCountAsync(1);
        await Assertions.Expect(resolved.GetByTestId("recent-business-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d"));
        await Assertions.Expect(lead.GetByTestId("report-mttr")).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByTestId("chart-category")).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByTestId("chart-trend")).ToBeVisibleAsync();
        await lead.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("ticket-reports.png"), FullPage = true });
    }
}
